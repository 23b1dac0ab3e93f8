package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.thrown;
import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rate pacing: the limiter's window, its use by clients, sharing, and 429s that hold every sharer back. */
class RateLimiterTest {
  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("Property: no window of `per` holds more than `requests` starts, and nobody waits who need not")
  void theWindowIsNeverExceeded() {
    qt().withExamples(300)
        .forAll(integers().between(1, 12), integers().between(1, 1_000),
            lists().of(integers().between(0, 300)).ofSizeBetween(0, 80))
        .checkAssert((requests, window, gaps) -> {
          RateLimiter limiter = RateLimiter.of(requests, Duration.ofNanos(window));
          long now = 1_000_000;
          List<Long> starts = new ArrayList<>();
          for (int gap : gaps) {
            now += gap;
            long wait = limiter.reserve(now, Long.MAX_VALUE);
            assertThat(wait).isNotNegative();
            starts.add(now + wait);
            int i = starts.size() - 1;
            if (i >= requests) {
              assertThat(starts.get(i) - starts.get(i - requests)).as("start %d against %d before", i, requests)
                  .isGreaterThanOrEqualTo(window);
              // Tight: it waits no longer than the slot, or the previous start, requires.
              assertThat(starts.get(i)).isEqualTo(Math.max(now, Math.max(starts.get(i - requests) + window, starts.get(i - 1))));
            } else {
              assertThat(wait).as("one of the first %d requests", requests).isZero();
            }
          }
        });
  }

  @Test
  void aWaitOverTheMaximumReservesNothing() {
    RateLimiter limiter = RateLimiter.of(1, Duration.ofNanos(1_000));
    assertThat(limiter.reserve(0, 0)).isZero();
    assertThat(limiter.reserve(10, 500)).as("990 ns > 500: refused").isEqualTo(990);
    assertThat(limiter.reserve(10, 2_000)).as("the slot was not taken by the refusal").isEqualTo(990);
    assertThat(limiter.reserve(10, 5_000)).isEqualTo(1_990);
  }

  @Test
  void aBlockHoldsEveryRequestBackAndDoesNotOverflow() {
    RateLimiter limiter = RateLimiter.of(100, Duration.ofSeconds(1));
    limiter.blockFor(0, 5_000);
    assertThat(limiter.reserve(1_000, Long.MAX_VALUE)).isEqualTo(4_000);
    limiter.blockFor(0, Long.MAX_VALUE);
    assertThat(limiter.reserve(2_000, 1_000_000)).as("about 73 years, refused").isGreaterThan(1L << 60);
  }

  @Test
  void limitsAreChecked() {
    assertThatThrownBy(() -> RateLimiter.of(0, Duration.ofSeconds(1))).hasMessageContaining("1 to 1000000");
    assertThatThrownBy(() -> RateLimiter.of(1, Duration.ZERO)).hasMessageContaining("more than zero");
    assertThatThrownBy(() -> RateLimiter.of(1, Duration.ofDays(2))).hasMessageContaining("at most a day");
  }

  @Test
  @DisplayName("A client paced at 2 per 600 ms sends its third request only when the first leaves the window")
  void aClientIsPaced() {
    server.dispatch(request -> Reply.json(200, Fixtures.V2_SINGLE_200));
    var client = Fixtures.clientOf(server).rateLimiter(RateLimiter.of(2, Duration.ofMillis(600))).build();

    // Measured from before the first call (the first reservation is later), not from the first request's
    // arrival, which comes after a connection set-up of varying length: on a loaded machine that made
    // the arrivals' distance fall short of 590 ms while the pacing was right.
    long beforeFirstCall = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      client.get(ZONE, "192.0.2.1");
    }

    List<RecordingServer.Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(2).receivedAtNanos() - beforeFirstCall)
        .as("the third request's distance from the first call").isGreaterThanOrEqualTo(Duration.ofMillis(600).toNanos());
  }

  @Test
  @DisplayName("Several clients on one limiter share its budget; a wait beyond maxRetryAfter sends nothing and says when")
  void clientsShareALimiterAndALongWaitThrows() {
    server.dispatch(request -> Reply.json(200, Fixtures.V2_SINGLE_200));
    RateLimiter shared = RateLimiter.of(1, Duration.ofHours(1));
    var a = Fixtures.clientOf(server).rateLimiter(shared).build();
    var b = Fixtures.clientOf(server).rateLimiter(shared).build();

    a.get(ZONE, "192.0.2.1");
    RateLimitedException e = thrown(RateLimitedException.class, () -> b.get(ZONE, "192.0.2.1"));

    assertThat(server.takeAll()).as("b sent nothing").hasSize(1);
    assertThat(e.heldBackByClient()).isTrue();
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.errors()).isEmpty();
    assertThat(e.retryAt()).hasValueSatisfying(at ->
        assertThat(at).isAfter(Instant.now().plus(Duration.ofMinutes(59))).isBefore(Instant.now().plus(Duration.ofMinutes(61))));
    assertThat(e).hasMessageStartingWith("get: not sent: the client's rate limiter would hold it back for PT")
        .hasMessageContaining("longer than the PT1M it may wait");
  }

  @Test
  @DisplayName("A 429 with Retry-After holds back the other clients sharing the limiter")
  void a429HoldsBackEverySharer() {
    server.enqueue(Reply.json(429, RetryTest.RATE_LIMITED).withHeader("Retry-After", "1"));
    server.enqueue(200, Fixtures.V2_SINGLE_200);
    RateLimiter shared = RateLimiter.of(1_000, Duration.ofSeconds(1));
    var a = Fixtures.clientOf(server).rateLimiter(shared).retryPolicy(RetryPolicy.NONE).build();
    var b = Fixtures.clientOf(server).rateLimiter(shared).build();

    thrown(RateLimitedException.class, () -> a.get(ZONE, "192.0.2.1"));
    b.get(ZONE, "192.0.2.1");

    List<RecordingServer.Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos())
        .as("b waited for a's Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(950).toNanos());
  }

  @Test
  @DisplayName("Pacing is on by default for Cloudflare's URL, one limiter per credentials; off for other URLs")
  void defaults() {
    var one = OriginCloudRegions.builder().apiToken(TOKEN).build();
    var two = OriginCloudRegions.builder().apiToken(TOKEN).build();
    var other = OriginCloudRegions.builder().apiToken(TOKEN + "x").build();
    var local = Fixtures.clientOf(server).build();
    var otherPath = OriginCloudRegions.builder().baseUrl("https://API.cloudflare.com/client/v4/").apiToken(TOKEN).build();

    assertThat(one.rateLimiter()).hasToString("RateLimiter{1200 per PT5M}").isSameAs(two.rateLimiter());
    assertThat(other.rateLimiter()).hasToString("RateLimiter{1200 per PT5M}").isNotSameAs(one.rateLimiter());
    assertThat(local.rateLimiter()).isSameAs(RateLimiter.UNLIMITED);
    assertThat(otherPath.rateLimiter()).as("the host decides, not the exact URL").isSameAs(one.rateLimiter());
    assertThat(one.toString()).contains("rateLimiter=RateLimiter{1200 per PT5M}").doesNotContain(TOKEN);
  }
}
