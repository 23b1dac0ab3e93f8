package dev.origincloudregions.sdk;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the client throws for a failed call. Messages never contain credentials.
 *
 * <ul>
 *   <li>{@link ApiException}: the server answered with an error envelope or an error status.
 *   <li>{@link TransportException}: no usable answer (connection refused, timeout, unreadable body).
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
