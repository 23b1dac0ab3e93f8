package dev.origincloudregions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Every check, and the run: preflight, the checks, clean-up, the end-of-run checks. */
final class Suite {
  private Suite() {}

  static List<Check> all() {
    return Stream.of(
            EnvelopeChecks.all(),
            AuthChecks.all(),
            ZoneChecks.all(),
            IpChecks.all(),
            MappingChecks.all(),
            OperationChecks.all(),
            BatchDeleteChecks.all(),
            BatchUpsertChecks.all(),
            PactChecks.all(), // the SDK's consumer contract, one check per interaction (docs/pact.md)
            StatefulCheck.all(),
            EndChecks.all())
        .flatMap(List::stream)
        .toList();
  }

  static List<Check> selected(RunOptions o) {
    List<Check> all = all();
    if (o.checks().isEmpty()) {
      return all;
    }
    for (String sel : o.checks()) {
      if (all.stream().noneMatch(c -> c.matches(sel))) {
        throw new ConfigException("--checks: no check is named or covers '" + sel + "' (see --list)");
      }
    }
    // End-of-run checks always run: the SAFE rules are verified on every run.
    return all.stream().filter(c -> c.phase() == Check.Phase.END || o.checks().stream().anyMatch(c::matches)).toList();
  }

  /** State shared by the end-of-run checks. */
  static final class Finish {
    Audit audit;
    Map<String, java.util.Set<String>> leftOver = Map.of();
  }

  static RunResult run(RunOptions o, Api api, List<String> serverLog, PrintStream out) {
    long t0 = System.nanoTime();
    List<Check> checks = selected(o);
    Safety safety = new Safety(o.allowAnyAddress());
    Audit audit = new Audit(api.credentials());
    api.addListener(audit);
    Target t = new Target(o, api, safety, serverLog);
    preflight(t, api);
    api.safety(safety);
    Finish finish = new Finish();
    finish.audit = audit;
    FINISH.set(finish);
    Thread hook = new Thread(() -> {
      safety.close();
      safety.cleanUp(api, t.shapes);
    }, "conformance-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    List<CheckResult> results = new ArrayList<>();
    int n = checks.size();
    try {
      int i = 0;
      for (Check c : checks) {
        if (c.phase() != Check.Phase.MAIN) {
          continue;
        }
        results.add(runOne(t, c, ++i, n, out));
      }
      finish.leftOver = safety.cleanUp(api, t.shapes);
      for (Check c : checks) {
        if (c.phase() == Check.Phase.END) {
          results.add(runOne(t, c, ++i, n, out));
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
      FINISH.remove();
    }
    String target = o.baseUrl() == null ? "embedded reference server (" + api.baseUrl() + ")" : o.baseUrl();
    return new RunResult(target, o.profileName(), o.seed(), o.tries(), List.copyOf(results),
        (System.nanoTime() - t0) / 1_000_000, audit.seen());
  }

  static final ThreadLocal<Finish> FINISH = new ThreadLocal<>();

  /**
   * Lists both zones before any change (SAFE1). A target that cannot be reached, refuses the credentials or does
   * not know the path is a configuration error.
   */
  private static void preflight(Target t, Api api) {
    for (Zone z : List.of(t.zone, t.otherZone)) {
      Exchange ex = z.list();
      String where = api.baseUrl() + z.path();
      if (ex.status() < 0) {
        throw new ConfigException("cannot reach " + where + " (" + ex.transportError() + "): check --base-url");
      }
      if (ex.status() == 401 || ex.status() == 403) {
        throw new ConfigException("the target refused the credentials (HTTP " + ex.status() + " on GET " + where
            + "): check --token, or --email and --key");
      }
      if (ex.status() == 404 && ex.errorCode() != 1142) {
        throw new ConfigException("GET " + where + " answered 404: check that --base-url includes the base path, "
            + "e.g. http://127.0.0.1:8080/client/v4");
      }
      Snapshot s;
      try {
        s = t.shapes.snapshot(ex, "L1");
      } catch (Violation v) {
        s = lenient(ex);
      }
      t.safety.recordBefore(z.id, s);
      t.observe(z, s.modifiedAt());
    }
  }

  /** Every IP-looking string in a list answer that cannot be read strictly, so it is protected all the same. */
  private static Snapshot lenient(Exchange ex) {
    List<Mapping> ms = new ArrayList<>();
    JsonNode r = ex.result();
    if (r != null && r.path("value").isArray()) {
      for (JsonNode m : r.get("value")) {
        m.fields().forEachRemaining(f -> {
          if (f.getValue().isTextual() && Ip.isValid(f.getValue().asText())) {
            ms.add(new Mapping(f.getValue().asText(), m.path("vendor").asText(""), m.path("region").asText(""),
                m.path("modified_on").asText(null), null));
          }
        });
      }
    }
    return new Snapshot(null, null, ms, ex);
  }

  private static CheckResult runOne(Target t, Check c, int index, int total, PrintStream out) {
    long start = System.nanoTime();
    t.beginCheck(c.name());
    CheckResult.Status status = CheckResult.Status.PASS;
    String message = null;
    String broken = null;
    String counterexample = null;
    Exchange evidence = null;
    if (c.referenceOnly() && !t.reference) {
      status = CheckResult.Status.SKIP;
      message = "covers [ref] rules only; the documented profile does not check them";
    } else {
      try {
        c.body().run(t);
      } catch (Check.Skip s) {
        status = CheckResult.Status.SKIP;
        message = s.getMessage();
      } catch (Target.PropertyFailure f) {
        status = CheckResult.Status.FAIL;
        counterexample = f.counterexample;
        Throwable cause = f.cause;
        if (cause instanceof Violation) {
          broken = ((Violation) cause).rule();
          evidence = ((Violation) cause).exchange();
        }
        message = describe(cause);
      } catch (Violation v) {
        status = CheckResult.Status.FAIL;
        broken = v.rule();
        evidence = v.exchange();
        message = v.getMessage();
      } catch (Throwable e) {
        status = CheckResult.Status.FAIL;
        message = describe(e);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    Credentials cr = t.api.credentials();
    CheckResult r = new CheckResult(c.name(), c.title(), c.rules(), status, ms, t.tries(), cr.scrub(message), broken,
        cr.scrub(counterexample), t.options.seed(), Curl.of(evidence, cr));
    if (out != null) {
      out.printf("[%2d/%d] %-4s %-44s %-22s %6.1fs %5d tries%s%n", index, total, status, c.name(),
          String.join(",", c.rules()), ms / 1000.0, r.tries(),
          status == CheckResult.Status.FAIL ? "  <- " + (broken == null ? "error" : broken) : "");
      out.flush();
    }
    return r;
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

  /** Groups results by rule in contract order: rule to the results of the checks that cover it. */
  static Map<String, List<CheckResult>> byRule(List<CheckResult> results) {
    Map<String, List<CheckResult>> m = new LinkedHashMap<>();
    for (String id : Rules.ALL.keySet()) {
      m.put(id, new ArrayList<>());
    }
    for (CheckResult r : results) {
      for (String rule : r.rules()) {
        m.computeIfAbsent(rule, k -> new ArrayList<>()).add(r);
      }
    }
    return m;
  }

  static Set<String> ruleIds() {
    return Rules.ALL.keySet();
  }
}
