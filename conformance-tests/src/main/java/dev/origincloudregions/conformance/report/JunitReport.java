package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.model.Breach;

/**
 * JUnit XML, one testcase per check, for CI: a failure's {@code type} lists the rules it broke; known failures and
 * checks that did not run are skipped testcases, with the reason; suite properties say how the run ended.
 */
final class JunitReport {
  private JunitReport() {}

  static String of(RunResult r) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long skipped = r.count(CheckResult.Status.SKIP) + r.count(CheckResult.Status.KNOWN)
        + r.count(CheckResult.Status.NOT_RUN);
    sb.append(String.format("<testsuite name=\"origin-cloud-regions-conformance\" tests=\"%d\" failures=\"%d\" "
            + "errors=\"0\" skipped=\"%d\" time=\"%.3f\" timestamp=\"%s\">%n", r.results().size(),
        r.count(CheckResult.Status.FAIL), skipped, r.durationMillis() / 1000.0, r.startedAt()));
    sb.append("  <properties>\n");
    property(sb, "target", r.target());
    property(sb, "profile", r.profile());
    property(sb, "seed", String.valueOf(r.seed()));
    property(sb, "version", r.version());
    property(sb, "outcome", r.outcome().name());
    property(sb, "requests", String.valueOf(r.requests()));
    sb.append("  </properties>\n");
    for (CheckResult c : r.results()) {
      sb.append(String.format("  <testcase classname=\"conformance.%s\" name=\"%s [%s]\" time=\"%.3f\">",
          c.rules().get(0), xml(c.name()), String.join(",", c.rules()), c.durationMillis() / 1000.0));
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
    return sb.append("</testsuite>\n").toString();
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
