package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The committed pact is a reviewed artifact: it must equal the pact the SDK's consumer tests wrote in this build.
 * The build orders the modules so that those tests run first (conformance-tests depends on the sdk module).
 */
class PactFileIsCurrentTest {

  @Test
  @DisplayName("the committed pact equals the one the SDK's consumer tests just wrote")
  void committedPactIsCurrent() {
    Path generated = PactFiles.generated();
    Path committed = PactFiles.committed();
    assertThat(Files.isRegularFile(generated))
        .as("%s does not exist: the SDK's consumer tests write it. Build from the root (./mvnw -B verify), or "
            + "run ./mvnw -B -pl sdk,conformance-tests -am verify", generated)
        .isTrue();

    List<String> differences = PactFiles.differences(PactFiles.read(generated), PactFiles.read(committed));

    assertThat(differences)
        .as("The pact the SDK's consumer tests wrote differs from the committed copy.%n"
                + "If the change is intended, review it, then update the copy and commit it:%n"
                + "  cp %s %s%n"
                + "Differences (JSON paths)",
            PactFiles.moduleDir().getParent().relativize(generated),
            PactFiles.moduleDir().getParent().relativize(committed))
        .isEmpty();
  }

  @Test
  @DisplayName("the comparison sees a changed interaction but not a different pact-jvm version")
  void comparisonIgnoresOnlyTheWriterVersion() {
    JsonNode pact = PactFiles.read(PactFiles.committed());

    JsonNode otherWriter = pact.deepCopy();
    ((ObjectNode) otherWriter.path("metadata").path("pact-jvm")).put("version", "9.9.9");
    JsonNode changedStatus = pact.deepCopy();
    ((ObjectNode) changedStatus.path("interactions").get(0).path("response")).put("status", 299);
    JsonNode otherSpec = pact.deepCopy();
    ((ObjectNode) otherSpec.path("metadata").path("pactSpecification")).put("version", "3.0.0");

    assertThat(PactFiles.differences(pact, otherWriter)).isEmpty();
    assertThat(PactFiles.differences(pact, changedStatus)).containsExactly(
        "$['interactions'][0]['response']['status']: " + pact.path("interactions").get(0).path("response").path("status")
            + " vs 299");
    assertThat(PactFiles.differences(pact, otherSpec)).hasSize(1);
  }
}
