package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class RetryPolicyTest {
  @Test
  void noneMakesOneAttempt() {
    assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
  }

  @Test
  void theDefaultMakesFourAttemptsAndWaitsUpToAMinuteForRetryAfter() {
    assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(4);
    assertThat(RetryPolicy.DEFAULT.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(RetryPolicy.DEFAULT)
        .hasToString("RetryPolicy{maxAttempts=4, initialBackoff=PT0.25S, maxBackoff=PT8S, maxRetryAfter=PT1M}");
  }

  @Test
  void aBuilderStartsFromTheDefaultsAndKeepsWhatIsSet() {
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(7).maxRetryAfter(Duration.ofSeconds(5)).build();

    assertThat(policy.maxAttempts()).isEqualTo(7);
    assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy).hasToString("RetryPolicy{maxAttempts=7, initialBackoff=PT0.25S, maxBackoff=PT8S, maxRetryAfter=PT5S}");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void fewerThanOneAttemptIsRefusedShowingTheValue(int attempts) {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(attempts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, was " + attempts);
  }

  @Test
  void negativeDurationsAreRefusedShowingTheValue() {
    Duration minus = Duration.ofMillis(-1);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(minus))
        .hasMessage("initialBackoff must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(minus))
        .hasMessage("maxBackoff must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(minus))
        .hasMessage("maxRetryAfter must not be negative, was PT-0.001S");
  }

  @Test
  void nullDurationsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(null)).hasMessage("initialBackoff == null");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(null)).hasMessage("maxBackoff == null");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(null)).hasMessage("maxRetryAfter == null");
  }

  @Test
  void aMaxBackoffShorterThanTheInitialBackoffIsRefused() {
    assertThatThrownBy(
            () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBackoff (PT1S) is shorter than initialBackoff (PT2S)");
  }

  @Test
  void zeroBackoffsAreAllowedAndNeverWait() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();

    assertThat(IntStream.rangeClosed(1, 50).mapToObj(policy::backoff)).containsOnly(Duration.ZERO);
  }

  @Test
  void backoffStaysWithinZeroAndMinOfMaxAndInitialTimesTwoToTheRetryMinusOne() {
    // Millisecond durations up to about 35 years, so that initial * 2^(n-1) overflows a long for
    // large n: the ceiling must still be min(max, initial * 2^(n-1)), computed here exactly.
    Gen<Long> millis = longs().between(0, 1L << 40);
    qt().withExamples(2_000)
        .forAll(millis, millis, integers().between(1, 100))
        .checkAssert(
            (a, b, retry) -> {
              long initial = Math.min(a, b);
              long max = Math.max(a, b);
              RetryPolicy policy =
                  RetryPolicy.builder()
                      .initialBackoff(Duration.ofMillis(initial))
                      .maxBackoff(Duration.ofMillis(max))
                      .build();
              BigInteger ceiling =
                  BigInteger.valueOf(initial).shiftLeft(retry - 1).min(BigInteger.valueOf(max));

              Duration backoff = policy.backoff(retry);

              assertThat(BigInteger.valueOf(backoff.toMillis()))
                  .as("backoff(%d) with initial %d ms, max %d ms", retry, initial, max)
                  .isBetween(BigInteger.ZERO, ceiling);
            });
  }

  @Test
  void theCeilingDoublesWithEachRetryUntilTheMaximum() {
    RetryPolicy policy =
        RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(1000)).build();

    // Over many draws the largest backoff comes close to each retry's ceiling: 100, 200, 400, 800, 1000.
    long[] ceilings = {100, 200, 400, 800, 1000, 1000};
    for (int retry = 1; retry <= ceilings.length; retry++) {
      int r = retry;
      long largest =
          IntStream.range(0, 2_000).mapToLong(i -> policy.backoff(r).toMillis()).max().orElseThrow();
      assertThat(largest).as("largest backoff(%d)", retry).isBetween(ceilings[retry - 1] * 9 / 10, ceilings[retry - 1]);
    }
  }

  @Test
  void backoffIsJitteredNotFixed() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(1000)).build();

    Set<Duration> seen = new HashSet<>();
    IntStream.range(0, 100).forEach(i -> seen.add(policy.backoff(1)));

    assertThat(seen).as("distinct backoffs in 100 draws").hasSizeGreaterThan(50);
  }
}
