package dev.origincloudregions.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matches a raw request path to an operation's route. The path is split on {@code /} and every
 * segment percent-decoded on its own, so an encoded {@code /} or {@code %} inside a path IP stays part
 * of the IP. The literal segments {@code batch} and {@code supported_regions} win over
 * {@code {origin_ip}}; a trailing slash or an extra segment matches nothing.
 */
final class Router {
  /** The operations of the v1 family. */
  enum Op { LIST, CREATE, UPSERT, GET, DELETE, BATCH_UPSERT, BATCH_DELETE, SUPPORTED_REGIONS }

  private static final Map<String, Op> COLLECTION = methods("GET", Op.LIST, "POST", Op.CREATE, "PATCH", Op.UPSERT);
  private static final Map<String, Op> BATCH = methods("PATCH", Op.BATCH_UPSERT, "DELETE", Op.BATCH_DELETE);
  private static final Map<String, Op> SUPPORTED = methods("GET", Op.SUPPORTED_REGIONS);
  private static final Map<String, Op> ITEM = methods("GET", Op.GET, "DELETE", Op.DELETE);

  /** A matched route: the zone identifier, the path IP (item routes only) and the methods it allows, in order. */
  record Target(String zoneId, String pathIp, Map<String, Op> methods) {}

  private final String basePath;

  Router(String basePath) {
    this.basePath = basePath;
  }

  /** The route of {@code rawPath}, or null when it names none. */
  Target route(String rawPath) {
    String rest;
    if (basePath.isEmpty()) {
      rest = rawPath.startsWith("/") ? rawPath.substring(1) : null;
    } else {
      rest = rawPath.startsWith(basePath + "/") ? rawPath.substring(basePath.length() + 1) : null;
    }
    if (rest == null) {
      return null;
    }
    String[] segments = rest.split("/", -1);
    if (segments.length < 4 || segments.length > 5) {
      return null;
    }
    if (!"zones".equals(decode(segments[0])) || !"cache".equals(decode(segments[2]))
        || !"origin_cloud_regions".equals(decode(segments[3]))) {
      return null;
    }
    String zoneId = decode(segments[1]);
    if (segments.length == 4) {
      return new Target(zoneId, null, COLLECTION);
    }
    String last = decode(segments[4]);
    switch (last) {
      case "batch":
        return new Target(zoneId, null, BATCH);
      case "supported_regions":
        return new Target(zoneId, null, SUPPORTED);
      case "":
        return null;
      default:
        return new Target(zoneId, last, ITEM);
    }
  }

  /** Decodes %XX escapes as UTF-8; text that does not decode cleanly is kept as sent. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0 && hex(segment.charAt(i + 2)) >= 0) {
        bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
        i += 2;
      } else if (c == '%') {
        return segment;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return segment;
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
  }

  private static Map<String, Op> methods(Object... pairs) {
    Map<String, Op> methods = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      methods.put((String) pairs[i], (Op) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(methods);
  }
}
