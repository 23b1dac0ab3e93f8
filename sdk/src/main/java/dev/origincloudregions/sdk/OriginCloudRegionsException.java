package dev.origincloudregions.sdk;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the client throws for a failed call. Messages never contain credentials.
 *
 * <ul>
 *   <li>{@link ApiException}: the server answered with an error envelope or an error status; its
 *       subclasses {@link NotFoundException}, {@link AuthenticationException}, {@link
 *       RateLimitedException}, {@link ZoneFullException} and {@link InvalidRequestException} are the cases
 *       callers branch on.
 *   <li>{@link TransportException}: no usable answer (connection refused, timeout, the call's timeout
 *       spent, an unreadable or too large body).
 *   <li>{@link BatchAbortedException}: a {@code bulk*All} call stopped part-way.
 * </ul>
 *
 * <p>Invalid arguments (for example a batch of more than 100 items) are refused before anything is sent,
 * with {@link IllegalArgumentException} or {@link NullPointerException}.
 */
public abstract class OriginCloudRegionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OriginCloudRegionsException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
