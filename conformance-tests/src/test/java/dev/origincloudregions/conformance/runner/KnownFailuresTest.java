package dev.origincloudregions.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.conformance.ConformanceRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** --known-failures: expected failures do not fail the run; an entry that passes is reported as fixed. */
class KnownFailuresTest {

  static int run(Path dir, String known, String... more) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("known.txt");
    Files.writeString(file, known);
    List<String> args = new java.util.ArrayList<>(List.of("--tries", "3", "--seed", "5", "--known-failures",
        file.toString(), "--report-dir", dir.toString()));
    args.addAll(List.of(more));
    return ConformanceRunner.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), System.err);
  }

  @Test
  @DisplayName("failures the file expects are KNOWN and the run exits 0; without the file it exits 1")
  void knownFailuresDoNotFailTheRun() throws Exception {
    Path dir = Path.of("target", "known-1");
    assertThat(run(dir, "BD2  # our limit is off by one\nBU1\n", "--checks", "BD2,BU1",
        "--defect", "BATCH_LIMIT_OFF_BY_ONE")).isZero();
    String jsonl = Files.readString(dir.resolve("results.jsonl"));
    assertThat(jsonl).contains("\"name\":\"batch-delete-over-limit\"").contains("\"status\":\"KNOWN\"")
        .doesNotContain("\"status\":\"FAIL\"");
    assertThat(run(Path.of("target", "known-2"), "# nothing known\n", "--checks", "BD2",
        "--defect", "BATCH_LIMIT_OFF_BY_ONE")).isEqualTo(1);
  }

  @Test
  @DisplayName("a known failure that passes is reported as FIXED; a failure the file does not name still fails")
  void anEntryThatPassesIsFixed() throws Exception {
    Path dir = Path.of("target", "known-3");
    assertThat(run(dir, "M4\nbatch-delete-empty-array\n", "--checks", "M4,BD9,BD2",
        "--defect", "BATCH_LIMIT_OFF_BY_ONE")).isEqualTo(1);
    String summary = Files.readString(dir.resolve("summary.txt"));
    assertThat(summary).contains("FIXED list-ordered-by-address").contains("FIXED batch-delete-empty-array")
        .contains("remove it from the known-failures file").contains("FAIL batch-delete-over-limit");
  }

  @Test
  @DisplayName("an entry that names neither a check nor a rule is a configuration error with its line")
  void aTypoIsAConfigurationError() {
    assertThatThrownBy(() -> KnownFailures.parse(List.of("BD2", "", "BD55"), "known.txt"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("known.txt line 3: 'BD55'");
  }
}
