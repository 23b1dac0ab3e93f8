package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.model.Breach;
import java.util.Comparator;
import java.util.List;

/** A self-contained HTML page: the run, the per-rule table, then the checks, failures first. */
final class HtmlReport {
  private HtmlReport() {}

  /** Failures first, then known failures, fixed, skipped, not run, and passes last. */
  static final Comparator<CheckResult> ORDER = Comparator.comparingInt(c -> switch (c.status()) {
    case FAIL -> 0;
    case KNOWN -> 1;
    case FIXED -> 2;
    case SKIP -> 3;
    case NOT_RUN -> 4;
    case PASS -> 5;
  });

  static String of(RunResult r) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Conformance report</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
        + ".PASS,.FIXED{color:#176f2c}.FAIL{color:#b00020;font-weight:bold}.SKIP,.KNOWN,.NOT_RUN{color:#8a6d00}"
        + ".banner{background:#fff3cd;border:1px solid #8a6d00;padding:.5em}"
        + "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all}</style></head><body>\n");
    sb.append("<h1>Conformance report</h1>\n<p>Target <code>").append(esc(r.target())).append("</code>, profile <b>")
        .append(r.profile()).append("</b>, seed <code>").append(r.seed()).append("</code>, ")
        .append(Reports.count(r.tries(), "try", "tries")).append(" per property; ")
        .append(Reports.count(r.requests(), "request", "requests")).append(" in ")
        .append(String.format("%.1f", r.durationMillis() / 1000.0)).append(" s.<br>Run on <span class=date>")
        .append(r.startedAt()).append("</span> by conformance suite <span class=version>").append(esc(r.version()))
        .append("</span>.</p>\n");
    if (r.outcome() != RunResult.Outcome.COMPLETED) {
      sb.append("<p class=banner id=outcome>Run ").append(esc(r.outcome().text)).append(".</p>\n");
    }
    for (String n : r.notes()) {
      sb.append("<p class=note>").append(esc(n)).append("</p>\n");
    }
    sb.append(String.format("<p><span class=PASS>%d passed</span>, <span class=FAIL>%d failed</span>, "
            + "<span class=KNOWN>%d known failures</span>, <span class=FIXED>%d fixed</span>, "
            + "<span class=SKIP>%d skipped</span>, <span class=NOT_RUN>%d not run</span>.</p>%n",
        r.count(CheckResult.Status.PASS), r.count(CheckResult.Status.FAIL), r.count(CheckResult.Status.KNOWN),
        r.count(CheckResult.Status.FIXED), r.count(CheckResult.Status.SKIP), r.count(CheckResult.Status.NOT_RUN)));
    sb.append("<h2>By rule</h2>\n<table id=rules><tr><th>rule</th><th>tag</th><th>rule text</th><th>pass</th>"
        + "<th>fail</th><th>known</th><th>skip</th><th>not run</th><th>checks</th></tr>\n");
    String family = "";
    for (RuleTable.Row row : RuleTable.of(r.results())) {
      if (!row.rule().family().equals(family)) {
        family = row.rule().family();
        sb.append("<tr class=family><th colspan=9>").append(esc(TextReport.familyTitle(family))).append("</th></tr>\n");
      }
      sb.append("<tr><td>").append(row.rule().id()).append("</td><td>").append(row.rule().tag()).append("</td><td>")
          .append(esc(row.rule().title())).append("</td><td>").append(row.pass()).append("</td><td>")
          .append(row.fail()).append("</td><td>").append(row.known()).append("</td><td>").append(row.skip())
          .append("</td><td>").append(row.notRun()).append("</td><td>");
      for (CheckResult c : row.checks()) {
        sb.append("<a href=\"#").append(c.name()).append("\" class=").append(c.status()).append('>')
            .append(c.name()).append("</a> ");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Checks</h2>\n");
    List<CheckResult> ordered = r.results().stream().sorted(ORDER).toList();
    for (CheckResult c : ordered) {
      sb.append("<h3 id=\"").append(c.name()).append("\"><span class=").append(c.status()).append('>')
          .append(c.status()).append("</span> ").append(c.name()).append("</h3>\n<p>").append(esc(c.title()))
          .append("<br>family ").append(c.family()).append("; rules ").append(String.join(", ", c.rules()));
      if (!c.broken().isEmpty()) {
        sb.append("; broke <b>").append(esc(Breach.join(c.broken()))).append("</b>");
      }
      sb.append("; ").append(Reports.count(c.tries(), "try", "tries")).append("; ")
          .append(Reports.count(c.requests(), "request", "requests")).append("; ")
          .append(String.format("%.2f s", c.durationMillis() / 1000.0)).append("</p>\n");
      if (c.status() != CheckResult.Status.PASS) {
        sb.append("<pre>").append(esc(c.status().failed() ? Reports.details(c) : c.message())).append("</pre>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
