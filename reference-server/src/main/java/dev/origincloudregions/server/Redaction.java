package dev.origincloudregions.server;

/** Keeps the token out of everything the server writes [A3]. */
final class Redaction {
  static final String REDACTED = "[redacted]";

  private Redaction() {}

  /** {@code text} with every occurrence of {@code token} replaced; null stays null. */
  static String redact(String text, String token) {
    if (text == null || token == null || token.isEmpty() || !text.contains(token)) {
      return text;
    }
    return text.replace(token, REDACTED);
  }
}
