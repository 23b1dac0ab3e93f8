package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.model.Violation;
import dev.origincloudregions.server.Mutant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pact has teeth: against a reference server carrying one deliberate defect (a {@link Mutant}), the interaction
 * that covers the broken rule fails. A pact that passes against a broken provider checks nothing.
 */
class PactCatchesDefectsTest {

  /** Runs every pact check against a server carrying the mutant; returns failure message by check name. */
  static Map<String, String> failures(Mutant mutant) {
    Map<String, String> failed = new LinkedHashMap<>();
    try (PactTargets embedded = PactTargets.on(mutant.start())) {
      for (Check c : PactChecks.all()) {
        try {
          c.body().run(embedded.target);
        } catch (Violation v) {
          failed.put(c.name(), v.getMessage());
        } catch (Exception e) {
          failed.put(c.name(), e.toString());
        }
      }
    }
    return failed;
  }

  @Test
  @DisplayName("M1: a provider answering origin_ip instead of origin-ip fails every interaction that reads a mapping")
  void aProviderAnsweringOriginIpWithAnUnderscoreFails() {
    Map<String, String> failed = failures(Mutant.UNDERSCORE_ORIGIN_IP_KEY);

    List<String> readingMappings = List.of(
        "pact-get-one-mapping",
        "pact-list-the-zone-s-mappings-include-those-that-exist",
        "pact-upsert-creates-a-mapping-and-answers-the-whole-list",
        "pact-create-a-new-mapping",
        "pact-delete-removes-one-mapping-and-answers-it",
        "pact-batch-delete-present-missing-and-invalid-ips-together-each-judged-alone",
        "pact-batch-upsert-every-item-applied-in-request-order");
    assertThat(failed).as("failed pact checks").containsKeys(readingMappings.toArray(String[]::new));
    // The failure names the hyphenated key: the verifier checked origin-ip, not just some key.
    assertThat(failed.get("pact-get-one-mapping")).contains("origin-ip");
    assertThat(failed.get("pact-upsert-creates-a-mapping-and-answers-the-whole-list")).contains("origin-ip");
    // Interactions without mappings in the answer are unaffected, so the failures above are the key's doing.
    assertThat(failed).doesNotContainKeys("pact-supported-regions-vendors-and-their-regions",
        "pact-batch-delete-an-empty-array-changes-nothing");
  }

  @ParameterizedTest(name = "{0} is caught by {1}")
  @DisplayName("each defect is caught by the interaction covering its rule")
  @CsvSource({
      "BATCH_LIMIT_OFF_BY_ONE,             pact-batch-delete-101-items-are-refused-with-400-and-code-1191",
      "OK_STATUS_WITH_ERROR_ENVELOPE,      pact-batch-delete-a-body-that-is-not-a-json-array-is-refused-with-400-and-code-1190",
      "MODIFIED_ON_WHEN_NOTHING_SUCCEEDED, pact-batch-delete-every-item-fails-still-200-modified-on-null",
      "NO_IPV6_NORMALISATION,              pact-batch-delete-an-ipv6-address-in-non-canonical-form-deletes-its-mapping-answered-canonical",
      "DROPS_LAST_RESULT,                  pact-batch-delete-present-missing-and-invalid-ips-together-each-judged-alone",
  })
  void eachDefectIsCaughtByItsInteraction(Mutant mutant, String check) {
    assertThat(failures(mutant)).as("pact checks failed by %s", mutant).containsKey(check);
  }
}
