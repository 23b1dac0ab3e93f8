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
 *
 * <p>Two families of paths below {@code /zones/{zone_id}}: v1 under {@code cache/origin_cloud_regions}
 * and v2 under {@code origin/cloud_regions}. Each path lists only its family's methods; any other
 * method answers 405 with those in {@code Allow} [E3].
 */
final class Router {
  /** The operations: v1's, v2's (prefixed), and supported_regions, which both families share. */
  enum Op {
    LIST, CREATE, UPSERT, GET, DELETE, BATCH_UPSERT, BATCH_DELETE, SUPPORTED_REGIONS,
    V2_LIST, V2_GET, V2_PUT, V2_DELETE, V2_BATCH_PUT, V2_BATCH_DELETE
  }

  /** A family of paths. */
  enum Family {
    V1("cache", "origin_cloud_regions"),
    V2("origin", "cloud_regions");

    final String group;
    final String resource;

    Family(String group, String resource) {
      this.group = group;
      this.resource = resource;
    }
  }

  private static final Map<String, Op> COLLECTION = methods("GET", Op.LIST, "POST", Op.CREATE, "PATCH", Op.UPSERT);
  private static final Map<String, Op> BATCH = methods("PATCH", Op.BATCH_UPSERT, "DELETE", Op.BATCH_DELETE);
  private static final Map<String, Op> SUPPORTED = methods("GET", Op.SUPPORTED_REGIONS);
  private static final Map<String, Op> ITEM = methods("GET", Op.GET, "DELETE", Op.DELETE);

  private static final Map<String, Op> V2_COLLECTION = methods("GET", Op.V2_LIST);
  private static final Map<String, Op> V2_BATCH = methods("PUT", Op.V2_BATCH_PUT, "DELETE", Op.V2_BATCH_DELETE);
  private static final Map<String, Op> V2_ITEM = methods("GET", Op.V2_GET, "PUT", Op.V2_PUT, "DELETE", Op.V2_DELETE);

  /**
   * A matched route: its family, the zone identifier, the path IP (item routes only) and the methods
   * it allows, in order.
   */
  record Target(Family family, String zoneId, String pathIp, Map<String, Op> methods) {}

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
    if (!"zones".equals(decode(segments[0]))) {
      return null;
    }
    Family family = family(decode(segments[2]), decode(segments[3]));
    if (family == null) {
      return null;
    }
    boolean v1 = family == Family.V1;
    String zoneId = decode(segments[1]);
    if (segments.length == 4) {
      return new Target(family, zoneId, null, v1 ? COLLECTION : V2_COLLECTION);
    }
    String last = decode(segments[4]);
    switch (last) {
      case "batch":
        return new Target(family, zoneId, null, v1 ? BATCH : V2_BATCH);
      case "supported_regions":
        return new Target(family, zoneId, null, SUPPORTED);
      case "":
        return null;
      default:
        return new Target(family, zoneId, last, v1 ? ITEM : V2_ITEM);
    }
  }

  private static Family family(String group, String resource) {
    for (Family family : Family.values()) {
      if (family.group.equals(group) && family.resource.equals(resource)) {
        return family;
      }
    }
    return null;
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
