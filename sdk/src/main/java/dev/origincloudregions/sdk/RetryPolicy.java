package dev.origincloudregions.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long the client waits before sending a failed request again.
 *
 * <h2>What is retried</h2>
 *
 * <ul>
 *   <li><b>429 Too Many Requests</b>: after the server's {@code Retry-After} (seconds or an HTTP date, of
 *       any size) when it sends one, else after the backoff below. A {@code Retry-After} longer than
 *       {@link Builder#maxRetryAfter} is not waited for: {@link RateLimitedException} is thrown at once,
 *       saying when to retry.
 *   <li><b>5xx</b> and <b>connection failures or timeouts</b>: after the backoff below.
 * </ul>
 *
 * <p>Nothing else is retried: another 4xx means the request itself is wrong and would fail again; an
 * answer too large to read ({@code maxResponseBytes}) would come again. Every retry must also fit in
 * the call's timeout ({@code callTimeout}).
 *
 * <p>The backoff before retry {@code n} (1, 2, ...) is a random duration between zero and {@code
 * min(maxBackoff, initialBackoff * 2^(n-1))} ("full jitter"), so that many clients do not retry in step.
 *
 * <h2>Retries that never lie</h2>
 *
 * Every operation is retried. An attempt whose outcome is unknown (sent, then the connection failed or
 * the read timed out, or a 5xx, which may have been applied) may have done its work, and the retry's
 * answer would then report that work as missing; the client reads such answers for what they are:
 *
 * <ul>
 *   <li>batch delete: items the retry reports "not found" are {@link BatchItem.Outcome#POSSIBLY_APPLIED},
 *       in {@link BatchResult#possiblyApplied()}, not failures;
 *   <li>single delete: a 404 is a {@link NotFoundException} with {@link
 *       NotFoundException#possiblyDeletedByEarlierAttempt()};
 *   <li>v1 create: a 400 code 1145 ("already exists") reads the mapping and returns it when its vendor and
 *       region are the request's;
 *   <li>put, batch put and the v1 upserts are idempotent: their retries need no reading.
 * </ul>
 *
 * A refused connection or a connect timeout sent nothing, and a 429 applied nothing: they make no
 * outcome unknown.
 */
public final class RetryPolicy {
  /** Never retry: every failure is thrown at once. */
  public static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  /**
   * Up to 4 attempts, backoff from 250 ms up to 8 s, and {@code Retry-After} honoured up to 60 s. The
   * client uses it unless told otherwise.
   */
  public static final RetryPolicy DEFAULT = new Builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /** A builder starting from {@link #DEFAULT}'s settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many times a request is sent at most, the first time included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The longest wait for a {@code Retry-After}, or for the client's rate limiter, that the client accepts. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The jittered backoff before retry number {@code retry} (1 for the first retry). */
  Duration backoff(int retry) {
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int doublings = Math.max(0, Math.min(retry - 1, 62));
    // min(cap, initial * 2^doublings) without overflow: a shifted value that wraps around can come out
    // positive and small (for example 2^34 + 1 ms shifted by 30), so compare before shifting.
    long ceiling = initial > (cap >> doublings) ? cap : initial << doublings;
    long jittered =
        ceiling == Long.MAX_VALUE
            ? ThreadLocalRandom.current().nextLong(Long.MAX_VALUE)
            : ThreadLocalRandom.current().nextLong(ceiling + 1);
    return Duration.ofMillis(jittered);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Builds a {@link RetryPolicy}; unset values keep {@link #DEFAULT}'s. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    private Builder() {}

    /** Attempts in all, the first included; 1 means no retry. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The backoff ceiling of the first retry; it doubles with each retry up to {@code maxBackoff}. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /** The largest backoff ceiling. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * The longest {@code Retry-After} the client waits for, and the longest its {@link RateLimiter} may
     * hold a call back; a longer wait fails the call at once with {@link RateLimitedException}.
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff (" + maxBackoff + ") is shorter than initialBackoff (" + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
