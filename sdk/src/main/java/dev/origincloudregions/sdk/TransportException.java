package dev.origincloudregions.sdk;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer: the connection failed or timed out, the response body could not be read as the
 * API's JSON, or the answers cannot be right (a list that repeats its pages, see {@link
 * MappingPager}). The cause, if any, holds the underlying error.
 */
public final class TransportException extends OriginCloudRegionsException {
  private static final long serialVersionUID = 1L;

  TransportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
