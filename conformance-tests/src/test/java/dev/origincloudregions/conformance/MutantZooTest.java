package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.model.Breach;
import dev.origincloudregions.conformance.runner.RunOptions;
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
 * with each of its deliberate defects switched on, and must fail every one, blaming the right rules: the rules
 * reported broken contain the defect's rule and none that the defect does not touch. Under the documented profile
 * the suite may miss a defect of a [ref] rule, but never blames a [ref] rule (or [ref] part) and never a rule the
 * defect does not touch. The table it writes ({@code target/mutant-zoo.md}) is the one in the README.
 */
class MutantZooTest {
  /**
   * Per defect: the rule it breaks (first) and every rule whose text it touches, by the contract. A rule is in the
   * set only when the defect makes the server contradict that rule's own text, not when it merely upsets a check
   * that covers it.
   */
  static final Map<Defect, List<String>> TOUCHES = new EnumMap<>(Map.ofEntries(
      // 101 items accepted: BD2 for batch delete, BU1 for batch upsert.
      Map.entry(Defect.BATCH_LIMIT_OFF_BY_ONE, List.of("BD2", "BU1")),
      // Refused, but the first 100 applied: "deletes nothing" (BD2), "nothing changes" (BU1), E5.
      Map.entry(Defect.APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH, List.of("BD2", "BU1", "E5")),
      // One result item fewer than request items (BD4); the removed mapping is not reported succeeded (BD5 [doc],
      // BU2 [doc]).
      Map.entry(Defect.DROPS_LAST_RESULT, List.of("BD4", "BD5", "BU2")),
      // The key is origin_ip: M1 names it, and BD5 for the items of a batch result.
      Map.entry(Defect.UNDERSCORE_ORIGIN_IP_KEY, List.of("M1", "BD5")),
      // IPv6 stored as sent: returned forms not canonical (IP2, and M1 which says origin-ip is canonical), two
      // spellings are two mappings (IP3), lookups by another spelling miss (G1, BD5, C1), failed items echo it (BD6).
      Map.entry(Defect.NO_IPV6_NORMALISATION, List.of("IP2", "IP3", "M1", "G1", "BD5", "BD6", "C1", "U1", "BU2")),
      // ::ffff:a.b.c.d folded into a.b.c.d: IP3 [ref], and IP2 [ref] (mapped addresses keep their dotted tail).
      Map.entry(Defect.FOLDS_IPV4_MAPPED, List.of("IP3", "IP2")),
      // 010.0.0.1 accepted: IP1 [ref].
      Map.entry(Defect.ACCEPTS_LEADING_ZERO_IPV4, List.of("IP1")),
      // A later duplicate processed too: BD5 [ref], BU2 [ref].
      Map.entry(Defect.DUPLICATES_NOT_DETECTED, List.of("BD5", "BU2")),
      Map.entry(Defect.FAILED_ITEM_ECHOES_TEXT_AS_SENT, List.of("BD6")),
      // A modified_on though nothing succeeded: BD7 (and BU5, as BD7), BD9 for the empty array.
      Map.entry(Defect.MODIFIED_ON_WHEN_NOTHING_SUCCEEDED, List.of("BD7", "BU5", "BD9")),
      // An empty zone keeps its last time: L1, G2, and BD7 [ref] ("or the list's is null if the zone is now empty").
      Map.entry(Defect.MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY, List.of("L1", "G2", "BD7")),
      // 500 on malformed JSON: E4, and the 400/1190 of BD1 and BU1 [ref].
      Map.entry(Defect.SERVER_ERROR_ON_MALFORMED_JSON, List.of("E4", "BD1", "BU1")),
      // 200 with an error envelope: BD1, BD2, BU1 (their 400), and E1 (success false on a 2xx).
      Map.entry(Defect.OK_STATUS_WITH_ERROR_ENVELOPE, List.of("BD1", "BD2", "BU1", "E1")),
      Map.entry(Defect.SORTED_BATCH_RESULTS, List.of("BD4")),
      Map.entry(Defect.RACY_BATCH_DELETE, List.of("BD11")),
      // One store for all zones: Z2, and BD8 ("every other zone unchanged").
      Map.entry(Defect.SHARED_STORE_ACROSS_ZONES, List.of("Z2", "BD8")),
      Map.entry(Defect.SKIPS_KEY_CHECK, List.of("A2")),
      // No limit: M2, BU4, and the 1164 of C1 and U1.
      Map.entry(Defect.NO_ZONE_LIMIT, List.of("M2", "BU4", "C1", "U1")),
      Map.entry(Defect.LIST_NOT_SORTED, List.of("M4")),
      Map.entry(Defect.TOKEN_ECHOED_IN_ERROR, List.of("A3")),
      Map.entry(Defect.NO_BODY_SIZE_LIMIT, List.of("E4")),
      Map.entry(Defect.GET_DOES_NOT_NORMALISE_PATH, List.of("G1"))));

  static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
  static final int TRIES = 10;

  @BeforeAll
  static void onlyForTheSuiteItself() {
    Assumptions.assumeTrue(System.getProperty("conformance.baseUrl") == null,
        "the zoo tests the suite itself; skipped when a target is given");
  }

  static RunResult run(Defect d, String profile, int tries) {
    RunOptions o = RunOptions.parse(new String[] {"--tries", String.valueOf(tries), "--seed", "20261128",
        "--shrinks", "20", "--profile", profile, "--defect", d.name()}, Map.of(), Map.of(),
        Path.of("target", "zoo", profile, d.name()));
    return Conformance.run(o, null);
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

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaughtForTheRightRule() {
    assertThat(Defect.values()).as("the zoo has at least 15 mutants").hasSizeGreaterThanOrEqualTo(15);
    return Stream.of(Defect.values()).map(d -> DynamicTest.dynamicTest(d.name() + " breaks " + TOUCHES.get(d), () -> {
      assertThat(TOUCHES).as("the rules %s touches are recorded", d).containsKey(d);
      List<String> touches = TOUCHES.get(d);
      RunResult r = run(d, "reference", TRIES);
      Set<String> rules = reported(r);
      ROWS.add("| `" + d.name() + "` | " + String.join(", ", touches) + " | " + String.join(", ", rules) + " | "
          + caughtBy(r) + " |");
      assertThat(r.failures()).as("%s must make at least one check fail", d).isNotEmpty();
      assertThat(rules).as("%s breaks %s; the failed checks: %s", d, touches.get(0), caughtBy(r))
          .contains(touches.get(0))
          .isSubsetOf(touches);
    }));
  }

  @TestFactory
  Stream<DynamicTest> theDocumentedProfileNeverBlamesAReferenceRuleNorAnUntouchedOne() {
    return Stream.of(Defect.values()).map(d -> DynamicTest.dynamicTest(d.name(), () -> {
      RunResult r = run(d, "documented", TRIES / 2);
      assertThat(r.failures()).as("no [ref] rule or part is reported broken: %s", caughtBy(r))
          .allSatisfy(c -> assertThat(c.broken()).isNotEmpty().noneMatch(Breach::ref));
      assertThat(reported(r)).as("%s touches %s; the failed checks: %s", d, TOUCHES.get(d), caughtBy(r))
          .isSubsetOf(TOUCHES.get(d));
    }));
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (ROWS.isEmpty()) {
      return;
    }
    List<String> rows = new ArrayList<>(ROWS);
    Collections.sort(rows);
    String table = "| mutant (reference server `Defect`) | rules it touches (first: the one it breaks) | rules reported "
        + "broken | checks that caught it (rules they reported) |\n|---|---|---|---|\n" + String.join("\n", rows) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "mutant-zoo.md"), table, StandardCharsets.UTF_8);
  }
}
