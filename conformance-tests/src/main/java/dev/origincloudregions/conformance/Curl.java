package dev.origincloudregions.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders an exchange as a {@code curl} command that replays it. Credentials never appear: they are replaced by
 * {@code $CLOUDFLARE_API_TOKEN} (or {@code $CLOUDFLARE_EMAIL} / {@code $CLOUDFLARE_API_KEY}), in double quotes so
 * the shell expands them.
 */
final class Curl {
  private static final int INLINE_LIMIT = 64 * 1024;

  private Curl() {}

  static String of(Exchange ex, Credentials credentials) {
    if (ex == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    byte[] body = ex.body();
    boolean big = body != null && body.length > INLINE_LIMIT;
    if (big) {
      sb.append(bigBodyProducer(body)).append(" | ");
    }
    sb.append("curl -sS -g -i -X ").append(ex.method()).append(' ').append(quote(ex.url(), credentials));
    for (Map.Entry<String, String> h : ex.headers()) {
      if (h.getKey().equalsIgnoreCase("User-Agent") || h.getKey().equalsIgnoreCase("Accept")) {
        continue;
      }
      String v = credentials == null ? h.getValue() : credentials.scrubHeader(h.getKey(), h.getValue());
      sb.append(" \\\n  -H ").append(v.equals(h.getValue()) ? quote(h.getKey() + ": " + v, null)
          : expanding(h.getKey() + ": " + v));
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
    return sb.toString();
  }

  /** Whether the body is valid UTF-8 without control characters other than newline and tab. */
  static boolean printable(byte[] body) {
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

  /** Double quotes, so the credential variables in {@code s} (already scrubbed) expand; nothing else does. */
  static String expanding(String s) {
    String esc = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`").replace("$", "\\$");
    for (String var : new String[] {Credentials.TOKEN_VAR, Credentials.KEY_VAR, Credentials.EMAIL_VAR}) {
      esc = esc.replace("\\" + var, var);
    }
    return "\"" + esc + "\"";
  }

  /** Single quotes, unless a credential variable must expand: then double quotes with escapes. */
  static String quote(String s, Credentials credentials) {
    String scrubbed = credentials == null ? s : credentials.scrub(s);
    if (scrubbed.equals(s) || credentials == null) {
      return "'" + s.replace("'", "'\\''") + "'";
    }
    StringBuilder sb = new StringBuilder("\"");
    // Escape everything the shell treats specially inside double quotes, then restore our variables.
    String esc = scrubbed.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`").replace("$", "\\$");
    for (String var : new String[] {Credentials.TOKEN_VAR, Credentials.KEY_VAR, Credentials.EMAIL_VAR}) {
      esc = esc.replace("\\" + var, var);
    }
    return sb.append(esc).append('"').toString();
  }
}
