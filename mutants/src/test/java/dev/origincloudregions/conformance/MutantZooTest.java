package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.server.Mutant;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The mutant zoo: a suite that passes everything is worthless, so the suite is run against a reference server
 * carrying each {@link Mutant} in turn, exactly as against any other implementation (by base URL), and must fail
 * every one, with a check that names the rule the mutant breaks. The table it writes
 * ({@code target/mutant-zoo.md}) is the one in {@code conformance-tests/README.md}.
 */
class MutantZooTest {
  /**
   * The mutants whose rule has no check yet: the v2 rules of contract section 9 (issue 11 adds their checks). They
   * are declared with their rules in the registry like every other mutant, but not run, since no check could
   * catch them. This set only shrinks: a mutant whose rule gains a check must leave it (and then be caught),
   * which {@link #everyMutantIsCaught} enforces.
   */
  static final Set<Mutant> AWAITING_V2_CHECKS = Collections.unmodifiableSet(EnumSet.of(
      Mutant.V2_HYPHEN_ORIGIN_IP_KEY,
      Mutant.V2_V1_ENVELOPE,
      Mutant.V2_SEPARATE_STORES,
      Mutant.V2_PAGES_OVERLAP,
      Mutant.V2_PAGES_SKIP,
      Mutant.V2_TOTAL_PAGES_OFF_BY_ONE,
      Mutant.V2_PAGE_PAST_END_REFUSED,
      Mutant.V2_PER_PAGE_CLAMPED,
      Mutant.V2_PUT_MISMATCH_ACCEPTED,
      Mutant.V2_PUT_MATCHES_RAW_TEXT,
      Mutant.V2_BATCH_PUT_REPLACES_ZONE,
      Mutant.V2_DELETE_ANSWERS_ENTRY,
      Mutant.V2_DELETE_ECHOES_PATH_TEXT,
      Mutant.V2_BATCH_DELETE_BARE_SUCCEEDED,
      Mutant.V2_PUT_KEEPS_MODIFIED_ON,
      Mutant.V2_CHANGE_TOUCHES_ZONE));

  static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
  static final int TRIES = 10;

  @BeforeAll
  static void onlyForTheSuiteItself() {
    Assumptions.assumeTrue(System.getProperty("conformance.baseUrl") == null,
        "the zoo tests the suite itself; skipped when a target is given");
  }

  /** Runs the suite against a server carrying {@code mutant}, watching its request log for the token (A3). */
  static RunResult run(Mutant mutant) {
    String token = "zoo-" + UUID.randomUUID();
    List<String> tokenLines = Collections.synchronizedList(new ArrayList<>());
    try (ReferenceServer server = mutant.start(Options.defaults().token(token).requestLog(line -> {
      if (line.contains(token)) {
        tokenLines.add(line);
      }
    }))) {
      RunOptions o = RunOptions.parse(new String[] {"--base-url", server.baseUrl().toString(), "--token", token,
          "--tries", String.valueOf(TRIES), "--seed", "20261128", "--shrinks", "20"}, Map.of(), Map.of(),
          Path.of("target", "zoo", mutant.name()));
      return Suite.run(o, new Api(o.baseUrl(), o.credentials(), new Pacer(o.maxRps())), tokenLines, null);
    }
  }

  /** Whether some check of the suite covers {@code rule}. */
  static boolean hasACheck(String rule) {
    return Suite.all().stream().anyMatch(c -> c.rules().contains(rule));
  }

  @Test
  void everyMutantNamesRulesOfTheContractEachOnce() {
    for (Mutant m : Mutant.values()) {
      assertThat(m.rules()).as("rules of %s", m).isNotEmpty().doesNotHaveDuplicates().allMatch(Rules.ALL::containsKey);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaught() {
    assertThat(Mutant.values()).as("the zoo has at least 15 mutants").hasSizeGreaterThanOrEqualTo(15);
    return Stream.of(Mutant.values()).map(m -> DynamicTest.dynamicTest(m.name() + " breaks " + m.rule(), () -> {
      if (AWAITING_V2_CHECKS.contains(m)) {
        assertThat(hasACheck(m.rule())).as("%s awaits a check of %s, which the suite now has: take it out of "
            + "AWAITING_V2_CHECKS", m, m.rule()).isFalse();
        ROWS.add("| `" + m.name() + "` | " + m.family() + " | " + m.rule() + " | awaiting v2 checks |");
        return;
      }
      RunResult r = run(m);
      Set<String> rules = new TreeSet<>();
      List<String> caughtBy = new ArrayList<>();
      for (CheckResult c : r.failures()) {
        rules.add(c.brokenRule() == null ? "?" : c.brokenRule());
        caughtBy.add(c.name() + " (" + (c.brokenRule() == null ? "?" : c.brokenRule()) + ")");
      }
      ROWS.add("| `" + m.name() + "` | " + m.family() + " | " + m.rule() + " | " + String.join(", ", caughtBy) + " |");
      assertThat(caughtBy).as("%s must make at least one check fail", m).isNotEmpty();
      assertThat(rules).as("%s breaks %s; the failed checks named %s", m, m.rule(), caughtBy).contains(m.rule());
    }));
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (ROWS.isEmpty()) {
      return;
    }
    List<String> rows = new ArrayList<>(ROWS);
    Collections.sort(rows);
    String table = "| mutant | family | rule broken | checks that caught it (rule they reported) |\n"
        + "|---|---|---|---|\n" + String.join("\n", rows) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "mutant-zoo.md"), table, StandardCharsets.UTF_8);
  }
}
