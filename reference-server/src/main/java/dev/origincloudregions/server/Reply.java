package dev.origincloudregions.server;

/**
 * An answer: status and JSON body. {@code allow} is the {@code Allow} header of a 405,
 * {@code authenticate} the {@code WWW-Authenticate} header of a 401. {@code bodyLeftUnread} marks a
 * 413 sent before the request body was read to its end.
 */
record Reply(int status, byte[] body, String allow, String authenticate, boolean bodyLeftUnread) {

  static Reply ok(byte[] body) {
    return new Reply(200, body, null, null, false);
  }

  static Reply error(int status, int code, String message) {
    return new Reply(status, Json.failure(code, message), null, null, false);
  }

  Reply withAllow(String allowedMethods) {
    return new Reply(status, body, allowedMethods, authenticate, bodyLeftUnread);
  }

  Reply withAuthenticate(String challenge) {
    return new Reply(status, body, allow, challenge, bodyLeftUnread);
  }

  Reply withBodyLeftUnread() {
    return new Reply(status, body, allow, authenticate, true);
  }
}
