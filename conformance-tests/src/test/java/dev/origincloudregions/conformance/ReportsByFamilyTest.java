package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.runner.RunOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * --api chooses the families, and every report groups the rules by family: the console table and summary.txt in
 * sections, junit.xml in one testsuite per family, the JSON lines with a family per check, the HTML in sections.
 */
class ReportsByFamilyTest {

  static RunResult run(String api, String checks, Path dir) {
    RunOptions o = RunOptions.parse(new String[] {"--api", api, "--checks", checks, "--tries", "2", "--seed", "5"},
        Map.of(), Map.of(), dir);
    return Conformance.run(o, null);
  }

  @Test
  void bothFamiliesAreReportedEachInItsOwnSection() throws IOException {
    Path dir = Path.of("target", "family-report", "all");
    RunResult r = run("all", "BD9,VBD1,VL1", dir);
    assertThat(r.failures()).isEmpty();
    String summary = Files.readString(dir.resolve("summary.txt"), StandardCharsets.UTF_8);
    int v1 = summary.indexOf("-- v1, /cache/origin_cloud_regions");
    int v2 = summary.indexOf("-- v2, /origin/cloud_regions");
    assertThat(v1).as("the v1 section").isPositive();
    assertThat(v2).as("the v2 section").isGreaterThan(v1);
    assertThat(summary.substring(v1, v2)).containsPattern("(?m)^BD9 ").doesNotContainPattern("(?m)^VBD1 ");
    assertThat(summary.substring(v2)).containsPattern("(?m)^VBD1 ").containsPattern("(?m)^VL1 ");
    String junit = Files.readString(dir.resolve("junit.xml"), StandardCharsets.UTF_8);
    assertThat(junit).contains("<testsuite name=\"origin-cloud-regions-conformance.v1\"",
        "<testsuite name=\"origin-cloud-regions-conformance.v2\"",
        "<testsuite name=\"origin-cloud-regions-conformance.end-of-run\"");
    assertThat(Files.readAllLines(dir.resolve("results.jsonl"), StandardCharsets.UTF_8))
        .anyMatch(l -> l.contains("\"name\":\"batch-delete-empty-array\"") && l.contains("\"family\":\"v1\""))
        .anyMatch(l -> l.contains("\"name\":\"v2-batch-delete-empty-array\"") && l.contains("\"family\":\"v2\""));
    assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8))
        .contains("v1, /cache/origin_cloud_regions", "v2, /origin/cloud_regions");
  }

  @Test
  void oneFamilyLeavesTheOthersRulesAndChecksOut() throws IOException {
    Path dir = Path.of("target", "family-report", "v2");
    RunResult r = run("v2", "VBD1,VL1", dir);
    assertThat(r.failures()).isEmpty();
    assertThat(r.results()).noneMatch(c -> c.family().equals("v1") || c.family().equals("both"))
        .anyMatch(c -> c.name().equals("v2-list-pages"));
    String summary = Files.readString(dir.resolve("summary.txt"), StandardCharsets.UTF_8);
    // A v1 rule is listed only when a v2 check names it (the v2 pact interactions name BD4 and BD6).
    assertThat(summary).contains("-- v2, /origin/cloud_regions", "v2 only (--api v2)")
        .doesNotContainPattern("(?m)^BD9 ").doesNotContainPattern("(?m)^C1 ");
  }

  @Test
  void aV2RunNeverCountsTheSharedStoreRuleAsPassed() throws IOException {
    // v2-zone-limit fills a zone half through each family only when both run; through v2 alone it cannot break VS1.
    Path v2dir = Path.of("target", "family-report", "zone-limit-v2");
    RunResult v2 = run("v2", "v2-zone-limit", v2dir);
    assertThat(v2.failures()).isEmpty();
    assertThat(v2.results()).filteredOn(c -> c.name().equals("v2-zone-limit")).singleElement()
        .satisfies(c -> assertThat(c.rules()).contains("M2", "VBU1").doesNotContain("VS1"));
    assertThat(Files.readString(v2dir.resolve("summary.txt"), StandardCharsets.UTF_8))
        .containsPattern("(?m)^M2 .*v2-zone-limit").doesNotContainPattern("(?m)^VS1 .*v2-zone-limit");

    Path alldir = Path.of("target", "family-report", "zone-limit-all");
    RunResult all = run("all", "v2-zone-limit", alldir);
    assertThat(all.failures()).isEmpty();
    assertThat(Files.readString(alldir.resolve("summary.txt"), StandardCharsets.UTF_8))
        .containsPattern("(?m)^VS1 .*v2-zone-limit");
  }
}
