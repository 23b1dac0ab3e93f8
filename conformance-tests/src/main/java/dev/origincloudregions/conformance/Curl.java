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
      sb.append(" \\\n  -H ").append(quote(h.getKey() + ": " + h.getValue(), credentials));
    }
    if (ex.chunked()) {
      sb.append(" \\\n  -H 'Transfer-Encoding: chunked'");
    }
    if (big) {
      sb.append(" \\\n  --data-binary @-");
    } else if (body != null) {
      sb.append(" \\\n  --data-binary ").append(quote(new String(body, StandardCharsets.UTF_8), credentials));
    }
    return sb.toString();
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
