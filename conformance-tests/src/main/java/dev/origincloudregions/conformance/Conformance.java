package dev.origincloudregions.conformance;

import dev.origincloudregions.conformance.checks.Suite;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.Recorder;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.report.CaseFiles;
import dev.origincloudregions.conformance.report.Reports;
import dev.origincloudregions.conformance.report.TextReport;
import dev.origincloudregions.conformance.runner.EmbeddedServer;
import dev.origincloudregions.conformance.runner.KnownFailures;
import dev.origincloudregions.conformance.runner.RunOptions;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the suite for a set of options, against the given base URL or an embedded reference server, and writes the
 * reports: also when the run is interrupted or the target stops answering.
 */
public final class Conformance {
  private Conformance() {}

  /**
   * Runs the suite and writes the reports to {@code o.reportDir()}.
   *
   * @param o what to test and how ({@link RunOptions#parse})
   * @param out the console for progress and the summary, or null for none
   * @return the run, known failures marked and case files named
   */
  public static RunResult run(RunOptions o, PrintStream out) {
    KnownFailures known = o.knownFailures() == null ? KnownFailures.NONE : KnownFailures.read(o.knownFailures());
    if (o.baseUrl() != null) {
      HttpTarget api = new HttpTarget(o.baseUrl(), o.credentials(), new Pacer(o.maxRps()));
      return Suite.run(o, api, null, out, r -> finish(o, known, api, r, out));
    }
    try (EmbeddedServer server = EmbeddedServer.start()) {
      HttpTarget api = new HttpTarget(server.baseUrl(), TargetCredentials.token(server.token()), new Pacer(o.maxRps()));
      if (out != null) {
        out.println("embedded reference server at " + server.baseUrl());
      }
      List<String> log = server.tokenLines;
      return Suite.run(o, api, log, out, r -> finish(o, known, api, r, out));
    }
  }

  /** What every run does last, interrupted or not: known failures, reports, the summary. */
  private static RunResult finish(RunOptions o, KnownFailures known, HttpTarget api, RunResult raw, PrintStream out) {
    RunResult k = known.apply(raw);
    RunResult r = new RunResult(k.target(), k.profile(), k.seed(), k.tries(), k.version(), k.startedAt(),
        CaseFiles.write(k, o.reportDir(), new Recorder(o.zoneId(), o.secondZoneId()), api.baseUrl(),
            api.credentials()::scrub), k.durationMillis(), k.requests(), k.outcome(), k.notes());
    Reports.writeAll(r, o.reportDir(), api.credentials()::scrub);
    if (out != null) {
      out.print(api.credentials().scrub(TextReport.summary(r)));
      out.println("reports: " + o.reportDir().toAbsolutePath().normalize() + " (" + Reports.SUMMARY + ", "
          + Reports.JUNIT + ", " + Reports.JSON_LINES + ", " + Reports.HTML + ")");
      out.flush();
    }
    return r;
  }
}
