package dev.origincloudregions.sdk;

import java.time.Duration;
import java.time.Instant;

/** Time arithmetic that saturates instead of overflowing: waits may come from any server. */
final class Waits {
  private Waits() {}

  /** {@code from + wait}, or {@link Instant#MAX} when that is past it. */
  static Instant after(Instant from, Duration wait) {
    return wait.compareTo(Duration.between(from, Instant.MAX)) >= 0 ? Instant.MAX : from.plus(wait);
  }

  /** {@code d} in nanoseconds, {@link Long#MAX_VALUE} when longer (about 292 years). */
  static long nanos(Duration d) {
    return d.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : d.toNanos();
  }

  private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);
}
