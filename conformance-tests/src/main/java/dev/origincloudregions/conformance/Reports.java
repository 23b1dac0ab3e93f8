package dev.origincloudregions.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run's reports, all under the report directory: a console summary grouped by rule, JUnit XML for CI
 * ({@code junit.xml}), one JSON line per check in mint's style ({@code results.jsonl}) and a self-contained HTML page
 * ({@code report.html}).
 */
final class Reports {
  private Reports() {}

  static void writeAll(RunResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.txt"), summary(r), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("junit.xml"), junit(r), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("results.jsonl"), jsonLines(r), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("report.html"), html(r), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Per rule: checks passed, failed, skipped, and tries. */
  static String summary(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nConformance of %s (profile %s, seed %d, %d tries)%n%n", r.target(), r.profile(),
        r.seed(), r.tries()));
    sb.append(String.format("%-6s %-5s %4s %4s %4s %7s  %s%n", "rule", "tag", "pass", "fail", "skip", "tries", "checks"));
    for (Map.Entry<String, List<CheckResult>> e : Suite.byRule(r.results()).entrySet()) {
      String id = e.getKey();
      List<CheckResult> cs = e.getValue();
      long fail = cs.stream().filter(c -> c.status() == CheckResult.Status.FAIL && (c.brokenRule() == null
          || c.brokenRule().equals(id))).count();
      long unverified = cs.stream().filter(c -> c.status() == CheckResult.Status.FAIL && c.brokenRule() != null
          && !c.brokenRule().equals(id)).count();
      long pass = cs.stream().filter(c -> c.status() == CheckResult.Status.PASS).count();
      long skip = cs.stream().filter(c -> c.status() == CheckResult.Status.SKIP).count() + unverified;
      long tries = cs.stream().filter(c -> c.status() != CheckResult.Status.SKIP).mapToLong(CheckResult::tries).sum();
      Rules.Rule rule = Rules.ALL.get(id);
      sb.append(String.format("%-6s %-5s %4d %4s %4d %7d  %s%n", id, rule == null ? "?" : rule.tag(), pass,
          fail == 0 ? "0" : fail + "!", skip, tries, cs.isEmpty() ? "NO CHECK" : names(cs)));
    }
    sb.append(String.format("%n%d checks: %d passed, %d failed, %d skipped; %d requests in %.1f s%n",
        r.results().size(), r.count(CheckResult.Status.PASS), r.count(CheckResult.Status.FAIL),
        r.count(CheckResult.Status.SKIP), r.requests(), r.durationMillis() / 1000.0));
    for (CheckResult f : r.failures()) {
      sb.append("\nFAIL ").append(f.name()).append(" (broke ").append(f.brokenRule() == null ? "?" : f.brokenRule())
          .append(")\n");
      sb.append(indent(f.message())).append('\n');
      if (f.counterexample() != null) {
        sb.append("  counterexample (shrunk): ").append(f.counterexample()).append('\n');
      }
      sb.append("  reproduce: --seed ").append(f.seed()).append(" --checks ").append(f.name()).append('\n');
      if (f.curl() != null) {
        sb.append("  replay:\n").append(indent(f.curl())).append('\n');
      }
    }
    for (CheckResult s : r.results()) {
      if (s.status() == CheckResult.Status.SKIP) {
        sb.append("\nSKIP ").append(s.name()).append(": ").append(s.message());
      }
    }
    return sb.append('\n').toString();
  }

  private static String names(List<CheckResult> cs) {
    StringBuilder sb = new StringBuilder();
    for (CheckResult c : cs) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.name()).append(c.status() == CheckResult.Status.PASS ? ""
          : "(" + c.status() + ")");
    }
    return sb.toString();
  }

  private static String indent(String s) {
    return s == null ? "" : "    " + s.replace("\n", "\n    ");
  }

  static String junit(RunResult r) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(String.format("<testsuite name=\"origin-cloud-regions-conformance\" tests=\"%d\" failures=\"%d\" "
            + "errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n", r.results().size(), r.count(CheckResult.Status.FAIL),
        r.count(CheckResult.Status.SKIP), r.durationMillis() / 1000.0));
    sb.append("  <properties>\n");
    sb.append("    <property name=\"target\" value=\"").append(xml(r.target())).append("\"/>\n");
    sb.append("    <property name=\"profile\" value=\"").append(r.profile()).append("\"/>\n");
    sb.append("    <property name=\"seed\" value=\"").append(r.seed()).append("\"/>\n");
    sb.append("  </properties>\n");
    for (CheckResult c : r.results()) {
      sb.append(String.format("  <testcase classname=\"conformance.%s\" name=\"%s [%s]\" time=\"%.3f\">",
          c.rules().get(0), xml(c.name()), String.join(",", c.rules()), c.durationMillis() / 1000.0));
      if (c.status() == CheckResult.Status.FAIL) {
        sb.append("\n    <failure message=\"").append(xml(firstLine(c.message()))).append("\" type=\"")
            .append(c.brokenRule() == null ? "error" : c.brokenRule()).append("\">")
            .append(xml(details(c))).append("</failure>\n  ");
      } else if (c.status() == CheckResult.Status.SKIP) {
        sb.append("\n    <skipped message=\"").append(xml(c.message())).append("\"/>\n  ");
      }
      sb.append("</testcase>\n");
    }
    return sb.append("</testsuite>\n").toString();
  }

  static String details(CheckResult c) {
    StringBuilder sb = new StringBuilder(c.message() == null ? "" : c.message());
    if (c.counterexample() != null) {
      sb.append("\ncounterexample (shrunk): ").append(c.counterexample());
    }
    sb.append("\nreproduce: --seed ").append(c.seed()).append(" --checks ").append(c.name());
    if (c.curl() != null) {
      sb.append("\nreplay:\n").append(c.curl());
    }
    return sb.toString();
  }

  static String jsonLines(RunResult r) {
    StringBuilder sb = new StringBuilder();
    for (CheckResult c : r.results()) {
      ObjectNode n = Api.JSON.createObjectNode();
      n.put("name", c.name());
      n.putPOJO("rules", c.rules());
      n.put("status", c.status().name());
      n.put("duration", c.durationMillis());
      n.put("tries", c.tries());
      n.put("seed", c.seed());
      if (c.message() != null) {
        n.put("error", c.message());
      }
      if (c.brokenRule() != null) {
        n.put("rule", c.brokenRule());
      }
      if (c.counterexample() != null) {
        n.put("counterexample", c.counterexample());
      }
      if (c.curl() != null) {
        n.put("curl", c.curl());
      }
      sb.append(n).append('\n');
    }
    return sb.toString();
  }

  static String html(RunResult r) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Conformance report</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
        + ".PASS{color:#176f2c}.FAIL{color:#b00020;font-weight:bold}.SKIP{color:#8a6d00}"
        + "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all}</style></head><body>\n");
    sb.append("<h1>Conformance report</h1>\n<p>Target <code>").append(esc(r.target())).append("</code>, profile <b>")
        .append(r.profile()).append("</b>, seed <code>").append(r.seed()).append("</code>, ").append(r.tries())
        .append(" tries per property; ").append(r.requests()).append(" requests in ")
        .append(String.format("%.1f", r.durationMillis() / 1000.0)).append(" s.</p>\n");
    sb.append(String.format("<p><span class=PASS>%d passed</span>, <span class=FAIL>%d failed</span>, "
        + "<span class=SKIP>%d skipped</span>.</p>%n", r.count(CheckResult.Status.PASS), r.count(CheckResult.Status.FAIL),
        r.count(CheckResult.Status.SKIP)));
    sb.append("<h2>By rule</h2>\n<table><tr><th>rule</th><th>tag</th><th>rule text</th><th>checks</th></tr>\n");
    for (Map.Entry<String, List<CheckResult>> e : Suite.byRule(r.results()).entrySet()) {
      Rules.Rule rule = Rules.ALL.get(e.getKey());
      sb.append("<tr><td>").append(e.getKey()).append("</td><td>").append(rule == null ? "" : rule.tag())
          .append("</td><td>").append(rule == null ? "" : esc(rule.title())).append("</td><td>");
      for (CheckResult c : e.getValue()) {
        sb.append("<a href=\"#").append(c.name()).append("\" class=").append(c.status()).append('>')
            .append(c.name()).append("</a> ");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Checks</h2>\n");
    for (CheckResult c : r.results()) {
      sb.append("<h3 id=\"").append(c.name()).append("\"><span class=").append(c.status()).append('>')
          .append(c.status()).append("</span> ").append(c.name()).append("</h3>\n<p>").append(esc(c.title()))
          .append("<br>rules ").append(String.join(", ", c.rules())).append("; ").append(c.tries()).append(" tries; ")
          .append(String.format("%.2f s", c.durationMillis() / 1000.0)).append("</p>\n");
      if (c.status() != CheckResult.Status.PASS) {
        sb.append("<pre>").append(esc(c.status() == CheckResult.Status.FAIL ? details(c) : c.message()))
            .append("</pre>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '&': sb.append("&amp;"); break;
        case '"': sb.append("&quot;"); break;
        case '\n': case '\t': sb.append(c); break;
        default:
          if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
            sb.append("\\u").append(String.format("%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
