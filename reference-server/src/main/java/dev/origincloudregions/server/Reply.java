package dev.origincloudregions.server;

/**
 * An answer: status, JSON body and, for errors, the envelope's one code and message (kept so the
 * {@link Defect#TOKEN_ECHOED_IN_ERROR} defect can rewrite it). {@code allow} is the {@code Allow}
 * header of a 405, {@code authenticate} the {@code WWW-Authenticate} header of a 401.
 */
record Reply(int status, byte[] body, int errorCode, String errorMessage, String allow, String authenticate) {

  static Reply ok(byte[] body) {
    return new Reply(200, body, 0, null, null, null);
  }

  static Reply error(int status, int code, String message) {
    return new Reply(status, Json.failure(code, message), code, message, null, null);
  }

  Reply withAllow(String allowedMethods) {
    return new Reply(status, body, errorCode, errorMessage, allowedMethods, authenticate);
  }

  Reply withAuthenticate(String challenge) {
    return new Reply(status, body, errorCode, errorMessage, allow, challenge);
  }

  Reply withStatus(int otherStatus) {
    return new Reply(otherStatus, body, errorCode, errorMessage, allow, authenticate);
  }

  Reply withMessage(String otherMessage) {
    return new Reply(status, Json.failure(errorCode, otherMessage), errorCode, otherMessage, allow, authenticate);
  }

  boolean isError() {
    return errorMessage != null;
  }
}
