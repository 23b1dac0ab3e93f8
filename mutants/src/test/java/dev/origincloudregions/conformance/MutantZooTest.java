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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
  static final int TRIES = 6;
  /** Runs at once: each run is a server and a suite in this JVM; the default suits this 2-core machine. */
  static final int THREADS = Integer.getInteger("zoo.threads", 2);
  /** The runs, by profile and mutant, started together in {@link #runAll} and awaited by each dynamic test. */
  static final Map<String, Future<RunResult>> RUNS = new ConcurrentHashMap<>();
  static ExecutorService pool;

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
    return run(mutant, profile, tries, "all");
  }

  /** As {@link #run(Mutant, String, int)}, checking the API families {@code api} ({@code v1}, {@code v2}, {@code all}). */
  static RunResult run(Mutant mutant, String profile, int tries, String families) {
    String token = "zoo-" + UUID.randomUUID();
    List<String> tokenLines = Collections.synchronizedList(new ArrayList<>());
    try (ReferenceServer server = mutant.start(Options.defaults().token(token).requestLog(line -> {
      if (line.contains(token)) {
        tokenLines.add(line);
      }
    }))) {
      RunOptions o = RunOptions.parse(new String[] {"--base-url", server.baseUrl().toString(), "--token", token,
          "--tries", String.valueOf(tries), "--seed", "20261128", "--shrinks", "20", "--profile", profile, "--api", families},
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

  /**
   * Whether some check of the suite other than a pact interaction covers {@code rule}: the pact's interactions look
   * at one exchange each, and every rule a mutant is about has a check of the suite's own as well.
   */
  static boolean hasACheck(String rule) {
    return Suite.all().stream().anyMatch(c -> !c.name().startsWith("pact-") && c.rules().contains(rule));
  }

  /**
   * The mutants the zoo runs: all of them, or those named in the system property {@code zoo.mutants}
   * (comma-separated), to look at a few while working on the suite.
   */
  static Stream<Mutant> caught() {
    String only = System.getProperty("zoo.mutants", "");
    return Stream.of(Mutant.values()).filter(m -> only.isBlank() || List.of(only.split(",")).contains(m.name()));
  }

  /**
   * The documented profile's pass checks the family a mutant changes ({@code --api all} for those of both): a v1
   * mutant answers the v2 paths as the reference server does, and the reference pass already runs both families.
   */
  static String familyOf(Mutant m) {
    return switch (m.family()) {
      case V1 -> "v1";
      case V2 -> "v2";
      case BOTH -> "all";
    };
  }

  /** Starts every run of the zoo, {@link #THREADS} at a time; each dynamic test waits for its own. */
  @BeforeAll
  static void runAll() {
    if (System.getProperty("conformance.baseUrl") != null) {
      return;
    }
    pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "mutant-zoo");
      t.setDaemon(true);
      return t;
    });
    caught().forEach(m -> {
      RUNS.put("reference " + m, pool.submit(() -> run(m, "reference", TRIES)));
      RUNS.put("documented " + m, pool.submit(() -> run(m, "documented", TRIES / 2, familyOf(m))));
    });
  }

  static RunResult result(String profile, Mutant m) throws Exception {
    return RUNS.get(profile + " " + m).get(10, TimeUnit.MINUTES);
  }

  @Test
  void everyMutantNamesRulesOfTheContractEachOnce() {
    for (Mutant m : Mutant.values()) {
      assertThat(m.rules()).as("rules of %s", m).isNotEmpty().doesNotHaveDuplicates().allMatch(Rules.ALL::containsKey);
    }
  }

  @Test
  void everyMutantsRuleHasACheck() {
    for (Mutant m : Mutant.values()) {
      assertThat(hasACheck(m.rule())).as("%s is about %s, which no check covers", m, m.rule()).isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaughtForTheRightRule() {
    if (System.getProperty("zoo.mutants", "").isBlank()) {
      assertThat(caught()).as("the zoo runs every mutant, at least 39").hasSizeGreaterThanOrEqualTo(39);
    }
    return caught().map(m -> DynamicTest.dynamicTest(m.name() + " breaks " + m.rules(), () -> {
      RunResult r = result("reference", m);
      Set<String> rules = reported(r);
      ROWS.add("| `" + m.name() + "` | " + m.family() + " | " + String.join(", ", m.rules()) + " | "
          + String.join(", ", rules) + " | " + caughtBy(r) + " |");
      assertThat(r.failures()).as("%s must make at least one check fail", m).isNotEmpty();
      assertThat(rules).as("%s breaks %s; the failed checks: %s", m, m.rule(), caughtBy(r))
          .contains(m.rule())
          .isSubsetOf(m.rules());
    }));
  }

  /**
   * The model of both families in one sequence (contract VS1, VM1) catches on its own a server that keeps a store per
   * family and one whose changes move the time of mappings they do not touch.
   */
  @TestFactory
  Stream<DynamicTest> theModelOfBothFamiliesCatchesTwoStoresAndMovedTimes() {
    return Stream.of(Mutant.V2_SEPARATE_STORES, Mutant.V2_CHANGE_TOUCHES_ZONE).filter(m -> RUNS.containsKey(
        "reference " + m)).map(m -> DynamicTest.dynamicTest(m.name(), () -> {
          RunResult r = result("reference", m);
          assertThat(r.failures()).as("failed checks: %s", caughtBy(r))
              .anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("stateful-both-families");
                assertThat(c.brokenRules()).containsExactly(m.rule());
              });
        }));
  }

  @TestFactory
  Stream<DynamicTest> theDocumentedProfileNeverBlamesAReferenceRuleNorAnUntouchedOne() {
    return caught().map(m -> DynamicTest.dynamicTest(m.name(), () -> {
      RunResult r = result("documented", m);
      assertThat(r.failures()).as("no [ref] rule or part is reported broken: %s", caughtBy(r))
          .allSatisfy(c -> assertThat(c.broken()).isNotEmpty().noneMatch(Breach::ref));
      assertThat(reported(r)).as("%s touches %s; the failed checks: %s", m, m.rules(), caughtBy(r))
          .isSubsetOf(m.rules());
    }));
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (pool != null) {
      pool.shutdownNow();
    }
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
