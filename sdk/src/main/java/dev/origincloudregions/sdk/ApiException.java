package dev.origincloudregions.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server refused the request: an HTTP error status, or a body with {@code "success": false}.
 *
 * <p>The message names the operation, the HTTP status and every {@code code message} pair, for example
 * {@code "bulkDelete: HTTP 400 [1191 A batch holds at most 100 items]"}. The server's messages are
 * quoted exactly as sent; the client itself never puts credentials into a message.
 */
public final class ApiException extends OriginCloudRegionsException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<ApiError> errors;
  private final @Nullable Duration retryAfter;

  ApiException(String operation, int status, List<ApiError> errors, @Nullable Duration retryAfter) {
    super(operation + ": HTTP " + status + " " + errors, null);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** The HTTP status code, for example 400, 404 or 429. */
  public int status() {
    return status;
  }

  /** Every error the envelope held; empty when the body was not an error envelope. */
  public List<ApiError> errors() {
    return errors;
  }

  /** Whether any error has this code. */
  public boolean hasCode(int code) {
    return errors.stream().anyMatch(e -> e.code() == code);
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
