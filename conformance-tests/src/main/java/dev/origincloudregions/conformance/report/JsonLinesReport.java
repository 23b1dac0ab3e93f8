package dev.origincloudregions.conformance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.http.HttpTarget;

/**
 * One JSON line per check in mint's style ({@code name}, {@code status}, {@code duration}, {@code error}), with its
 * API family ({@code v1}, {@code v2}, {@code both}, {@code run}), the rules it covers and the ones it broke, then one line for the run ({@code "record": "run"}) that says how it ended.
 */
final class JsonLinesReport {
  private JsonLinesReport() {}

  static String of(RunResult r) {
    StringBuilder sb = new StringBuilder();
    for (CheckResult c : r.results()) {
      ObjectNode n = HttpTarget.JSON.createObjectNode();
      n.put("record", "check");
      n.put("name", c.name());
      n.put("family", c.family());
      n.putPOJO("rules", c.rules());
      n.put("status", c.status().name());
      ArrayNode broken = n.putArray("broken");
      c.broken().forEach(b -> broken.add(b.toString()));
      n.put("duration", c.durationMillis());
      n.put("tries", c.tries());
      n.put("requests", c.requests());
      n.put("seed", c.seed());
      if (c.message() != null) {
        n.put("error", c.message());
      }
      if (c.counterexample() != null) {
        n.put("counterexample", c.counterexample());
      }
      if (c.curl() != null) {
        n.put("curl", c.curl());
      }
      if (c.caseFile() != null) {
        n.put("case", c.caseFile());
      }
      sb.append(n).append('\n');
    }
    ObjectNode run = HttpTarget.JSON.createObjectNode();
    run.put("record", "run");
    run.put("status", r.outcome().name());
    run.put("target", r.target());
    run.put("profile", r.profile());
    run.put("seed", r.seed());
    run.put("version", r.version());
    run.put("started", r.startedAt().toString());
    run.put("duration", r.durationMillis());
    run.put("requests", r.requests());
    run.putPOJO("notes", r.notes());
    return sb.append(run).append('\n').toString();
  }
}
