package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.server.Defect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The mutant zoo: a suite that passes everything is worthless, so the suite is run against the reference server
 * with each of its deliberate defects switched on, and must fail every one, with a check that names the rule the
 * defect breaks. The table it writes ({@code target/mutant-zoo.md}) is the one in the README.
 */
class MutantZooTest {
  /** The rule each defect breaks (from the defect's documentation). */
  static final Map<Defect, String> BREAKS = new EnumMap<>(Map.ofEntries(
      Map.entry(Defect.BATCH_LIMIT_OFF_BY_ONE, "BD2"),
      Map.entry(Defect.APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH, "BD2"),
      Map.entry(Defect.DROPS_LAST_RESULT, "BD4"),
      Map.entry(Defect.UNDERSCORE_ORIGIN_IP_KEY, "M1"),
      Map.entry(Defect.NO_IPV6_NORMALISATION, "IP2"),
      Map.entry(Defect.FOLDS_IPV4_MAPPED, "IP3"),
      Map.entry(Defect.ACCEPTS_LEADING_ZERO_IPV4, "IP1"),
      Map.entry(Defect.DUPLICATES_NOT_DETECTED, "BD5"),
      Map.entry(Defect.FAILED_ITEM_ECHOES_TEXT_AS_SENT, "BD6"),
      Map.entry(Defect.MODIFIED_ON_WHEN_NOTHING_SUCCEEDED, "BD7"),
      Map.entry(Defect.MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY, "L1"),
      Map.entry(Defect.SERVER_ERROR_ON_MALFORMED_JSON, "E4"),
      Map.entry(Defect.OK_STATUS_WITH_ERROR_ENVELOPE, "BD1"),
      Map.entry(Defect.SORTED_BATCH_RESULTS, "BD4"),
      Map.entry(Defect.RACY_BATCH_DELETE, "BD11"),
      Map.entry(Defect.SHARED_STORE_ACROSS_ZONES, "Z2"),
      Map.entry(Defect.SKIPS_KEY_CHECK, "A2"),
      Map.entry(Defect.NO_ZONE_LIMIT, "M2"),
      Map.entry(Defect.LIST_NOT_SORTED, "M4"),
      Map.entry(Defect.TOKEN_ECHOED_IN_ERROR, "A3"),
      Map.entry(Defect.NO_BODY_SIZE_LIMIT, "E4"),
      Map.entry(Defect.GET_DOES_NOT_NORMALISE_PATH, "G1")));

  static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
  static final int TRIES = 10;

  @BeforeAll
  static void onlyForTheSuiteItself() {
    Assumptions.assumeTrue(System.getProperty("conformance.baseUrl") == null,
        "the zoo tests the suite itself; skipped when a target is given");
  }

  static RunResult run(Defect d) {
    RunOptions o = RunOptions.parse(new String[] {"--tries", String.valueOf(TRIES), "--seed", "20261128",
        "--shrinks", "20", "--defect", d.name()}, Map.of(), Map.of(), Path.of("target", "zoo"));
    return Conformance.run(o, null);
  }

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaught() {
    assertThat(Defect.values()).as("the zoo has at least 15 mutants").hasSizeGreaterThanOrEqualTo(15);
    return Stream.of(Defect.values()).map(d -> DynamicTest.dynamicTest(d.name() + " breaks " + BREAKS.get(d), () -> {
      assertThat(BREAKS).as("the rule %s breaks is recorded", d).containsKey(d);
      RunResult r = run(d);
      Set<String> rules = new TreeSet<>();
      List<String> caughtBy = new ArrayList<>();
      for (CheckResult c : r.failures()) {
        rules.add(c.brokenRule() == null ? "?" : c.brokenRule());
        caughtBy.add(c.name() + " (" + (c.brokenRule() == null ? "?" : c.brokenRule()) + ")");
      }
      ROWS.add("| `" + d.name() + "` | " + BREAKS.get(d) + " | " + String.join(", ", caughtBy) + " |");
      assertThat(caughtBy).as("%s must make at least one check fail", d).isNotEmpty();
      assertThat(rules).as("%s breaks %s; the failed checks named %s", d, BREAKS.get(d), caughtBy)
          .contains(BREAKS.get(d));
    }));
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (ROWS.isEmpty()) {
      return;
    }
    List<String> rows = new ArrayList<>(ROWS);
    Collections.sort(rows);
    String table = "| mutant (reference server `Defect`) | rule broken | checks that caught it (rule they reported) |\n"
        + "|---|---|---|\n" + String.join("\n", rows) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "mutant-zoo.md"), table, StandardCharsets.UTF_8);
  }
}
