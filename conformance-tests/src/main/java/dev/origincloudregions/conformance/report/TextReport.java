package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.model.Breach;
import java.util.List;

/** The console summary, also written as {@code summary.txt}: per rule, then every failure with how to replay it. */
public final class TextReport {
  private TextReport() {}

  public static String summary(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nConformance of %s (profile %s, seed %d, %s; suite %s, %s)%n", r.target(), r.profile(),
        r.seed(), Reports.count(r.tries(), "try", "tries"), r.version(), r.startedAt()));
    if (r.outcome() != RunResult.Outcome.COMPLETED) {
      sb.append("RUN ").append(r.outcome().text.toUpperCase(java.util.Locale.ROOT)).append('\n');
    }
    for (String n : r.notes()) {
      sb.append(n).append('\n');
    }
    sb.append(String.format("%n%-6s %-5s %4s %4s %5s %4s %7s %7s  %s%n", "rule", "tag", "pass", "fail", "known", "skip",
        "not-run", "tries", "checks"));
    String family = "";
    for (RuleTable.Row row : RuleTable.of(r.results())) {
      if (!row.rule().family().equals(family)) {
        family = row.rule().family();
        sb.append("-- ").append(familyTitle(family)).append('\n');
      }
      sb.append(String.format("%-6s %-5s %4d %4s %5d %4d %7d %7d  %s%n", row.rule().id(), row.rule().tag(), row.pass(),
          row.fail() == 0 ? "0" : row.fail() + "!", row.known(), row.skip(), row.notRun(), row.tries(),
          row.checks().isEmpty() ? "NO CHECK" : names(row.checks())));
    }
    sb.append(String.format("%n%d checks: %d passed, %d failed, %d known failures, %d fixed, %d skipped, %d not run; "
            + "%s in %.1f s%n", r.results().size(), r.count(CheckResult.Status.PASS),
        r.count(CheckResult.Status.FAIL), r.count(CheckResult.Status.KNOWN), r.count(CheckResult.Status.FIXED),
        r.count(CheckResult.Status.SKIP), r.count(CheckResult.Status.NOT_RUN),
        Reports.count(r.requests(), "request", "requests"), r.durationMillis() / 1000.0));
    for (CheckResult f : r.failures()) {
      sb.append("\nFAIL ").append(f.name()).append(" (broke ")
          .append(f.broken().isEmpty() ? "no rule: the check itself stopped" : Breach.join(f.broken())).append(")\n");
      sb.append(indent(Reports.details(f))).append('\n');
    }
    for (CheckResult k : r.results()) {
      if (k.status() == CheckResult.Status.KNOWN) {
        sb.append("\nKNOWN ").append(k.name()).append(" (broke ").append(Breach.join(k.broken())).append("): ")
            .append(firstLine(k.message()));
      } else if (k.status() == CheckResult.Status.FIXED) {
        sb.append("\nFIXED ").append(k.name()).append(": ").append(k.message());
      }
    }
    for (CheckResult s : r.results()) {
      if (s.status() == CheckResult.Status.SKIP) {
        sb.append("\nSKIP ").append(s.name()).append(": ").append(s.message());
      }
    }
    long notRun = r.count(CheckResult.Status.NOT_RUN);
    if (notRun > 0) {
      sb.append("\nNOT RUN ").append(Reports.count(notRun, "check", "checks")).append(": ").append(
          r.results().stream().filter(c -> c.status() == CheckResult.Status.NOT_RUN).findFirst()
              .map(CheckResult::message).orElse(""));
    }
    return sb.append('\n').toString();
  }

  static String familyTitle(String family) {
    return switch (family) {
      case "both" -> "both families (contract sections 1 to 4)";
      case "v1" -> "v1, /cache/origin_cloud_regions (sections 5 to 7)";
      case "v2" -> "v2, /origin/cloud_regions (section 9)";
      default -> "the suite's own safety rules (section 8)";
    };
  }

  /** A progress line: {@code [ 3/56] PASS name  rules  1.2s  15 tries  40 requests  <- BD4}. */
  public static String line(int index, int total, CheckResult c) {
    return String.format("[%2d/%d] %-7s %-44s %-22s %6.1fs %11s %13s%s", index, total, c.status(), c.name(),
        String.join(",", c.rules()), c.durationMillis() / 1000.0, Reports.count(c.tries(), "try", "tries"),
        Reports.count(c.requests(), "request", "requests"), c.status().failed()
            ? "  <- " + (c.broken().isEmpty() ? "error" : Breach.join(c.broken())) : "");
  }

  private static String names(List<CheckResult> cs) {
    StringBuilder sb = new StringBuilder();
    for (CheckResult c : cs) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.name()).append(c.status() == CheckResult.Status.PASS ? ""
          : "(" + c.status() + ")");
    }
    return sb.toString();
  }

  public static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static String indent(String s) {
    return s == null ? "" : "    " + s.replace("\n", "\n    ");
  }
}
