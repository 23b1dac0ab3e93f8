package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Rules;
import dev.origincloudregions.conformance.runner.Version;
import dev.origincloudregions.server.Mutant;
import dev.origincloudregions.server.ReferenceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-rule table counts every failed check against every rule it broke, and the four reports agree: the
 * counts read back from summary.txt, junit.xml, results.jsonl and report.html are the same. The run is against a
 * server that answers {@code origin_ip} ({@link Mutant#UNDERSCORE_ORIGIN_IP_KEY}: many checks fail on M1 and BD5),
 * with a known-failures file that makes some of the failures known.
 */
class ReportsAgreeTest {
  static final Path DIR = Path.of("target", "reports-agree");
  static int exit;
  static String console;
  static String target;

  @BeforeAll
  static void run() throws Exception {
    Path known = Files.createDirectories(DIR).resolve("known.txt");
    Files.writeString(known, "# the pact checks are known to fail\npact-get-one-mapping\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReferenceServer server = Mutant.UNDERSCORE_ORIGIN_IP_KEY.start()) {
      target = server.baseUrl().toString();
      exit = ConformanceRunner.run(new String[] {"--base-url", server.baseUrl().toString(), "--token", server.token(),
          "--tries", "3", "--seed", "11", "--known-failures", known.toString(), "--report-dir", DIR.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }
    console = out.toString(StandardCharsets.UTF_8);
  }

  /** rule -> "pass/fail/known" from the summary table. */
  static Map<String, String> fromSummary() throws Exception {
    Map<String, String> m = new TreeMap<>();
    Matcher x = Pattern.compile("(?m)^([A-Z]+[0-9]+)\\s+(?:doc|ref|mixed|suite)\\s+(\\d+)\\s+(\\d+)!?\\s+(\\d+)\\s")
        .matcher(Files.readString(DIR.resolve("summary.txt")));
    while (x.find()) {
      m.put(x.group(1), x.group(2) + "/" + x.group(3) + "/" + x.group(4));
    }
    return m;
  }

  static Map<String, String> fromHtml() throws Exception {
    Map<String, String> m = new TreeMap<>();
    Matcher x = Pattern.compile("<tr><td>([A-Z]+[0-9]+)</td><td>[a-z]+</td><td>[^<]*</td><td>(\\d+)</td><td>(\\d+)</td>"
        + "<td>(\\d+)</td>").matcher(Files.readString(DIR.resolve("report.html")));
    while (x.find()) {
      m.put(x.group(1), x.group(2) + "/" + x.group(3) + "/" + x.group(4));
    }
    return m;
  }

  /** Counts derived from per-check records: covered rules, status, broken rules. */
  static Map<String, String> derive(List<String[]> checks) {
    Map<String, int[]> c = new HashMap<>();
    Rules.ALL.keySet().forEach(id -> c.put(id, new int[3]));
    for (String[] k : checks) { // {status, covered rules, broken rules}
      List<String> covered = List.of(k[1].split(","));
      List<String> broken = k[2].isEmpty() ? List.of() : List.of(k[2].split(","));
      for (String id : Rules.ALL.keySet()) {
        if (k[0].equals("PASS") || k[0].equals("FIXED")) {
          c.get(id)[0] += covered.contains(id) ? 1 : 0;
        } else if (k[0].equals("FAIL")) {
          c.get(id)[1] += broken.contains(id) ? 1 : 0;
        } else if (k[0].equals("KNOWN")) {
          c.get(id)[2] += broken.contains(id) ? 1 : 0;
        }
      }
    }
    Map<String, String> m = new TreeMap<>();
    c.forEach((id, n) -> m.put(id, n[0] + "/" + n[1] + "/" + n[2]));
    return m;
  }

  static Map<String, String> fromJsonLines() throws Exception {
    List<String[]> checks = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("results.jsonl"))) {
      JsonNode n = HttpTarget.JSON.readTree(line);
      if (!n.path("record").asText().equals("check")) {
        continue;
      }
      List<String> covered = new java.util.ArrayList<>();
      n.path("rules").forEach(r -> covered.add(r.asText()));
      List<String> broken = new java.util.ArrayList<>();
      n.path("broken").forEach(b -> broken.add(b.asText().replace(" [ref]", "").replace(" [doc]", "")));
      checks.add(new String[] {n.path("status").asText(), String.join(",", covered), String.join(",", broken)});
    }
    return derive(checks);
  }

  static Map<String, String> fromJunit() throws Exception {
    List<String[]> checks = new java.util.ArrayList<>();
    Matcher x = Pattern.compile("<testcase classname=\"[^\"]*\" name=\"[^\"]* \\[([^\\]]*)\\]\"[^>]*>(.*?)</testcase>",
        Pattern.DOTALL).matcher(Files.readString(DIR.resolve("junit.xml")));
    while (x.find()) {
      String body = x.group(2);
      Matcher f = Pattern.compile("<failure [^>]*type=\"([^\"]*)\"").matcher(body);
      Matcher k = Pattern.compile("<skipped message=\"known failure \\(([^)]*)\\)").matcher(body);
      String status = f.find() ? "FAIL" : k.find() ? "KNOWN" : body.contains("<skipped") ? "SKIP" : "PASS";
      String broken = status.equals("FAIL") ? f.group(1) : status.equals("KNOWN") ? k.group(1) : "";
      checks.add(new String[] {status, x.group(1), broken.replace(" [ref]", "").replace(" [doc]", "")
          .replace(", ", ",")});
    }
    return derive(checks);
  }

  @Test
  @DisplayName("every failed check counts against every rule it broke: the fail column adds up to at least the failures")
  void everyFailureIsCounted() throws Exception {
    assertThat(exit).as(console).isEqualTo(1);
    Map<String, String> table = fromSummary();
    int failSum = table.values().stream().mapToInt(v -> Integer.parseInt(v.split("/")[1])).sum();
    long failed = Files.readAllLines(DIR.resolve("results.jsonl")).stream().filter(l -> l.contains("\"FAIL\"")).count();
    assertThat(failed).isGreaterThan(10);
    assertThat(failSum).as("fail column of %s", table).isGreaterThanOrEqualTo((int) failed);
    assertThat(table.get("M1")).as("M1's line").matches("\\d+/\\d{2,}/\\d+");
    assertThat(table.get("BD5").split("/")[1]).as("BD5 fails (the batch items' key)").isNotEqualTo("0");
  }

  @Test
  @DisplayName("table, JUnit XML, JSON lines and HTML agree on every rule's pass, fail and known counts")
  void theFourReportsAgree() throws Exception {
    Map<String, String> summary = fromSummary();
    assertThat(summary).hasSize(Rules.ALL.size());
    assertThat(fromHtml()).isEqualTo(summary);
    assertThat(fromJsonLines()).isEqualTo(summary);
    assertThat(fromJunit()).isEqualTo(summary);
    assertThat(summary.values()).anyMatch(v -> !v.endsWith("/0")); // a known failure is counted too
  }

  @Test
  @DisplayName("the HTML report lists failures before passes and shows the date, target and version")
  void htmlShowsFailuresFirstAndTheRun() throws Exception {
    String html = Files.readString(DIR.resolve("report.html"));
    int firstFail = html.indexOf("<h3 id=\"");
    assertThat(html.substring(firstFail, firstFail + 200)).contains("class=FAIL");
    assertThat(html.lastIndexOf("class=FAIL>FAIL")).isLessThan(html.indexOf("class=PASS>PASS"));
    assertThat(html).containsPattern("Run on <span class=date>20\\d\\d-\\d\\d-\\d\\dT")
        .contains("<span class=version>" + Version.VERSION + "</span>").contains("Target <code>" + target);
    assertThat(Version.VERSION).isNotEqualTo("unknown");
  }

  @Test
  @DisplayName("one try reads '1 try'")
  void singular() {
    assertThat(console).contains(" 1 try ").doesNotContain(" 1 tries");
  }
}
