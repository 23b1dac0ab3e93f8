package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.model.Breach;

/**
 * JUnit XML, one testcase per check, for CI, grouped in one testsuite per API family ({@code v1}, {@code v2}, the
 * checks that tie both together, the end-of-run checks): a failure's {@code type} lists the rules it broke; known
 * failures and checks that did not run are skipped testcases, with the reason; suite properties say how the run
 * ended.
 */
final class JunitReport {
  private JunitReport() {}

  /** The check families, in report order, with the testsuite name of each. */
  static final java.util.Map<String, String> SUITES = java.util.Map.of("v1", "v1", "v2", "v2", "both",
      "both-families", "run", "end-of-run");

  static String of(RunResult r) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(String.format("<testsuites name=\"origin-cloud-regions-conformance\" tests=\"%d\" failures=\"%d\" "
            + "errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n", r.results().size(), r.count(CheckResult.Status.FAIL),
        skipped(r.results()), r.durationMillis() / 1000.0));
    // One testsuite per API family: v1's checks, v2's, those that tie both together, the end-of-run checks.
    for (String family : java.util.List.of("v1", "v2", "both", "run")) {
      java.util.List<CheckResult> cs = r.results().stream().filter(c -> c.family().equals(family)).toList();
      if (cs.isEmpty()) {
        continue;
      }
      long failures = cs.stream().filter(c -> c.status() == CheckResult.Status.FAIL).count();
      sb.append(String.format("<testsuite name=\"origin-cloud-regions-conformance.%s\" tests=\"%d\" failures=\"%d\" "
              + "errors=\"0\" skipped=\"%d\" time=\"%.3f\" timestamp=\"%s\">%n", SUITES.get(family), cs.size(), failures,
          skipped(cs), cs.stream().mapToLong(CheckResult::durationMillis).sum() / 1000.0, r.startedAt()));
      sb.append("  <properties>\n");
      property(sb, "target", r.target());
      property(sb, "profile", r.profile());
      property(sb, "family", family);
      property(sb, "seed", String.valueOf(r.seed()));
      property(sb, "version", r.version());
      property(sb, "outcome", r.outcome().name());
      property(sb, "requests", String.valueOf(r.requests()));
      sb.append("  </properties>\n");
      for (CheckResult c : cs) {
        testcase(sb, c);
      }
      sb.append("</testsuite>\n");
    }
    return sb.append("</testsuites>\n").toString();
  }

  private static long skipped(java.util.List<CheckResult> cs) {
    return cs.stream().filter(c -> c.status() == CheckResult.Status.SKIP || c.status() == CheckResult.Status.KNOWN
        || c.status() == CheckResult.Status.NOT_RUN).count();
  }

  private static void testcase(StringBuilder sb, CheckResult c) {
    sb.append(String.format("  <testcase classname=\"conformance.%s.%s\" name=\"%s [%s]\" time=\"%.3f\">",
        c.family(), c.rules().get(0), xml(c.name()), String.join(",", c.rules()), c.durationMillis() / 1000.0));
    switch (c.status()) {
      case FAIL -> sb.append("\n    <failure message=\"").append(xml(TextReport.firstLine(c.message())))
          .append("\" type=\"").append(c.broken().isEmpty() ? "error" : xml(Breach.join(c.broken()))).append("\">")
          .append(xml(Reports.details(c))).append("</failure>\n  ");
      case KNOWN -> sb.append("\n    <skipped message=\"known failure (").append(xml(Breach.join(c.broken())))
          .append("): ").append(xml(TextReport.firstLine(c.message()))).append("\"/>\n  ");
      case SKIP -> sb.append("\n    <skipped message=\"").append(xml(c.message())).append("\"/>\n  ");
      case NOT_RUN -> sb.append("\n    <skipped message=\"not run: ").append(xml(c.message())).append("\"/>\n  ");
      case FIXED -> sb.append("\n    <system-out>fixed: ").append(xml(c.message())).append("</system-out>\n  ");
      default -> { }
    }
    sb.append("</testcase>\n");
  }

  private static void property(StringBuilder sb, String name, String value) {
    sb.append("    <property name=\"").append(name).append("\" value=\"").append(xml(value)).append("\"/>\n");
  }

  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\n', '\t' -> sb.append(c);
        default -> {
          if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
            sb.append("\\u").append(String.format("%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
