package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.http.Curl;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Recorder;
import dev.origincloudregions.conformance.http.RunControl;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Breach;
import dev.origincloudregions.conformance.model.Rules;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.V2Zone;
import dev.origincloudregions.conformance.model.Violation;
import dev.origincloudregions.conformance.pact.PactChecks;
import dev.origincloudregions.conformance.report.FailureCase;
import dev.origincloudregions.conformance.report.Reports;
import dev.origincloudregions.conformance.report.TextReport;
import dev.origincloudregions.conformance.runner.ConfigException;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.conformance.runner.Version;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every check, and the run: the plan, preflight, the checks, clean-up, the end-of-run checks, and what happens when
 * the run is interrupted or the target stops answering.
 */
public final class Suite {
  private Suite() {}

  public static List<Check> all() {
    return Stream.of(
            EnvelopeChecks.all(),
            AuthChecks.all(),
            ZoneChecks.all(),
            IpChecks.all(),
            MappingChecks.all(),
            OperationChecks.all(),
            BatchDeleteChecks.all(),
            BatchUpsertChecks.all(),
            V2TransportChecks.all(),
            V2MappingChecks.all(),
            V2ListChecks.all(),
            V2BatchDeleteChecks.all(),
            V2BatchPutChecks.all(),
            PactChecks.all(), // the SDK's consumer contract, one check per interaction (docs/pact.md)
            StatefulCheck.all(),
            CrossFamilyChecks.all(),
            EndChecks.all())
        .flatMap(List::stream)
        .toList();
  }

  static List<Check> selected(RunOptions o) {
    List<Check> all = all();
    all = all.stream().filter(c -> o.runs(c.family())).toList();
    if (o.checks().isEmpty()) {
      return all;
    }
    for (String sel : o.checks()) {
      if (all.stream().noneMatch(c -> c.matches(sel))) {
        throw new ConfigException("--checks: no check " + (o.api().equals(RunOptions.ALL) ? "" : "of --api "
            + o.api() + " ") + "is named or covers '" + sel + "' (see --list)");
      }
    }
    // End-of-run checks always run: the SAFE rules are verified on every run.
    return all.stream().filter(c -> c.phase() == Check.Phase.END || o.checks().stream().anyMatch(c::matches)).toList();
  }

  /** State shared by the end-of-run checks. */
  static final class Finish {
    Audit audit;
    Map<String, Set<String>> leftOver = Map.of();
  }

  static final ThreadLocal<Finish> FINISH = new ThreadLocal<>();

  /** How often a long check says it is still working. */
  static volatile long progressMillis = 5_000;

  /**
   * Runs the suite against {@code api}; {@code finish} gets the result before the run lets go of an interruption
   * (the runner writes the reports there, so an interrupted run leaves them too).
   */
  public static RunResult run(RunOptions o, HttpTarget api, List<String> serverLog, PrintStream out,
      UnaryOperator<RunResult> finish) {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    List<Check> checks = selected(o);
    Planner.Plan plan = Planner.plan(checks, o.tries(), o.reference(), o.maxRequests(), o.v1() && o.v2() ? 2 : 1);
    RunControl control = new RunControl(o.maxRequests());
    api.control(control);
    List<String> notes = new ArrayList<>();
    notes.add(planLine(checks, plan, o, api));
    print(out, notes.get(0));
    Safety safety = new Safety(o.allowAnyAddress());
    Audit audit = new Audit(api.credentials());
    api.addListener(audit);
    Target t = new Target(o, api, safety, serverLog);
    preflight(t, api);
    api.safety(safety);
    api.addListener(safety::adopt);
    Finish fin = new Finish();
    fin.audit = audit;
    FINISH.set(fin);

    CountDownLatch done = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      // A signal: stop every request, let the main thread clean up and write the reports, then let the JVM go.
      control.stop(RunResult.Outcome.INTERRUPTED, "a signal to stop (Ctrl-C or SIGTERM)");
      main.interrupt();
      try {
        done.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "conformance-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    Progress progress = new Progress(t, out);
    List<CheckResult> results = new ArrayList<>();
    RunResult result;
    try {
      int n = checks.size();
      int i = 0;
      long later = plan.requests();
      for (Check c : checks) {
        if (c.phase() != Check.Phase.MAIN) {
          continue;
        }
        later -= (o.reference() || !c.referenceOnly()) ? plan.allotment(c) : 0;
        CheckResult r = control.stopped() == null ? runOne(t, c, plan, later, progress) : notRun(c, control, o);
        results.add(r);
        print(out, TextReport.line(++i, n, r));
      }
      Thread.interrupted(); // clean-up must be able to wait for its answers
      control.cleaningUp();
      progress.cleaning();
      fin.leftOver = safety.cleanUp(api, o.v1(), o.v2());
      progress.stop();
      for (Check c : checks) {
        if (c.phase() == Check.Phase.END) {
          boolean canRun = control.stopped() == null || control.stopped().outcome() != RunResult.Outcome.UNREACHABLE;
          CheckResult r = canRun ? runOne(t, c, plan, 0, progress) : notRun(c, control, o);
          results.add(r);
          print(out, TextReport.line(++i, n, r));
        }
      }
      RunControl.Stop stop = control.stopped();
      if (stop != null) {
        notes.add("The run " + stop.outcome().phrase() + (stop.detail() == null ? "" : " (" + stop.detail() + ")")
            + "; checks that had not finished are marked NOT_RUN.");
      }
      if (!fin.leftOver.isEmpty()) {
        notes.add("Clean-up could not remove everything the run created; remove these mappings yourself: "
            + fin.leftOver);
      }
      if (o.maxRequests() > 0) {
        notes.add(String.format("Budget: %d of at most %d requests (--max-requests)%s; every check of the profile "
            + "ran at least once.", api.sent(), o.maxRequests(), plan.scaled() ? ", tries scaled down to fit" : ""));
      }
      String target = o.baseUrl() == null ? "embedded reference server (" + api.baseUrl() + ")" : o.baseUrl();
      result = new RunResult(target, o.profileName(), o.seed(), o.tries(), Version.VERSION, started,
          List.copyOf(results), (System.nanoTime() - t0) / 1_000_000, api.sent(),
          stop == null ? RunResult.Outcome.COMPLETED : stop.outcome(), List.copyOf(notes));
      return finish.apply(result);
    } finally {
      progress.stop();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and now lets the JVM go
      }
      FINISH.remove();
    }
  }

  private static String planLine(List<Check> checks, Planner.Plan plan, RunOptions o, HttpTarget api) {
    double rps = api.pacer().maxRps();
    String budget = o.maxRequests() > 0 ? "at most " + o.maxRequests() + " requests (--max-requests)"
        : "up to about " + plan.requests() + " requests";
    String time = rps > 0 ? String.format(", at %s requests/s: about %s", fmt(rps), duration(plan.requests() / rps))
        : ", no rate limit";
    String scaled = plan.scaled()
        ? "; tries scaled down to fit the budget (property checks try " + plan.tries().values().stream()
            .mapToInt(Integer::intValue).min().orElse(1) + " to " + plan.tries().values().stream()
            .mapToInt(Integer::intValue).max().orElse(1) + " examples), every check of the profile still runs"
        : "";
    String families = o.api().equals(RunOptions.ALL) ? "v1 and v2 (--api all)" : o.api() + " only (--api " + o.api() + ")";
    return "plan: " + Reports.count(checks.size(), "check", "checks") + " of " + families + " in " + budget + time
        + scaled + ".";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }

  private static void print(PrintStream out, String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }

  private static CheckResult notRun(Check c, RunControl control, RunOptions o) {
    RunControl.Stop s = control.stopped();
    return new CheckResult(c.name(), c.title(), c.rulesIn(o), CheckResult.Status.NOT_RUN, 0, 0, 0,
        "the run " + s.outcome().phrase() + " before this check ran", List.of(), null, o.seed(), null, null, null,
        c.family());
  }

  /**
   * Lists both zones before any change (SAFE1), through each family the run checks. A target that cannot be
   * reached, refuses the credentials or does not know the path is a configuration error.
   */
  static void preflight(Target t, HttpTarget api) {
    List<String> families = new ArrayList<>();
    if (t.options.v1()) {
      families.add("v1");
    }
    if (t.options.v2()) {
      families.add("v2");
    }
    for (String family : families) {
      boolean v1 = family.equals("v1");
      for (String id : List.of(t.zone.id, t.otherZone.id)) {
        V1Zone z1 = v1 ? (id.equals(t.zone.id) ? t.zone : t.otherZone) : null;
        V2Zone z2 = v1 ? null : id.equals(t.zone.id) ? t.v2zone : t.v2otherZone;
        String path = v1 ? z1.path() : z2.path();
        Exchange ex;
        try {
          ex = v1 ? z1.list() : z2.list("1", String.valueOf(V2Zone.MAX_PER_PAGE));
        } catch (RunControl.RunStopped e) {
          throw new ConfigException("cannot reach " + api.baseUrl() + path + " (" + e.stop.detail()
              + "): check --base-url");
        }
        String where = api.baseUrl() + path;
        if (ex.status() < 0) {
          throw new ConfigException("cannot reach " + where + " (" + ex.transportError() + "): check --base-url");
        }
        if (ex.status() == 401 || ex.status() == 403) {
          throw new ConfigException("the target refused the credentials (HTTP " + ex.status() + " on GET " + where
              + "): check --token, or --email and --key");
        }
        if (ex.status() == 404 && ex.errorCode() != 1142) {
          throw new ConfigException("GET " + where + " answered 404: check that --base-url includes the base path, "
              + "e.g. http://127.0.0.1:8080/client/v4" + (t.options.api().equals(RunOptions.ALL)
              ? ", and that the target serves the " + family + " family (else choose one with --api v1 or --api v2)"
              : ""));
        }
        Snapshot s;
        try {
          s = v1 ? t.shapes.snapshot(ex, "L1") : V2Zones.snapshot(t, z2);
        } catch (Violation v) {
          s = v1 ? Shapes.lenient(ex) : Safety.v2Lenient(z2, ex);
        }
        t.safety.recordBefore(id, family, s);
        if (v1) {
          t.observe(z1, s.modifiedAt());
        }
      }
    }
  }

  static CheckResult runOne(Target t, Check c, Planner.Plan plan, long reserveAfter, Progress progress) {
    long start = System.nanoTime();
    int tries = plan.triesOf(c);
    t.beginCheck(c.name(), tries, c.cost().perTry(), c.phase() == Check.Phase.MAIN && t.options.maxRequests() > 0
        ? plan.allotment(c) : Long.MAX_VALUE, reserveAfter);
    progress.begin(c);
    t.recorder.beginCheck();
    FailureCase failure = null;
    CheckResult.Status status = CheckResult.Status.PASS;
    String message = null;
    List<Breach> broken = List.of();
    String counterexample = null;
    Exchange evidence = null;
    if (c.referenceOnly() && !t.reference) {
      status = CheckResult.Status.SKIP;
      message = "covers [ref] matters only; the documented profile does not check them";
    } else {
      try {
        c.body().run(t);
      } catch (Check.Skip s) {
        status = CheckResult.Status.SKIP;
        message = s.getMessage();
      } catch (RunControl.RunStopped s) {
        status = CheckResult.Status.NOT_RUN;
        message = "the run " + s.stop.outcome().phrase() + " while this check ran";
      } catch (Recorder.ReplayComplete done) {
        message = done.getMessage() + " without breaking a rule";
      } catch (Recorder.ReplayDiverged d) {
        status = CheckResult.Status.NOT_RUN;
        message = d.getMessage();
      } catch (Target.PropertyFailure f) {
        status = CheckResult.Status.FAIL;
        counterexample = f.counterexample;
        if (f.cause instanceof Violation v) {
          broken = v.breaches();
          evidence = v.exchange();
          if (f.trace != null) {
            failure = new FailureCase(f.trace, v.atRequest(), f.input);
          }
        }
        message = describe(f.cause);
      } catch (Violation v) {
        status = CheckResult.Status.FAIL;
        broken = v.breaches();
        evidence = v.exchange();
        message = v.getMessage();
        failure = new FailureCase(t.recorder.all(), v.atRequest(), null);
      } catch (Throwable e) {
        status = CheckResult.Status.FAIL;
        message = describe(e);
      }
    }
    if (!t.reference && !broken.isEmpty()) {
      // The documented profile never reports a [ref] rule, nor the [ref] part of a mixed one.
      List<Breach> documented = broken.stream().filter(b -> !b.ref()).toList();
      if (documented.isEmpty()) {
        status = CheckResult.Status.SKIP;
        message = "stopped at a [ref] matter, which the documented profile does not judge: " + message;
      }
      broken = documented;
    }
    progress.end();
    t.recorder.endCheck();
    if (System.getenv("CONFORMANCE_COST") != null) {
      System.err.printf("COST %s tries=%d requests=%d maxPerTry=%d inExamples=%d%n", c.name(), t.tries(),
          t.checkRequests(), t.maxPerTry, t.inExamples);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    TargetCredentials cr = t.api.credentials();
    return new CheckResult(c.name(), c.title(), c.rulesIn(t.options), status, ms,
        status == CheckResult.Status.SKIP ? 0 : t.tries(), t.checkRequests(), cr.scrub(message), broken,
        cr.scrub(counterexample), t.options.seed(), Curl.of(evidence, cr), null,
        status == CheckResult.Status.FAIL ? failure : null, c.family());
  }

  static String describe(Throwable e) {
    if (e == null) {
      return "property falsified";
    }
    if (e instanceof Violation) {
      return e.getMessage();
    }
    StringBuilder sb = new StringBuilder("error while checking: ").append(e);
    StackTraceElement[] st = e.getStackTrace();
    for (int i = 0; i < Math.min(4, st.length); i++) {
      sb.append("\n    at ").append(st[i]);
    }
    return sb.toString();
  }

  static Set<String> ruleIds() {
    return Rules.ALL.keySet();
  }
}
