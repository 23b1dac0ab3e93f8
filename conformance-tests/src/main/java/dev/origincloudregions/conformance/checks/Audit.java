package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Watches every response of the run, whatever check sent it, for rules that hold for all responses: E1 envelope,
 * E2 content type, E4 no 5xx or dropped connection, A3 no credential echoed. The end-of-run audit checks report
 * the first offender of each.
 */
final class Audit implements Consumer<Exchange> {
  private final TargetCredentials credentials;
  private final AtomicInteger seen = new AtomicInteger();
  private final Map<String, Violation> first = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  Audit(TargetCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void accept(Exchange ex) {
    seen.incrementAndGet();
    if (ex.status() < 0) {
      note("E4", ex, "the connection dropped or timed out: " + ex.transportError());
      return;
    }
    if (ex.status() >= 500) {
      note("E4", ex, "HTTP " + ex.status() + ": no input may produce a 5xx");
    }
    String p = Shapes.envelopeProblem(ex);
    if (p != null) {
      note("E1", ex, p);
    }
    String ct = ex.header("content-type");
    if (ct == null || !ct.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
      note("E2", ex, "Content-Type must be application/json, got " + ct);
    }
    if (credentials.leaks(ex.responseText()) || credentials.leaks(ex.responseHeaders().toString())) {
      note("A3", ex, "the response echoes the credential");
    }
  }

  private void note(String rule, Exchange ex, String message) {
    counts.computeIfAbsent(rule, r -> new AtomicInteger()).incrementAndGet();
    first.putIfAbsent(rule, new Violation(rule, message, ex));
  }

  int seen() {
    return seen.get();
  }

  /** Throws the first violation of {@code rule}, if any, noting how many responses broke it. */
  void assertClean(String rule) {
    Violation v = first.get(rule);
    if (v != null) {
      int n = counts.get(rule).get();
      throw new Violation(rule, n + " of " + seen() + " responses broke " + rule + "; the first: "
          + v.detail(), v.exchange());
    }
  }

  List<String> rulesBroken() {
    return List.copyOf(first.keySet());
  }
}
