package dev.origincloudregions.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Too many requests: the server answered 429 and its {@code Retry-After} is longer than the client
 * may wait ({@link RetryPolicy#maxRetryAfter()}), or the retries ran out; or the client's own {@link
 * RateLimiter} would have had to hold the call back longer than that, in which case nothing was sent
 * ({@link #heldBackByClient()}). {@link #retryAt()} says when a new call may go through.
 *
 * <p>Cloudflare allows 1,200 requests per 5 minutes per user, and a client that goes over is blocked for
 * minutes: wait until {@link #retryAt()} rather than retrying in a loop.
 */
public final class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Instant retryAt;
  private final boolean heldBackByClient;

  private RateLimitedException(String message, List<ApiError> errors, @Nullable Duration retryAfter,
      @Nullable String cfRay, @Nullable Instant retryAt, boolean heldBackByClient) {
    super(message, 429, errors, retryAfter, cfRay);
    this.retryAt = retryAt;
    this.heldBackByClient = heldBackByClient;
  }

  /** A 429 answer; {@code retryAfter} is the server's {@code Retry-After}, if any. */
  RateLimitedException(String operation, List<ApiError> errors, @Nullable Duration retryAfter, @Nullable String cfRay) {
    this(describe(operation, 429, errors, cfRay) + (retryAfter == null ? "" : "; retry after " + retryAfter),
        errors, retryAfter, cfRay, retryAfter == null ? null : Waits.after(Instant.now(), retryAfter), false);
  }

  /** The client's limiter would have held the call back for {@code wait}, longer than {@code maxWait}. */
  static RateLimitedException heldBack(String operation, Duration wait, Duration maxWait) {
    Instant at = Waits.after(Instant.now(), wait);
    return new RateLimitedException(
        operation + ": not sent: the client's rate limiter would hold it back for " + wait
            + ", longer than the " + maxWait + " it may wait; retry at " + at,
        List.of(), wait, null, at, true);
  }

  /**
   * When a call may be made again: now plus the server's {@code Retry-After}, or the limiter's next free
   * slot. Empty for a 429 without {@code Retry-After}. {@link Instant#MAX} when the wait is too long to
   * represent.
   */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }

  /**
   * True when nothing was sent: the client's own {@link RateLimiter} refused to wait that long (then
   * {@link #status()} is 429, {@link #errors()} is empty and there is no {@link #cfRay()}).
   */
  public boolean heldBackByClient() {
    return heldBackByClient;
  }
}
