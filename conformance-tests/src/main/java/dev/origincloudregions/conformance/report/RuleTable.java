package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.model.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-rule view of a run, computed once and shared by every report so they agree. A check counts against
 * every rule it broke (whether or not it lists the rule among those it covers); for the other rules it covers, a
 * failed check counts as not verified (skip).
 */
public final class RuleTable {
  /**
   * One rule's line.
   *
   * @param rule the rule
   * @param pass checks covering it that passed
   * @param fail failed checks that broke it
   * @param known known failures that broke it
   * @param skip checks covering it that were skipped, or failed on another rule
   * @param notRun checks covering it that did not run
   * @param tries examples tried by the checks that ran
   * @param checks the checks counted on this line, in run order
   */
  public record Row(Rules.Rule rule, int pass, int fail, int known, int skip, int notRun, long tries,
      List<CheckResult> checks) {}

  private RuleTable() {}

  public static List<Row> of(List<CheckResult> results) {
    // The rules of an API family the run did not check (--api v1 or v2) are left out; sections 1 to 4 and the
    // SAFE rules hold for every run.
    java.util.Set<String> families = new java.util.HashSet<>(List.of("both", "suite"));
    for (CheckResult r : results) {
      families.add(r.family());
      if (r.family().equals("both")) {
        families.addAll(List.of("v1", "v2"));
      }
    }
    Map<String, List<CheckResult>> by = new LinkedHashMap<>();
    for (Rules.Rule rule : Rules.ALL.values()) {
      if (families.contains(rule.family())) {
        by.put(rule.id(), new ArrayList<>());
      }
    }
    for (CheckResult r : results) {
      for (String rule : r.rules()) {
        by.computeIfAbsent(rule, k -> new ArrayList<>()).add(r);
      }
      for (String rule : r.brokenRules()) {
        List<CheckResult> l = by.computeIfAbsent(rule, k -> new ArrayList<>());
        if (!l.contains(r)) {
          l.add(r);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    Map<String, List<CheckResult>> ordered = new LinkedHashMap<>();
    Rules.ALL.keySet().stream().filter(by::containsKey).forEach(id -> ordered.put(id, by.get(id)));
    ordered.forEach((id, cs) -> {
      int pass = 0;
      int fail = 0;
      int known = 0;
      int skip = 0;
      int notRun = 0;
      long tries = 0;
      for (CheckResult c : cs) {
        boolean broke = c.brokenRules().contains(id);
        switch (c.status()) {
          case PASS, FIXED -> pass++;
          case FAIL -> {
            if (broke) {
              fail++;
            } else {
              skip++;
            }
          }
          case KNOWN -> {
            if (broke) {
              known++;
            } else {
              skip++;
            }
          }
          case SKIP -> skip++;
          case NOT_RUN -> notRun++;
          default -> throw new IllegalStateException(c.status().name());
        }
        if (c.status() != CheckResult.Status.SKIP && c.status() != CheckResult.Status.NOT_RUN) {
          tries += c.tries();
        }
      }
      rows.add(new Row(Rules.get(id), pass, fail, known, skip, notRun, tries, List.copyOf(cs)));
    });
    return rows;
  }
}
