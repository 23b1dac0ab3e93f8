package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A run that is stopped part-way (Ctrl-C, SIGTERM, a target that stops answering) stops promptly, cleans up
 * (SAFE3), marks the checks that did not run as NOT_RUN, writes every report marked interrupted or unreachable, and
 * exits 2 (130 or 143 on a signal), never 1. The signals are real: the runner is a child JVM.
 */
class InterruptionTest {
  static final String TOKEN = "Int3rr-Rn-T0k3n-4f8e2a9c";

  /** Starts the runner in a child JVM against {@code base}; waits until it has finished a few checks. */
  static Process startRunner(String base, Path reports, List<String> console) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        ConformanceRunner.class.getName(), "--base-url", base, "--token", TOKEN, "--tries", "30", "--seed", "3",
        "--report-dir", reports.toString()));
    if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
      // A test JVM may have been started with SIGINT ignored (as background jobs are); the JVM keeps an ignored
      // SIGINT ignored, so set it back to the default for the runner, as a terminal's Ctrl-C finds it.
      cmd.addAll(0, List.of("/usr/bin/perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die"));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      console.add(line);
      if (line.contains("zone-id-validation")) { // into checks that create mappings
        break;
      }
    }
    Thread drain = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          console.add(line);
        }
      } catch (Exception e) {
        // the process ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    return p;
  }

  static void assertStoppedCleanly(Process p, int exit, Path reports, List<String> console, String outcome)
      throws Exception {
    long t0 = System.nanoTime();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the runner stops promptly").isTrue();
    assertThat((System.nanoTime() - t0) / 1_000_000_000L).as("seconds to stop").isLessThan(30);
    Thread.sleep(200); // the last console lines
    String all = String.join("\n", console);
    assertThat(p.exitValue()).as(all).isEqualTo(exit);
    assertThat(all).as("no check is reported failed for the interruption").doesNotContain("<- error")
        .doesNotContainPattern("\\] FAIL ");
    for (String f : List.of("summary.txt", "junit.xml", "results.jsonl", "report.html")) {
      assertThat(reports.resolve(f)).as("report %s", f).exists();
    }
    assertThat(Files.readString(reports.resolve("summary.txt"))).contains("RUN " + outcome.toUpperCase())
        .contains("NOT RUN");
    List<String> jsonl = Files.readAllLines(reports.resolve("results.jsonl"));
    assertThat(jsonl.get(jsonl.size() - 1)).contains("\"record\":\"run\"");
    assertThat(jsonl).anyMatch(l -> l.contains("\"status\":\"NOT_RUN\"")).noneMatch(l -> l.contains("\"FAIL\""));
    assertThat(Files.readString(reports.resolve("junit.xml"))).contains("not run: ");
    assertThat(Files.readString(reports.resolve("report.html"))).contains("id=outcome");
  }

  static void assertZonesEmpty(ReferenceServer server) {
    HttpTarget api = new HttpTarget(server.baseUrl().toString(), TargetCredentials.token(TOKEN), new Pacer(0));
    for (String zone : List.of(RunOptions.DEFAULT_ZONE, RunOptions.DEFAULT_SECOND_ZONE)) {
      Snapshot s = new Shapes(true).snapshot(new V1Zone(api, zone).list(), "SAFE3");
      assertThat(s.mappings()).as("zone %s after the interrupted run (SAFE3)", zone).isEmpty();
    }
  }

  @Test
  @DisplayName("Ctrl-C (SIGINT): clean-up, every report marked interrupted, exit 130")
  void sigint() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token(TOKEN).requestLog(l -> { }))) {
      Path reports = Path.of("target", "interrupted-int");
      List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
      Process p = startRunner(server.baseUrl().toString(), reports, console);
      new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
      assertStoppedCleanly(p, 130, reports, console, "interrupted");
      assertZonesEmpty(server);
    }
  }

  @Test
  @DisplayName("SIGTERM (as timeout sends): clean-up, every report marked interrupted, exit 143")
  void sigterm() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token(TOKEN).requestLog(l -> { }))) {
      Path reports = Path.of("target", "interrupted-term");
      List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
      Process p = startRunner(server.baseUrl().toString(), reports, console);
      p.destroy(); // SIGTERM
      assertStoppedCleanly(p, 143, reports, console, "interrupted");
      assertZonesEmpty(server);
    }
  }

  @Test
  @DisplayName("a target that dies mid-run: the run stops, reports say unreachable, exit 2, no check failed for it")
  void targetDiesMidRun() throws Exception {
    ReferenceServer server = ReferenceServer.start(Options.defaults().token(TOKEN).requestLog(l -> { }));
    Path reports = Path.of("target", "unreachable");
    AtomicBoolean killed = new AtomicBoolean();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    OutputStream watch = new OutputStream() {
      @Override
      public void write(int b) {
        copy.write(b);
        if (b == '\n' && !killed.get() && copy.toString(StandardCharsets.UTF_8).contains("zones-isolated")) {
          killed.set(true);
          new Thread(server::close).start(); // the target goes away while the next check runs
        }
      }
    };
    long t0 = System.nanoTime();
    int exit = ConformanceRunner.run(new String[] {"--base-url", server.baseUrl().toString(), "--token", TOKEN,
        "--tries", "30", "--seed", "3", "--report-dir", reports.toString()}, new PrintStream(watch, true,
        StandardCharsets.UTF_8), System.err);
    String all = copy.toString(StandardCharsets.UTF_8);
    assertThat(killed).isTrue();
    assertThat(exit).as(all).isEqualTo(2);
    assertThat((System.nanoTime() - t0) / 1_000_000_000L).as("seconds").isLessThan(60);
    assertThat(all).doesNotContain("<- error").doesNotContainPattern("\\] FAIL ");
    String summary = Files.readString(reports.resolve("summary.txt"));
    assertThat(summary).contains("RUN STOPPED: THE TARGET BECAME UNREACHABLE").contains("NOT RUN")
        .contains("remove these mappings yourself");
    assertThat(Files.readAllLines(reports.resolve("results.jsonl"))).anyMatch(l -> l.contains("\"UNREACHABLE\""))
        .noneMatch(l -> l.contains("\"FAIL\""));
  }
}
