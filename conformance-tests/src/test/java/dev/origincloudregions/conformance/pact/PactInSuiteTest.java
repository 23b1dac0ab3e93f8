package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.checks.Suite;
import dev.origincloudregions.conformance.checks.Target;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.report.RuleTable;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pact checks are part of the suite: selectable by name or rule, run by the runner, in the same report, and
 * as safe on a shared zone as every other check (SAFE1).
 */
class PactInSuiteTest {

  @Test
  @DisplayName("the runner runs the pact checks against a separately started server and reports each one")
  void theRunnerReportsThePactChecks() {
    List<String> names = PactChecks.all().stream().map(Check::name).toList();
    try (ReferenceServer server = ReferenceServer.start(Options.defaults())) {
      RunOptions o = RunOptions.parse(new String[] {"--base-url", server.baseUrl().toString(),
          "--token", server.token(), "--seed", "7", "--checks", String.join(",", names)},
          Map.of(), Map.of(), Path.of("target", "conformance-report"));
      HttpTarget api = new HttpTarget(o.baseUrl(), TargetCredentials.token(o.token()), new Pacer(o.maxRps()));
      ByteArrayOutputStream console = new ByteArrayOutputStream();

      RunResult run = Suite.run(o, api, List.of(), new PrintStream(console, true, StandardCharsets.UTF_8), r -> r);

      List<CheckResult> pact = run.results().stream().filter(r -> r.name().startsWith("pact-")).toList();
      assertThat(pact).extracting(CheckResult::name).containsExactlyElementsOf(names);
      assertThat(pact).allSatisfy(r -> assertThat(r.status()).as("%s: %s", r.name(), r.message())
          .isEqualTo(CheckResult.Status.PASS));
      assertThat(RuleTable.of(run.results()).stream().filter(row -> row.rule().id().equals("BD2")).findFirst()
          .orElseThrow().checks()).extracting(CheckResult::name)
          .contains("pact-batch-delete-101-items-are-refused-with-400-and-code-1191");
      assertThat(run.passed()).as("the whole run, SAFE end checks included: %s", run.failures()).isTrue();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("pact-get-one-mapping");
    }
  }

  @Test
  @DisplayName("under the documented profile, interactions that assert [ref] rules are skipped, the rest run")
  void theDocumentedProfileSkipsReferenceInteractions() {
    List<Check> checks = PactChecks.all();

    assertThat(checks).filteredOn(Check::referenceOnly).extracting(Check::name)
        .contains("pact-batch-delete-101-items-are-refused-with-400-and-code-1191",
            "pact-batch-delete-without-credentials-it-is-refused-with-401-and-code-10000");
    assertThat(checks).filteredOn(c -> !c.referenceOnly()).extracting(Check::name)
        .contains("pact-get-one-mapping", "pact-supported-regions-vendors-and-their-regions");
  }

  @Test
  @DisplayName("SAFE1: an interaction whose state would change a pre-existing mapping is skipped, not run")
  void aPreExistingMappingMakesTheInteractionSkip() throws Exception {
    try (PactTargets embedded = PactTargets.start()) {
      // A mapping the "run" did not create: put there before the safety snapshot of a second target.
      embedded.target.zone.batchUpsert(List.of(V1Zone.item("192.0.2.1", "aws", "us-east-1")));
      Target again = embedded.newRun();
      Check get = PactChecks.all().stream().filter(c -> c.name().equals("pact-get-one-mapping")).findFirst().orElseThrow();

      Check.Skip skip = catchThrowableOfType(Check.Skip.class, () -> get.body().run(again));

      assertThat(skip).as("the check's outcome").isNotNull();
      assertThat(skip.getMessage()).contains("SAFE1", "192.0.2.1");
      assertThat(embedded.mappedIps()).as("the pre-existing mapping is untouched").containsExactly("192.0.2.1");
    }
  }
}
