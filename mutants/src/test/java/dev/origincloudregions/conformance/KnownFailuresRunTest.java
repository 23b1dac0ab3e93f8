package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.server.Mutant;
import dev.origincloudregions.server.ReferenceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * --known-failures against a server that fails ({@link Mutant#BATCH_LIMIT_OFF_BY_ONE}): expected failures do not
 * fail the run; an entry that passes is reported as fixed.
 */
class KnownFailuresRunTest {

  /** Runs the given checks against a server whose batch limit is 101, with {@code known} as the known-failures file. */
  static int run(Path dir, String known, String... more) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("known.txt");
    Files.writeString(file, known);
    List<String> args = new java.util.ArrayList<>(List.of("--tries", "3", "--seed", "5", "--known-failures",
        file.toString(), "--report-dir", dir.toString()));
    args.addAll(List.of(more));
    try (ReferenceServer server = Mutant.BATCH_LIMIT_OFF_BY_ONE.start()) {
      args.addAll(List.of("--base-url", server.baseUrl().toString(), "--token", server.token()));
      return ConformanceRunner.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), System.err);
    }
  }

  @Test
  @DisplayName("failures the file expects are KNOWN and the run exits 0; without the file it exits 1")
  void knownFailuresDoNotFailTheRun() throws Exception {
    Path dir = Path.of("target", "known-1");
    assertThat(run(dir, "BD2  # our limit is off by one\nBU1\n", "--checks", "BD2,BU1")).isZero();
    String jsonl = Files.readString(dir.resolve("results.jsonl"));
    assertThat(jsonl).contains("\"name\":\"batch-delete-over-limit\"").contains("\"status\":\"KNOWN\"")
        .doesNotContain("\"status\":\"FAIL\"");
    assertThat(run(Path.of("target", "known-2"), "# nothing known\n", "--checks", "BD2")).isEqualTo(1);
  }

  @Test
  @DisplayName("a known failure that passes is reported as FIXED; a failure the file does not name still fails")
  void anEntryThatPassesIsFixed() throws Exception {
    Path dir = Path.of("target", "known-3");
    assertThat(run(dir, "M4\nbatch-delete-empty-array\n", "--checks", "M4,BD9,BD2")).isEqualTo(1);
    String summary = Files.readString(dir.resolve("summary.txt"));
    assertThat(summary).contains("FIXED list-ordered-by-address").contains("FIXED batch-delete-empty-array")
        .contains("remove it from the known-failures file").contains("FAIL batch-delete-over-limit");
  }
}
