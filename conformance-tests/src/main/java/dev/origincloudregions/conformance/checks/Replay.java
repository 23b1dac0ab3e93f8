package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Breach;
import dev.origincloudregions.conformance.report.CaseFiles;
import dev.origincloudregions.conformance.report.Reports;
import dev.origincloudregions.conformance.report.TextReport;
import dev.origincloudregions.conformance.runner.ConfigException;
import dev.origincloudregions.conformance.runner.EmbeddedServer;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.conformance.runner.Version;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --replay FILE|DIR}: re-runs the case files of earlier failures against a target and judges them again.
 * Each case runs its check once, on the recorded input, with the recorded seed and profile; every request the check
 * sends must be the case's next one (or the replay stops: the target's state differs), and the replay ends where the
 * recorded run found the failure. A case that breaks a rule again is FAIL; one that gets that far without breaking
 * any is fixed (PASS). Exit code: 1 if a case still fails, 2 if one could not be replayed, 0 otherwise.
 */
public final class Replay {
  private Replay() {}

  public static int run(RunOptions o, PrintStream out) {
    List<CaseFiles.Case> cases = CaseFiles.read(o.replay());
    long t0 = System.nanoTime();
    if (o.baseUrl() != null) {
      return replayAll(o, cases, o.baseUrl(), o.credentials(), out, t0);
    }
    try (EmbeddedServer server = EmbeddedServer.start()) {
      return replayAll(o, cases, server.baseUrl(), TargetCredentials.token(server.token()), out, t0);
    }
  }

  private static int replayAll(RunOptions o, List<CaseFiles.Case> cases, String baseUrl, TargetCredentials credentials,
      PrintStream out, long t0) {
    List<CheckResult> results = new ArrayList<>();
    int requests = 0;
    for (CaseFiles.Case c : cases) {
      Check check = Suite.all().stream().filter(k -> k.name().equals(c.check())).findFirst()
          .orElseThrow(() -> new ConfigException("--replay: " + c.file() + " names the check '" + c.check()
              + "', which this suite does not have (see --list)"));
      RunOptions one = new RunOptions(o.baseUrl(), o.token(), o.email(), o.key(), o.zoneId(), o.secondZoneId(),
          !c.profile().equals("documented"), 1, c.seed(), o.maxRps(), o.reportDir(), o.allowAnyAddress(),
          java.util.Set.of(), 0, false, 0, null, null,
          check.family().equals("both") ? RunOptions.ALL : check.family().equals("run") ? o.api() : check.family());
      HttpTarget api = new HttpTarget(baseUrl, credentials, new Pacer(one.maxRps()));
      Safety safety = new Safety(one.allowAnyAddress());
      Target t = new Target(one, api, safety, null);
      Suite.preflight(t, api);
      api.safety(safety);
      api.addListener(safety::adopt);
      t.recorder.replay(c.requests(), c.failedAt());
      t.replayInput(c.input());
      Planner.Plan plan = Planner.plan(List.of(check), 1, one.reference(), 0);
      CheckResult r = Suite.runOne(t, check, plan, 0, new Progress(t, null));
      safety.cleanUp(api, one.v1(), one.v2());
      requests += api.sent();
      String verdict = switch (r.status()) {
        case PASS -> "FIXED  " + c.check() + ": replayed " + c.requests().size() + " requests up to the recorded "
            + "failure, and no rule is broken any more";
        case FAIL -> "FAIL   " + c.check() + ": still broken (" + (r.broken().isEmpty() ? "error"
            : Breach.join(r.broken())) + "): " + TextReport.firstLine(r.message());
        default -> "ERROR  " + c.check() + ": could not replay: " + r.message();
      };
      out.println(verdict + "  [" + c.file() + "]");
      results.add(r.withCaseFile(c.file().toString()));
    }
    RunResult run = new RunResult("replay of " + Reports.count(cases.size(), "case", "cases") + " against "
        + (o.baseUrl() == null ? "embedded reference server (" + baseUrl + ")" : baseUrl), "as recorded", 0, 1,
        Version.VERSION, Instant.now(), List.copyOf(results), (System.nanoTime() - t0) / 1_000_000, requests,
        RunResult.Outcome.COMPLETED, List.of("Replay of " + o.replay() + "."));
    Reports.writeAll(run, o.reportDir(), credentials::scrub);
    long failed = run.count(CheckResult.Status.FAIL);
    long fixed = run.count(CheckResult.Status.PASS);
    out.printf("%d cases: %d still failing, %d fixed, %d could not be replayed; reports: %s%n", cases.size(), failed,
        fixed, cases.size() - failed - fixed, o.reportDir().toAbsolutePath().normalize());
    return failed > 0 ? 1 : fixed < cases.size() ? 2 : 0;
  }
}
