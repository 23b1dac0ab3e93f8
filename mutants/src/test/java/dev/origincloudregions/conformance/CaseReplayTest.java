package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.server.Mutant;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Case files: a failure is saved with its rule, seed, input, exact requests (credentials as placeholders) and what
 * was expected; {@code --replay} re-sends exactly those requests to any target and judges them again: the case fails
 * against the server that failed it and passes against one that is fixed. Both servers are started separately and
 * reached by base URL.
 */
class CaseReplayTest {
  static final String TOKEN = "Rp7-Case-Q2w9-Zx4k-Tq8m";

  static int runner(List<String> console, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = ConformanceRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    console.add(out.toString(StandardCharsets.UTF_8));
    return exit;
  }

  @Test
  @DisplayName("a case fails again against the defective server and passes against a fixed one")
  void replayJudgesAgain() throws Exception {
    List<String> served = Collections.synchronizedList(new ArrayList<>());
    try (ReferenceServer broken = Mutant.startTogether(Options.defaults().token(TOKEN).requestLog(l -> { }),
        Mutant.BATCH_LIMIT_OFF_BY_ONE, Mutant.DUPLICATES_NOT_DETECTED);
        ReferenceServer fixed = ReferenceServer.start(Options.defaults().token(TOKEN).requestLog(served::add))) {
      Path dir = Path.of("target", "cases-run");
      List<String> console = new ArrayList<>();
      assertThat(runner(console, "--base-url", broken.baseUrl().toString(), "--token", TOKEN, "--checks",
          "batch-delete-over-limit,batch-delete-agrees-with-model", "--tries", "20", "--seed", "12", "--report-dir",
          dir.toString())).as("%s", console).isEqualTo(1);

      Path overLimit = dir.resolve("cases/batch-delete-over-limit.json");
      Path model = dir.resolve("cases/batch-delete-agrees-with-model.json");
      assertThat(overLimit).exists();
      assertThat(model).exists();
      JsonNode c = HttpTarget.JSON.readTree(Files.readString(overLimit));
      assertThat(c.path("rules_broken").toString()).contains("BD2");
      assertThat(c.path("seed").asLong()).isEqualTo(12);
      assertThat(c.path("expected").asText()).contains("expected HTTP 400 with code 1191");
      assertThat(c.path("requests").size()).isGreaterThan(1);
      assertThat(c.path("requests").toString()).contains("Bearer <token>").doesNotContain(TOKEN.substring(0, 8))
          .contains("/zones/{zone_id}/cache/origin_cloud_regions/batch");
      assertThat(Files.readString(dir.resolve("summary.txt"))).contains("case file: cases/batch-delete-over-limit.json");

      List<String> again = new ArrayList<>();
      assertThat(runner(again, "--replay", dir.toString(), "--base-url", broken.baseUrl().toString(), "--token", TOKEN,
          "--report-dir", "target/cases-replay-broken")).as("%s", again).isEqualTo(1);
      assertThat(again.get(0)).contains("FAIL   batch-delete-over-limit: still broken (BD2")
          .contains("FAIL   batch-delete-agrees-with-model: still broken (BD5 [ref]");

      List<String> fixedRun = new ArrayList<>();
      assertThat(runner(fixedRun, "--replay", dir.toString(), "--base-url", fixed.baseUrl().toString(), "--token",
          TOKEN, "--report-dir", "target/cases-replay-fixed")).as("%s", fixedRun).isZero();
      assertThat(fixedRun.get(0)).contains("FIXED  batch-delete-over-limit").contains("FIXED  batch-delete-agrees-with-model");
      // The replay sent the case's DELETE of 101 items: the fixed server refused it, having seen exactly it.
      assertThat(served).anyMatch(l -> l.contains("DELETE") && l.contains("/batch") && l.contains("400"));
    }
  }

  @Test
  @DisplayName("a case whose requests the target's state changes is not judged: the replay says it could not replay")
  void aDivergingReplayIsNotJudged() throws Exception {
    Path dir = Path.of("target", "cases-diverge");
    List<String> console = new ArrayList<>();
    try (ReferenceServer broken = Mutant.BATCH_LIMIT_OFF_BY_ONE.start(Options.defaults().token(TOKEN))) {
      runner(console, "--base-url", broken.baseUrl().toString(), "--token", TOKEN, "--checks", "batch-delete-over-limit",
          "--tries", "5", "--seed", "3", "--report-dir", dir.toString());
    }
    Path f = dir.resolve("cases/batch-delete-over-limit.json");
    Files.writeString(f, Files.readString(f).replace("\"body_sha256\" : \"", "\"body_sha256\" : \"0"));
    List<String> replay = new ArrayList<>();
    assertThat(runner(replay, "--replay", f.toString(), "--report-dir", "target/cases-diverge-replay")).isEqualTo(2);
    assertThat(replay.get(0)).contains("ERROR  batch-delete-over-limit: could not replay: request 1 of the case");
  }
}
