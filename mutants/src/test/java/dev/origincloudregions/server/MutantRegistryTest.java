package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The registry says what each mutant is, consistently. (That it names only rules of the contract is checked by
 * {@code MutantZooTest}, beside the suite's list of rules.)
 */
class MutantRegistryTest {
  /** The defects the reference server carried as switches before they moved here: kept, by the same names. */
  static final List<String> FORMER_SWITCHES = List.of("BATCH_LIMIT_OFF_BY_ONE", "APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH",
      "DROPS_LAST_RESULT", "UNDERSCORE_ORIGIN_IP_KEY", "NO_IPV6_NORMALISATION", "FOLDS_IPV4_MAPPED",
      "ACCEPTS_LEADING_ZERO_IPV4", "DUPLICATES_NOT_DETECTED", "FAILED_ITEM_ECHOES_TEXT_AS_SENT",
      "MODIFIED_ON_WHEN_NOTHING_SUCCEEDED", "MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY", "SERVER_ERROR_ON_MALFORMED_JSON",
      "OK_STATUS_WITH_ERROR_ENVELOPE", "SORTED_BATCH_RESULTS", "RACY_BATCH_DELETE", "SHARED_STORE_ACROSS_ZONES",
      "SKIPS_KEY_CHECK", "NO_ZONE_LIMIT", "LIST_NOT_SORTED", "TOKEN_ECHOED_IN_ERROR", "NO_BODY_SIZE_LIMIT",
      "GET_DOES_NOT_NORMALISE_PATH");

  @Test
  void keepsEveryFormerSwitchByName() {
    assertThat(Arrays.stream(Mutant.values()).map(Mutant::name)).containsAll(FORMER_SWITCHES);
  }

  @Test
  void holdsAtLeastTenV2Mutants() {
    assertThat(Arrays.stream(Mutant.values()).filter(m -> m.rule().startsWith("V")))
        .as("mutants about a v2 rule").hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void familiesAgreeWithTheRules() {
    for (Mutant m : Mutant.values()) {
      if (m.family() == Mutant.Family.V1) {
        assertThat(m.rules()).as("%s changes v1 answers only, so it breaks no v2 rule", m)
            .noneMatch(r -> r.startsWith("V"));
      }
      if (m.family() == Mutant.Family.V2) {
        assertThat(m.rule()).as("%s changes v2 answers only, so it is about a v2 rule", m).startsWith("V");
      }
    }
  }

  @Test
  void describesEachInOneLine() {
    for (Mutant m : Mutant.values()) {
      assertThat(m.description()).as("description of %s", m).isNotBlank().doesNotContain("\n").hasSizeLessThan(120);
    }
  }

  @Test
  void theReadmeListsEveryMutantWithItsFamilyRulesAndLine() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (Mutant m : Mutant.values()) {
      String row = "| `" + m.name() + "` | " + m.family().name().toLowerCase(Locale.ROOT) + " | "
          + String.join(", ", m.rules()) + " | " + m.description() + " |";
      assertThat(readme).as("mutants/README.md's row of %s", m).contains(row);
    }
  }
}
