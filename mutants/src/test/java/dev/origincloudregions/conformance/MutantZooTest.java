package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.checks.Suite;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.model.Breach;
import dev.origincloudregions.conformance.model.Rules;
import dev.origincloudregions.conformance.runner.RunOptions;
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
import java.util.function.UnaryOperator;
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
 * every one, blaming the right rules: the rules reported broken contain the mutant's rule and none outside the
 * rules its text breaks ({@link Mutant#rules()}). Under the documented profile the suite may miss a defect of a
 * [ref] rule, but never blames a [ref] rule (or [ref] part) and never a rule the mutant does not touch. The table
 * it writes ({@code target/mutant-zoo.md}) is the one in {@code conformance-tests/README.md}.
 */
class MutantZooTest {
  /**
   * The mutants whose rule has no check yet: the v2 rules of contract section 9 (issue 11 adds their checks). They
   * are declared with their rules in the registry like every other mutant, but not run, since no check could
   * catch them. This set only shrinks: a mutant whose rule gains a check must leave it (and is then run and must
   * be caught), which {@link #theMutantsAwaitingV2ChecksHaveNoCheckYet} enforces.
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

  /**
   * Runs the suite against a server carrying {@code mutant}, watching its request log for the token (A3), as the
   * runner does for its embedded server.
   */
  static RunResult run(Mutant mutant, String profile, int tries) {
    String token = "zoo-" + UUID.randomUUID();
    List<String> tokenLines = Collections.synchronizedList(new ArrayList<>());
    try (ReferenceServer server = mutant.start(Options.defaults().token(token).requestLog(line -> {
      if (line.contains(token)) {
        tokenLines.add(line);
      }
    }))) {
      RunOptions o = RunOptions.parse(new String[] {"--base-url", server.baseUrl().toString(), "--token", token,
          "--tries", String.valueOf(tries), "--seed", "20261128", "--shrinks", "20", "--profile", profile},
          Map.of(), Map.of(), Path.of("target", "zoo", profile, mutant.name()));
      HttpTarget api = new HttpTarget(o.baseUrl(), o.credentials(), new Pacer(o.maxRps()));
      return Suite.run(o, api, tokenLines, null, UnaryOperator.identity());
    }
  }

  static Set<String> reported(RunResult r) {
    Set<String> rules = new TreeSet<>();
    r.failures().forEach(c -> rules.addAll(c.broken().isEmpty() ? List.of("(none: " + c.name() + ")")
        : c.brokenRules()));
    return rules;
  }

  static String caughtBy(RunResult r) {
    List<String> out = new ArrayList<>();
    for (CheckResult c : r.failures()) {
      out.add(c.name() + " (" + (c.broken().isEmpty() ? "?" : Breach.join(c.broken())) + ")");
    }
    return String.join(", ", out);
  }

  /** Whether some check of the suite covers {@code rule}. */
  static boolean hasACheck(String rule) {
    return Suite.all().stream().anyMatch(c -> c.rules().contains(rule));
  }

  /** The mutants the zoo runs: all but those awaiting v2 checks. */
  static Stream<Mutant> caught() {
    return Stream.of(Mutant.values()).filter(m -> !AWAITING_V2_CHECKS.contains(m));
  }

  @Test
  void everyMutantNamesRulesOfTheContractEachOnce() {
    for (Mutant m : Mutant.values()) {
      assertThat(m.rules()).as("rules of %s", m).isNotEmpty().doesNotHaveDuplicates().allMatch(Rules.ALL::containsKey);
    }
  }

  @TestFactory
  Stream<DynamicTest> theMutantsAwaitingV2ChecksHaveNoCheckYet() {
    return AWAITING_V2_CHECKS.stream().map(m -> DynamicTest.dynamicTest(m.name() + " awaits a check of " + m.rule(), () -> {
      ROWS.add("| `" + m.name() + "` | " + m.family() + " | " + String.join(", ", m.rules())
          + " | awaiting v2 checks | |");
      assertThat(hasACheck(m.rule())).as("%s awaits a check of %s, which the suite now has: take it out of "
          + "AWAITING_V2_CHECKS", m, m.rule()).isFalse();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaughtForTheRightRule() {
    assertThat(caught()).as("the zoo runs at least 15 mutants").hasSizeGreaterThanOrEqualTo(15);
    return caught().map(m -> DynamicTest.dynamicTest(m.name() + " breaks " + m.rules(), () -> {
      RunResult r = run(m, "reference", TRIES);
      Set<String> rules = reported(r);
      ROWS.add("| `" + m.name() + "` | " + m.family() + " | " + String.join(", ", m.rules()) + " | "
          + String.join(", ", rules) + " | " + caughtBy(r) + " |");
      assertThat(r.failures()).as("%s must make at least one check fail", m).isNotEmpty();
      assertThat(rules).as("%s breaks %s; the failed checks: %s", m, m.rule(), caughtBy(r))
          .contains(m.rule())
          .isSubsetOf(m.rules());
    }));
  }

  @TestFactory
  Stream<DynamicTest> theDocumentedProfileNeverBlamesAReferenceRuleNorAnUntouchedOne() {
    return caught().map(m -> DynamicTest.dynamicTest(m.name(), () -> {
      RunResult r = run(m, "documented", TRIES / 2);
      assertThat(r.failures()).as("no [ref] rule or part is reported broken: %s", caughtBy(r))
          .allSatisfy(c -> assertThat(c.broken()).isNotEmpty().noneMatch(Breach::ref));
      assertThat(reported(r)).as("%s touches %s; the failed checks: %s", m, m.rules(), caughtBy(r))
          .isSubsetOf(m.rules());
    }));
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (ROWS.isEmpty()) {
      return;
    }
    List<String> rows = new ArrayList<>(ROWS);
    Collections.sort(rows);
    String table = "| mutant | family | rules it breaks (first: the one it is about) | rules reported broken | checks "
        + "that caught it (rules they reported) |\n|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "mutant-zoo.md"), table, StandardCharsets.UTF_8);
  }
}
