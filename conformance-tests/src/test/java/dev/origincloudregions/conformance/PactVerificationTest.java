package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Provider verification in the build: every interaction of the committed pact holds against the embedded
 * reference server, with its provider states set up and torn down through the public API.
 */
class PactVerificationTest {
  static PactTargets embedded;

  @BeforeAll
  static void start() {
    embedded = PactTargets.start();
  }

  @AfterAll
  static void stop() {
    embedded.close();
  }

  @TestFactory
  @DisplayName("every pact interaction holds against the reference server")
  Stream<DynamicTest> everyInteractionHolds() {
    Stream<DynamicTest> interactions = PactChecks.all().stream()
        .map(c -> dynamicTest(c.title() + " " + c.rules(), () -> c.body().run(embedded.target)));
    Stream<DynamicTest> cleanUp = Stream.of(dynamicTest("SAFE3: the provider states left nothing behind",
        () -> assertThat(embedded.mappedIps()).as("mappings left in the zone after every interaction").isEmpty()));
    return Stream.concat(interactions, cleanUp);
  }
}
