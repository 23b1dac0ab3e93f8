package dev.origincloudregions.sdk;

/**
 * No usable answer: the connection failed or timed out, or the response body could not be read as the
 * API's JSON. The cause holds the underlying error.
 */
public final class TransportException extends OriginCloudRegionsException {
  private static final long serialVersionUID = 1L;

  TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
