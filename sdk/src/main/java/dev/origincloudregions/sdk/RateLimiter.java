package dev.origincloudregions.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces requests so that at most {@code requests} start in any window of {@code per}: Cloudflare allows
 * 1,200 requests per 5 minutes per user ({@link #cloudflare()}), and a client that goes over is blocked
 * for minutes. Every attempt counts, retries included.
 *
 * <p>A call that would go over waits for the next free slot, up to its retry policy's {@link
 * RetryPolicy#maxRetryAfter() maxRetryAfter} (and within its timeout); a longer wait throws {@link
 * RateLimitedException} at once, with {@link RateLimitedException#retryAt()} saying when the slot frees
 * up, and sends nothing. A 429 with {@code Retry-After} holds back every client sharing the limiter
 * until then.
 *
 * <p>One limiter may be shared by several clients: give the same instance to each builder. Clients of
 * Cloudflare's API host (api.cloudflare.com) that are given none share one per credentials in the JVM, so that several
 * clients on one token keep to the token's limit together. Thread-safe.
 *
 * <pre>{@code
 * RateLimiter shared = RateLimiter.of(600, Duration.ofMinutes(5));   // half the token's budget
 * OriginCloudRegions a = OriginCloudRegions.builder().rateLimiter(shared).build();
 * OriginCloudRegions b = OriginCloudRegions.builder().rateLimiter(shared).build();
 * }</pre>
 *
 * <p>The window slides: it is exact (it remembers the start of each of the last {@code requests}
 * requests, 8 bytes each), so it never lets a burst at the end of one window and the start of the next
 * exceed the limit.
 */
public final class RateLimiter {
  /** No pacing at all: the default for a base URL other than Cloudflare's. */
  public static final RateLimiter UNLIMITED = new RateLimiter();

  /** The most requests per window a limiter may count (its memory is 8 bytes per request). */
  public static final int MAX_REQUESTS = 1_000_000;

  /** About 73 years: longer blocks are cut to it, so that differences of nanoTime values cannot overflow. */
  private static final long LONGEST_BLOCK_NANOS = 1L << 61;

  private static final Map<String, RateLimiter> BY_CREDENTIALS = new ConcurrentHashMap<>();

  private final int requests;
  private final Duration per;
  private final long windowNanos;
  private final long[] starts;
  private int next;
  private int used;
  private long last;
  private long blockedUntil;
  private boolean blocked;

  private RateLimiter() {
    this.requests = 0;
    this.per = Duration.ZERO;
    this.windowNanos = 0;
    this.starts = new long[0];
  }

  private RateLimiter(int requests, Duration per) {
    this.requests = requests;
    this.per = per;
    this.windowNanos = per.toNanos();
    this.starts = new long[requests];
  }

  /**
   * At most {@code requests} (1 to {@value #MAX_REQUESTS}) requests in any window of {@code per} (more
   * than zero, at most a day).
   */
  public static RateLimiter of(int requests, Duration per) {
    Objects.requireNonNull(per, "per == null");
    if (requests < 1 || requests > MAX_REQUESTS) {
      throw new IllegalArgumentException("requests must be 1 to " + MAX_REQUESTS + ", was " + requests);
    }
    if (per.isNegative() || per.isZero() || per.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("per must be more than zero and at most a day, was " + per);
    }
    return new RateLimiter(requests, per);
  }

  /** Cloudflare's limit per user: 1,200 requests per 5 minutes, a new limiter. */
  public static RateLimiter cloudflare() {
    return of(1200, Duration.ofMinutes(5));
  }

  /** The limiter shared by the JVM's clients of Cloudflare's API host that hold these credentials. */
  static RateLimiter sharedFor(Credentials credentials) {
    return BY_CREDENTIALS.computeIfAbsent(fingerprint(credentials), k -> cloudflare());
  }

  /** A digest of the authentication headers: the map holds no secret. */
  private static String fingerprint(Credentials credentials) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      credentials.apply((name, value) -> digest.update((name + ": " + value + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  boolean unlimited() {
    return requests == 0;
  }

  /**
   * Reserves the next free slot and returns how long to wait for it (0 if free now), or, when that wait
   * is longer than {@code maxWaitNanos}, returns it without reserving anything.
   */
  synchronized long reserve(long now, long maxWaitNanos) {
    if (unlimited()) {
      return 0;
    }
    long start = now;
    if (blocked && blockedUntil - start > 0) {
      start = blockedUntil;
    }
    if (used == requests && starts[next] + windowNanos - start > 0) {
      start = starts[next] + windowNanos;
    }
    if (used > 0 && last - start > 0) {
      start = last; // keep the starts in order, so that the oldest is always starts[next]
    }
    long wait = start - now;
    if (wait > maxWaitNanos) {
      return wait;
    }
    starts[next] = start;
    next = next + 1 == requests ? 0 : next + 1;
    used = Math.min(requests, used + 1);
    last = start;
    return wait;
  }

  /** Holds back every request until {@code now + waitNanos} (a 429's {@code Retry-After}). */
  synchronized void blockFor(long now, long waitNanos) {
    if (unlimited()) {
      return;
    }
    long until = now + Math.min(waitNanos, LONGEST_BLOCK_NANOS); // nanoTime differences must not overflow
    if (!blocked || until - blockedUntil > 0) {
      blockedUntil = until;
      blocked = true;
    }
  }

  @Override
  public String toString() {
    return unlimited() ? "RateLimiter{unlimited}" : "RateLimiter{" + requests + " per " + per + "}";
  }
}
