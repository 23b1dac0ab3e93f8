package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BD7: change times are strictly increasing RFC 3339 UTC timestamps, whatever the wall clock does. */
class ChangeClockTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  @DisplayName("BD7: the change time follows the wall clock, in RFC 3339 UTC with microseconds")
  void followsTheWallClock() {
    ManualClock wall = new ManualClock();
    ChangeClock clock = new ChangeClock(wall);
    assertThat(clock.next().text()).isEqualTo("2026-03-01T12:00:00.000000Z");
    wall.now.set(Instant.parse("2026-03-01T12:00:01.123456789Z"));
    ChangeClock.Timestamp later = clock.next();
    assertThat(later.text()).isEqualTo("2026-03-01T12:00:01.123456Z");
    assertThat(OffsetDateTime.parse(later.text()).toInstant()).isEqualTo(Instant.parse("2026-03-01T12:00:01.123456Z"));
  }

  @Test
  @DisplayName("BD7: two changes never share a time, even within one microsecond")
  void strictlyIncreasingWhenTheClockStandsStill() {
    ChangeClock clock = new ChangeClock(new ManualClock());
    ChangeClock.Timestamp first = clock.next();
    ChangeClock.Timestamp second = clock.next();
    assertThat(second.micros()).isEqualTo(first.micros() + 1);
    assertThat(second.text()).isEqualTo("2026-03-01T12:00:00.000001Z");
  }

  @Test
  @DisplayName("BD7: no change time is earlier than one handed out before, even when the wall clock steps back")
  void neverGoesBackwards() {
    ManualClock wall = new ManualClock();
    ChangeClock clock = new ChangeClock(wall);
    ChangeClock.Timestamp before = clock.next();
    wall.now.set(Instant.parse("2026-02-28T00:00:00Z"));
    ChangeClock.Timestamp after = clock.next();
    assertThat(after.micros()).isGreaterThan(before.micros());
    assertThat(after.text()).isGreaterThan(before.text());
  }
}
