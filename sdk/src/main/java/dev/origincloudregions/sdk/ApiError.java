package dev.origincloudregions.sdk;

/**
 * One entry of an error envelope's {@code errors} array.
 *
 * @param code Cloudflare's error code, for example 1142 (not found) or 1191 (batch too large)
 * @param message the server's explanation
 */
public record ApiError(int code, String message) {
  @Override
  public String toString() {
    return code + " " + message;
  }
}
