package dev.origincloudregions.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.model.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the contract has a check: the rule IDs are parsed from the repository's docs/contract.md (added
 * to the test resources by the pom), so a rule added there without a check fails this test.
 */
class RuleCoverageTest {
  static Set<String> contractRuleIds() throws IOException {
    try (InputStream in = RuleCoverageTest.class.getResourceAsStream("/contract.md")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("^- \\*\\*([A-Z]+[0-9]+)(?: \\[(?:doc|ref)\\])?\\*\\*", Pattern.MULTILINE).matcher(text);
      Set<String> ids = new LinkedHashSet<>();
      while (m.find()) {
        ids.add(m.group(1));
      }
      return ids;
    }
  }

  @Test
  void parsesTheWholeRuleList() throws IOException {
    assertThat(contractRuleIds()).hasSize(51).contains("E1", "BD1", "BD11", "BU5", "SAFE4", "VS1", "VBD1", "VM1");
  }

  @Test
  void everyContractRuleHasACheck() throws IOException {
    Set<String> covered = new LinkedHashSet<>();
    Suite.all().forEach(c -> covered.addAll(c.rules()));
    assertThat(covered).as("rules with a check").containsAll(contractRuleIds());
  }

  /**
   * Each family checked alone still covers every rule that applies to it: the rules of sections 1 to 4 and 8 with
   * either --api v1 or --api v2, the v1 rules with v1, the v2 rules with v2 (VS1 and VM1 also by the checks that
   * run with --api all only).
   */
  @Test
  void eachFamilyAloneCoversItsRulesAndTheSharedOnes() {
    for (String api : List.of("v1", "v2")) {
      Set<String> covered = new LinkedHashSet<>();
      Suite.all().stream().filter(c -> c.family().equals(api) || c.family().equals("run"))
          .forEach(c -> covered.addAll(c.rules()));
      Set<String> want = new LinkedHashSet<>();
      Rules.ALL.values().stream().filter(r -> r.family().equals(api) || r.family().equals("both")
          || r.family().equals("suite")).forEach(r -> want.add(r.id()));
      assertThat(covered).as("rules covered with --api %s", api).containsAll(want);
    }
  }

  @Test
  void theReportKnowsEveryRuleAndNoOther() throws IOException {
    assertThat(Rules.ALL.keySet()).containsExactlyElementsOf(contractRuleIds());
    Suite.all().forEach(c -> assertThat(Rules.ALL.keySet()).as("rules of %s", c.name()).containsAll(c.rules()));
  }

  @Test
  void checkNamesAreUniqueAndStable() {
    List<String> names = Suite.all().stream().map(Check::name).toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }
}
