package dev.origincloudregions.conformance.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders an exchange as a {@code curl} command that replays it. Credentials never appear: the recorded request
 * holds placeholders ({@link TargetCredentials.Placeholder}), which become shell expressions of an environment variable
 * ({@code ${CLOUDFLARE_API_TOKEN}}, {@code ${CLOUDFLARE_API_TOKEN%?}} for the token minus its last character, ...)
 * in double quotes, and a first line says which variable to export.
 */
public final class Curl {
  private static final int INLINE_LIMIT = 64 * 1024;
  private static final List<TargetCredentials.Placeholder> BY_LENGTH = java.util.Arrays.stream(
      TargetCredentials.Placeholder.values()).sorted((a, b) -> b.text.length() - a.text.length()).toList();

  private Curl() {}

  public static String of(Exchange ex, TargetCredentials credentials) {
    if (ex == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    byte[] body = ex.body();
    boolean big = body != null && body.length > INLINE_LIMIT;
    if (big) {
      sb.append(bigBodyProducer(body)).append(" | ");
    }
    java.util.Set<String> variables = new java.util.TreeSet<>();
    sb.append("curl -sS -g -i -X ").append(ex.method()).append(' ').append(quote(ex.url(), credentials));
    for (Map.Entry<String, String> h : ex.headers()) {
      if (h.getKey().equalsIgnoreCase("User-Agent") || h.getKey().equalsIgnoreCase("Accept")
          || h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding")) {
        continue;
      }
      String line = h.getKey() + ": " + h.getValue();
      String shell = null;
      // The longest placeholder first: <Base64 of conformance:<token>> holds <token>.
      for (TargetCredentials.Placeholder p : BY_LENGTH) {
        if (line.contains(p.text)) {
          variables.add(p.variable);
          shell = expanding(line, p);
          break;
        }
      }
      sb.append(" \\\n  -H ").append(shell == null ? quote(line, credentials) : "\"" + shell + "\"");
    }
    if (ex.chunked()) {
      sb.append(" \\\n  -H 'Transfer-Encoding: chunked'");
    }
    if (big) {
      sb.append(" \\\n  --data-binary @-");
    } else if (body != null && !printable(body)) {
      sb.append(" \\\n  --data-binary ").append(ansiC(body));
    } else if (body != null) {
      sb.append(" \\\n  --data-binary ").append(quote(new String(body, StandardCharsets.UTF_8), credentials));
    }
    if (!variables.isEmpty()) {
      StringBuilder export = new StringBuilder();
      for (String v : variables) {
        export.append("# export ").append(v).append("=... first (the value given to --")
            .append(v.equals(TargetCredentials.TOKEN_VAR) ? "token" : v.equals(TargetCredentials.KEY_VAR) ? "key" : "email")
            .append(")\n");
      }
      return export.append(sb).toString();
    }
    return sb.toString();
  }

  /** Whether the body is valid UTF-8 without control characters other than newline and tab. */
  public static boolean printable(byte[] body) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
      return s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t');
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** Bash ANSI-C quoting, byte for byte: {@code $'...\xHH...'}. */
  static String ansiC(byte[] body) {
    StringBuilder sb = new StringBuilder("$'");
    for (byte b : body) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\x%02x", c));
      }
    }
    return sb.append('\'').toString();
  }

  /** A shell pipeline producing a large body: repeated bytes, or its first bytes plus filler. */
  private static String bigBodyProducer(byte[] body) {
    byte b0 = body[0];
    boolean same = true;
    for (byte b : body) {
      if (b != b0) {
        same = false;
        break;
      }
    }
    if (same && b0 >= 0x20 && b0 < 0x7f && b0 != '\'' && b0 != '\\') {
      return "head -c " + body.length + " /dev/zero | tr '\\0' '" + (char) b0 + "'";
    }
    return "(printf '%s' " + quote(new String(body, 0, 64, StandardCharsets.UTF_8), null) + "; head -c "
        + (body.length - 64) + " /dev/zero | tr '\\0' ' ')";
  }

  /**
   * A header line for double quotes with one placeholder turned into its shell expression; everything else the
   * shell would expand is escaped.
   */
  static String expanding(String line, TargetCredentials.Placeholder p) {
    int at = line.indexOf(p.text);
    return escape(line.substring(0, at)) + p.shell + escape(line.substring(at + p.text.length()));
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`").replace("$", "\\$");
  }

  /** Single quotes; the text is scrubbed of secrets first (a target may have put one in a URL or body). */
  static String quote(String s, TargetCredentials credentials) {
    String scrubbed = credentials == null ? s : credentials.scrub(s);
    return "'" + scrubbed.replace("'", "'\\''") + "'";
  }
}
