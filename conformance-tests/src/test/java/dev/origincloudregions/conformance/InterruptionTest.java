package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SAFE3: a run that is interrupted (SIGTERM) removes what it created from its shutdown hook. */
class InterruptionTest {

  @Test
  @DisplayName("SAFE3: an interrupted run leaves both zones as it found them")
  void cleansUpWhenInterrupted() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("interrupted-run-token")
        .requestLog(l -> { }))) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ConformanceRunner.class.getName(), "--base-url", server.baseUrl().toString(), "--token",
          "interrupted-run-token", "--tries", "100", "--seed", "3", "--report-dir", "target/interrupted-report")
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      // Wait until the run is well into checks that create mappings, then interrupt it.
      for (String line; (line = out.readLine()) != null; ) {
        if (line.contains("zones-isolated")) {
          break;
        }
      }
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the runner stops").isTrue();
      Api api = new Api(server.baseUrl().toString(), Credentials.token("interrupted-run-token"), new Pacer(0));
      for (String zone : List.of(RunOptions.DEFAULT_ZONE, RunOptions.DEFAULT_SECOND_ZONE)) {
        Snapshot s = new Shapes(true).snapshot(new Zone(api, zone).list(), "SAFE3");
        assertThat(s.mappings()).as("zone %s after the interrupted run", zone).isEmpty();
      }
    }
  }
}
