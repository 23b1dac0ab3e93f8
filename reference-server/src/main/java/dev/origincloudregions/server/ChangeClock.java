package dev.origincloudregions.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The times of changes (BD7): microsecond precision, and strictly increasing across the whole server,
 * so every change time is later than any {@code modified_on} the server returned before, even when the
 * wall clock stands still or steps back.
 */
final class ChangeClock {
  private static final DateTimeFormatter RFC_3339_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Clock source;
  private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);

  ChangeClock(Clock source) {
    this.source = source;
  }

  /** A new change time, later than every one handed out before. */
  Timestamp next() {
    Instant now = source.instant();
    long nowMicros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(now.getNano());
    long micros = lastMicros.updateAndGet(previous -> Math.max(previous + 1, nowMicros));
    return new Timestamp(micros, format(micros));
  }

  static String format(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    long micros = Math.floorMod(epochMicros, 1_000_000L);
    return RFC_3339_MICROS.format(Instant.ofEpochSecond(seconds, micros * 1_000L));
  }

  /** A change time: microseconds since the epoch and its RFC 3339 UTC text (always six fraction digits). */
  record Timestamp(long micros, String text) {}
}
