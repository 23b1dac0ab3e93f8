package dev.origincloudregions.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.Conformance;
import dev.origincloudregions.conformance.ConformanceRunner;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.model.Rules;
import dev.origincloudregions.conformance.report.TextReport;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** --max-requests: the whole run stays within the budget, counted at the server, and every rule is still checked. */
class RequestBudgetTest {

  @Test
  @DisplayName("a documented-profile run of both families with --max-requests 1200 sends at most 1,200 requests and "
      + "covers every [doc] rule of both")
  void documentedRunFitsTheBudget() {
    AtomicInteger served = new AtomicInteger();
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("budget-token-0123456789")
        .requestLog(l -> served.incrementAndGet()))) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      RunOptions o = RunOptions.parse(new String[] {"--base-url", server.baseUrl().toString(), "--token",
          "budget-token-0123456789", "--profile", "documented", "--max-requests", "1200", "--seed", "8"}, Map.of(),
          Map.of(), Path.of("target", "budget-report"));
      RunResult r = Conformance.run(o, new PrintStream(console, true, StandardCharsets.UTF_8));
      String out = console.toString(StandardCharsets.UTF_8);

      assertThat(served.get()).as("requests the server saw").isLessThanOrEqualTo(1200).isGreaterThan(300);
      assertThat(r.requests()).as("requests the runner counted").isLessThanOrEqualTo(1200);
      assertThat(r.failures()).as(TextReport.summary(r)).isEmpty();
      assertThat(r.outcome()).isEqualTo(RunResult.Outcome.COMPLETED);
      Set<String> covered = r.results().stream().filter(c -> c.status() == CheckResult.Status.PASS)
          .flatMap(c -> c.rules().stream()).collect(Collectors.toSet());
      Set<String> documented = Rules.ALL.values().stream()
          .filter(rule -> rule.tag().equals("doc") || rule.tag().equals("mixed"))
          .map(Rules.Rule::id).collect(Collectors.toSet());
      assertThat(documented).as("both families' [doc] rules").contains("BD1", "BU1", "VBD1", "VBU1", "VL1", "VP1");
      assertThat(covered).as("[doc] rules checked by a passing check").containsAll(documented);
      assertThat(r.results()).as("the checks of both families ran").anyMatch(c -> c.family().equals("v1"))
          .anyMatch(c -> c.family().equals("v2"));
      assertThat(out).contains("plan: ").contains("at most 1200 requests (--max-requests)")
          .contains("tries scaled down to fit the budget");
      assertThat(TextReport.summary(r)).containsPattern("Budget: \\d+ of at most 1200 requests");
    }
  }

  @Test
  @DisplayName("a budget too small for one example of every check is a configuration error that names the minimum")
  void aTooSmallBudgetIsRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ConformanceRunner.run(new String[] {"--max-requests", "50"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-requests 50 cannot check every rule")
        .contains("e.g. --max-requests");
  }

  @Test
  @DisplayName("a non-loopback target gets a budget of 1,200 requests by default")
  void remoteTargetsHaveABudget() {
    RunOptions o = RunOptions.parse(new String[] {"--base-url", "https://api.example.com/client/v4", "--token", "T"},
        Map.of(), Map.of(), Path.of("r"));
    assertThat(o.maxRequests()).isEqualTo(1200);
    assertThat(RunOptions.parse(new String[0], Map.of(), Map.of(), Path.of("r")).maxRequests()).isZero();
  }

  @Test
  @DisplayName("a long check prints a progress line at least every few seconds")
  void progressDuringALongCheck() {
    long before = Suite.progressMillis;
    Suite.progressMillis = 100;
    try {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      RunOptions o = RunOptions.parse(new String[] {"--checks", "BD2", "--tries", "30", "--seed", "2", "--max-rps",
          "60"}, Map.of(), Map.of(), Path.of("target", "progress-report"));
      Conformance.run(o, new PrintStream(console, true, StandardCharsets.UTF_8));
      assertThat(console.toString(StandardCharsets.UTF_8))
          .containsPattern("\\.\\.\\. batch-delete-over-limit: \\d+ of \\d+ tries, \\d+ requests");
    } finally {
      Suite.progressMillis = before;
    }
  }
}
