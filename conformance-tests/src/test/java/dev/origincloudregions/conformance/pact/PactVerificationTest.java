package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.origincloudregions.conformance.checks.Check;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Provider verification in the build: every interaction of the committed pact holds against the target, with its
 * provider states set up and torn down through the public API. The target is the embedded reference server, or
 * the server {@code -Dconformance.baseUrl} names (with {@code -Dconformance.token}, {@code -Dconformance.zoneId}),
 * the suite's Maven route.
 */
class PactVerificationTest {
  static PactTargets embedded;

  @BeforeAll
  static void start() {
    embedded = PactTargets.fromSettings();
  }

  @AfterAll
  static void stop() {
    embedded.close();
  }

  @TestFactory
  @DisplayName("every pact interaction holds against the target")
  Stream<DynamicTest> everyInteractionHolds() {
    Stream<DynamicTest> interactions = PactChecks.all().stream()
        .map(c -> dynamicTest(c.title() + " " + c.rules(), () -> {
          try {
            c.body().run(embedded.target);
          } catch (Check.Skip skip) { // SAFE1/SAFE2 forbid it on this target: reported as skipped, not passed
            Assumptions.abort(skip.getMessage());
          }
        }));
    Stream<DynamicTest> cleanUp = Stream.of(
        dynamicTest("SAFE3: the provider states left nothing behind",
            () -> assertThat(embedded.leftOver()).as("mappings left in the zone after every interaction").isEmpty()),
        dynamicTest("SAFE1: every mapping the zone held before is still there",
            () -> assertThat(embedded.lost()).as("pre-existing mappings that disappeared").isEmpty()));
    return Stream.concat(interactions, cleanUp);
  }
}
