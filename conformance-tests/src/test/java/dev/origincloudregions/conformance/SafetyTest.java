package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.report.TextReport;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The suite on a zone that already holds data (SAFE1-SAFE3), pacing (SAFE4), and the documented profile. */
class SafetyTest {
  static final List<String> PRE_EXISTING = List.of("10.0.0.1", "192.0.2.1", "2001:db8::1", "::ffff:192.0.2.2",
      "198.51.100.255");

  @Test
  @DisplayName("SAFE1-SAFE3: a zone with mappings keeps them, fill-the-zone checks are skipped, nothing is left")
  void leavesPreExistingMappingsAloneAndCleansUp() {
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("safety-token").requestLog(l -> { }))) {
      String base = server.baseUrl().toString();
      HttpTarget raw = new HttpTarget(base, TargetCredentials.token("safety-token"), new Pacer(0));
      V1Zone zone = new V1Zone(raw, RunOptions.DEFAULT_ZONE);
      for (int i = 0; i < PRE_EXISTING.size(); i++) {
        raw.send("POST", zone.path(), V1Zone.item(PRE_EXISTING.get(i), i % 2 == 0 ? "aws" : "gcp",
            i % 2 == 0 ? "us-east-1" : "us-central1"));
      }
      Snapshot before = new Shapes(true).snapshot(zone.list(), "L1");
      RunOptions o = RunOptions.parse(new String[] {"--base-url", base, "--token", "safety-token", "--tries", "5",
          "--seed", "9"}, Map.of(), Map.of(), Path.of("target", "safety-report"));
      RunResult r = Conformance.run(o, null);
      assertThat(r.failures()).as("failures:%n%s", TextReport.summary(r)).isEmpty();
      List<CheckResult> skipped = r.results().stream().filter(c -> c.status() == CheckResult.Status.SKIP).toList();
      assertThat(skipped).filteredOn(c -> !c.name().startsWith("pact-")).extracting(CheckResult::name)
          .containsExactlyInAnyOrder("zone-limit", "list-modified-on", "v2-zone-limit");
      // Pact interactions whose states name a pre-existing address (192.0.2.1, 2001:db8::1) are skipped too.
      assertThat(skipped).filteredOn(c -> c.name().startsWith("pact-")).isNotEmpty()
          .allSatisfy(c -> assertThat(c.message()).as(c.name()).startsWith("SAFE1"));
      Snapshot after = new Shapes(true).snapshot(zone.list(), "L1");
      assertThat(after.mappings()).as("exactly the pre-existing mappings, unchanged").isEqualTo(before.mappings());
    }
  }

  @Test
  @DisplayName("SAFE4: the run keeps to --max-rps")
  void pacesToMaxRps() {
    RunOptions o = RunOptions.parse(new String[] {"--tries", "1", "--seed", "1", "--max-rps", "40", "--checks",
        "credentials-accepted"}, Map.of(), Map.of(), Path.of("target", "paced-report"));
    RunResult r = Conformance.run(o, null);
    assertThat(r.failures()).as(TextReport.summary(r)).isEmpty();
    assertThat(r.results()).filteredOn(c -> c.name().equals("safe-paced")).extracting(CheckResult::status)
        .containsExactly(CheckResult.Status.PASS);
  }

  @Test
  @DisplayName("SAFE4: a 429 pauses every request for its Retry-After")
  void honoursRetryAfter() throws Exception {
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger calls = new AtomicInteger();
    fake.createContext("/", ex -> {
      boolean first = calls.getAndIncrement() == 0;
      byte[] b = (first ? "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"slow down\"}],"
          + "\"messages\":[],\"result\":null}" : "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{}}")
          .getBytes(StandardCharsets.UTF_8);
      if (first) {
        ex.getResponseHeaders().add("Retry-After", "1");
      }
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(first ? 429 : 200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    fake.start();
    try {
      Pacer pacer = new Pacer(0);
      HttpTarget api = new HttpTarget("http://127.0.0.1:" + fake.getAddress().getPort(), TargetCredentials.token("t"), pacer);
      long t0 = System.nanoTime();
      Exchange ex = api.get("/x");
      long waited = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ex.status()).isEqualTo(200);
      assertThat(waited).as("milliseconds waited after 429 Retry-After: 1").isGreaterThanOrEqualTo(950);
      assertThat(pacer.throttled()).isEqualTo(1);
      assertThat(pacer.pausesHonoured()).isTrue();
    } finally {
      fake.stop(0);
    }
  }

  @Test
  @DisplayName("documented profile: the reference server passes the [doc] rules")
  void documentedProfilePassesAgainstTheReferenceServer() {
    RunOptions o = RunOptions.parse(new String[] {"--profile", "documented", "--tries", "10", "--seed", "4"}, Map.of(),
        Map.of(), Path.of("target", "documented-report"));
    RunResult r = Conformance.run(o, null);
    assertThat(r.failures()).as(TextReport.summary(r)).isEmpty();
    assertThat(r.count(CheckResult.Status.PASS)).isGreaterThan(20);
  }
}
