package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.model.Breach;
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
    outcomes(mutant).forEach((name, e) -> failed.put(name, e instanceof Violation ? e.getMessage() : e.toString()));
    return failed;
  }

  private static final Map<Mutant, Map<String, Throwable>> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Runs every pact check against a server carrying the mutant, once per mutant in this class; returns what each
   * failed check threw, by name.
   */
  static Map<String, Throwable> outcomes(Mutant mutant) {
    return OUTCOMES.computeIfAbsent(mutant, PactCatchesDefectsTest::run);
  }

  private static Map<String, Throwable> run(Mutant mutant) {
    Map<String, Throwable> failed = new LinkedHashMap<>();
    try (PactTargets embedded = PactTargets.on(mutant.start())) {
      for (Check c : PactChecks.all()) {
        try {
          c.body().run(embedded.target);
        } catch (Check.Skip skip) {
          // not a failure: the check could not run here (none does against an embedded server)
        } catch (Violation | Exception e) {
          failed.put(c.name(), e);
        }
      }
    }
    return failed;
  }

  /** The rules a failed check named, or a note that it failed without naming any. */
  static List<String> named(Throwable failure) {
    return failure instanceof Violation v ? v.breaches().stream().map(Breach::rule).toList()
        : List.of("(no rule: " + failure + ")");
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

  /**
   * The v2 defects of the batch-delete answer's keys and shape and of single delete's answer, and the paging and
   * put defects one exchange shows: the interaction covering the rule fails and names exactly that rule, and no
   * pact check names a rule the mutant does not break.
   */
  @ParameterizedTest(name = "{0} is caught by {1}, naming {2}")
  @DisplayName("each v2 defect is caught by the v2 interaction covering its rule, which names that rule")
  @CsvSource({
      "V2_HYPHEN_ORIGIN_IP_KEY,            pact-v2-batch-delete-an-ipv4-and-an-ipv6-mapping-both-succeed-with-their-vendor-and-region-under-origin-ip, VK1",
      "V2_V1_ENVELOPE,                     pact-v2-batch-delete-an-ipv4-and-an-ipv6-mapping-both-succeed-with-their-vendor-and-region-under-origin-ip, VK1",
      "V2_V1_ENVELOPE,                     pact-v2-batch-delete-an-empty-array-answers-both-arrays-empty, VK1",
      "V2_BATCH_DELETE_BARE_SUCCEEDED,     pact-v2-batch-delete-an-ipv4-and-an-ipv6-mapping-both-succeed-with-their-vendor-and-region-under-origin-ip, VBD1",
      "V2_BATCH_DELETE_BARE_SUCCEEDED,     pact-v2-batch-delete-a-mapped-a-missing-and-an-invalid-ip-together-each-judged-alone, VBD1",
      "FAILED_ITEM_ECHOES_TEXT_AS_SENT,    pact-v2-batch-delete-ipv4-and-ipv6-in-several-text-forms-a-repeat-and-a-missing-address-answered-canonical-in-request-order, VBD1",
      "DUPLICATES_NOT_DETECTED,            pact-v2-batch-delete-ipv4-and-ipv6-in-several-text-forms-a-repeat-and-a-missing-address-answered-canonical-in-request-order, VBD1",
      "BATCH_LIMIT_OFF_BY_ONE,             pact-v2-batch-delete-101-items-are-refused-with-400-and-code-1191, VBD1",
      "OK_STATUS_WITH_ERROR_ENVELOPE,      pact-v2-batch-delete-a-body-that-is-not-a-json-array-is-refused-with-400-and-code-1190, VBD1",
      "V2_DELETE_ANSWERS_ENTRY,            pact-v2-delete-removes-one-mapping-and-answers-only-its-origin-ip, VG1",
      "V2_DELETE_ECHOES_PATH_TEXT,         pact-v2-delete-an-ipv6-address-in-another-text-form-removes-its-mapping-answered-canonical, VG1",
      "V2_PAGES_OVERLAP,                   pact-v2-list-page-2-of-two-holds-the-other-two-none-repeated-or-skipped-with-result-info, VL1",
      "V2_PAGES_SKIP,                      pact-v2-list-page-2-of-two-holds-the-other-two-none-repeated-or-skipped-with-result-info, VL1",
      "V2_TOTAL_PAGES_OFF_BY_ONE,          pact-v2-list-page-1-of-two-holds-the-first-two-mappings-by-address-with-result-info, VL1",
      "V2_PER_PAGE_CLAMPED,                pact-v2-list-per-page-101-is-refused-with-400-and-code-1146, VL1",
      "V2_PUT_MISMATCH_ACCEPTED,           pact-v2-put-a-body-origin-ip-naming-another-address-than-the-path-is-refused-with-400-and-code-1146, VP1",
  })
  void eachV2DefectIsCaughtNamingItsRule(Mutant mutant, String check, String rule) {
    Map<String, Throwable> failed = outcomes(mutant);

    assertThat(failed).as("pact checks failed by %s", mutant).containsKey(check);
    assertThat(named(failed.get(check))).as("rules named by %s against %s", check, mutant).containsExactly(rule);
    failed.forEach((name, failure) -> assertThat(named(failure))
        .as("rules named by %s against %s, which breaks %s", name, mutant, mutant.rules())
        .isSubsetOf(mutant.rules()));
  }

  @Test
  @DisplayName("VK1: a provider answering origin-ip on v2 fails every v2 interaction that reads a mapping, v1 ones pass")
  void aV2ProviderAnsweringTheV1KeyFails() {
    Map<String, Throwable> failed = outcomes(Mutant.V2_HYPHEN_ORIGIN_IP_KEY);

    assertThat(failed).as("failed pact checks").containsKeys(
        "pact-v2-get-one-mapping-flat-under-origin-ip",
        "pact-v2-put-creates-a-mapping-and-answers-the-entry",
        "pact-v2-batch-put-every-item-applied-under-origin-ip-in-request-order",
        "pact-v2-batch-delete-a-mapped-a-missing-and-an-invalid-ip-together-each-judged-alone",
        "pact-v2-list-the-first-page-of-20-holds-the-zone-s-mappings-flat-under-origin-ip-with-result-info");
    assertThat(named(failed.get("pact-v2-get-one-mapping-flat-under-origin-ip"))).containsExactly("VK1");
    assertThat(failed.get("pact-v2-get-one-mapping-flat-under-origin-ip")).hasMessageContaining("origin_ip");
    assertThat(failed.keySet()).as("only v2 interactions fail, and not those without a mapping in the answer")
        .allMatch(name -> name.startsWith("pact-v2-"))
        .doesNotContain("pact-v2-supported-regions-vendors-and-their-regions",
            "pact-v2-get-a-missing-mapping-answers-404-with-code-1142");
  }
}
