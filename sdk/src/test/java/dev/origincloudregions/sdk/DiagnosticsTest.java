package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.NOT_FOUND_1142;
import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.V2_LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.V2_PATH;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SDK prints nothing on its own, and its opt-in request log says what happened to each request
 * without a credential. The log is read where it goes by default: the {@link System.Logger} named
 * {@code dev.origincloudregions.sdk}, which the JDK backs with java.util.logging.
 */
class DiagnosticsTest {
  private static final String EMAIL = "ops@example.com";
  private static final String KEY = "144c9defac04969c7bfad8efaa8ea194";
  private static final String RAY = "8c1b2d3e4f5a6b7c-LHR";

  private final Logger julLogger = Logger.getLogger(RequestLog.LOGGER);
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureTheSdkLogger() {
    julLogger.addHandler(capture);
  }

  @AfterEach
  void release() {
    julLogger.removeHandler(capture);
  }

  private List<String> lines() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  // ---- Nothing on its own ----

  @Test
  @DisplayName("a JVM with slf4j-api but no SLF4J provider prints nothing but its own line")
  void theSdkPrintsNothingOnItsOwnAndNeedsNoFeignSlf4jFormOrJackson() throws Exception {
    try (var server = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);
      server.enqueue(200, V2_BATCH_DELETE_200);
      server.enqueue(404, NOT_FOUND_1142);

      // The test class path, without any SLF4J provider and without the three jars only the generated
      // ApiClient imports (compile-only in the pom): the SDK must neither load them nor make SLF4J look
      // for a provider.
      String classpath =
          Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                  .split(File.pathSeparator))
              .filter(e -> !e.matches(".*(slf4j-nop|slf4j-simple|slf4j-jdk14|slf4j-reload4j|logback-classic"
                  + "|log4j-slf4j|feign-slf4j|feign-form|feign-jackson)[^" + File.separator + "]*\\.jar"))
              .collect(Collectors.joining(File.pathSeparator));
      assertThat(classpath).as("slf4j-api stays, so that a warning could appear").contains("slf4j-api");

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      var pb = new ProcessBuilder(java, "-cp", classpath, QuietProbe.class.getName(), server.baseUrl());
      pb.environment().remove("CLOUDFLARE_LOG");
      pb.redirectErrorStream(true);
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(output).isEqualTo("done\n");
      assertThat(process.exitValue()).isZero();
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void withoutOptingInNothingIsLogged() {
    try (var server = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);
      client(server).build().listPage(ZONE, 1, 20);

      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(records).isEmpty();
    }
  }

  // ---- The request log ----

  @Test
  void eachAttemptIsLoggedWithMethodPathStatusAttemptDurationAndCfRay() {
    try (var server = new RecordingServer()) {
      server.enqueue(Reply.json(503, "{}").withHeader("CF-RAY", "7a0b1c2d3e4f5a6b-SJC"));
      server.enqueue(Reply.json(200, V2_BATCH_DELETE_200).withHeader("CF-RAY", RAY));

      client(server).logRequests(true).build().bulkDelete(ZONE, List.of("192.0.2.1"));

      assertThat(lines())
          .hasSize(2)
          .satisfiesExactly(
              first -> assertThat(first).matches(
                  "bulkDelete: DELETE \\Q" + V2_PATH + "/batch\\E -> 503 \\(attempt 1, \\d+ ms, cf-ray 7a0b1c2d3e4f5a6b-SJC\\)"),
              second -> assertThat(second).matches(
                  "bulkDelete: DELETE \\Q" + V2_PATH + "/batch\\E -> 200 \\(attempt 2, \\d+ ms, cf-ray " + RAY + "\\)"));
      assertThat(records).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
    }
  }

  @Test
  void theQueryIsLoggedAndAMissingCfRayIsLeftOut() {
    try (var server = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);

      client(server).logRequests(true).build().listPage(ZONE, 2, 20);

      assertThat(lines()).singleElement().asString()
          .matches("listPage: GET \\Q" + V2_PATH + "?page=2&per_page=20\\E -> 200 \\(attempt 1, \\d+ ms\\)");
    }
  }

  @Test
  void aRequestWithoutAnAnswerIsLoggedWithTheExceptionAndTheDuration() {
    String deadUrl;
    try (var server = new RecordingServer()) {
      deadUrl = server.baseUrl(); // closed below: connections are refused
    }
    OriginCloudRegions client =
        OriginCloudRegions.builder().baseUrl(deadUrl).apiToken(TOKEN).logRequests(true).environment(Map.of())
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).build())
            .build();

    assertThatThrownBy(() -> client.get(ZONE, "192.0.2.1")).isInstanceOf(TransportException.class);

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).matches("get: GET \\Q" + V2_PATH + "/192.0.2.1\\E -> ConnectException \\(attempt 1, \\d+ ms\\)");
    assertThat(lines().get(1)).contains("-> ConnectException (attempt 2, ");
  }

  @Test
  @DisplayName("CLOUDFLARE_LOG=debug turns the log on; logRequests(false) wins over it")
  void cloudflareLogDebugTurnsTheLogOnAndTheBuilderWins() {
    try (var server = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);
      server.enqueue(200, V2_LIST_EMPTY);
      server.enqueue(200, V2_LIST_EMPTY);

      client(server).environment(Map.of("CLOUDFLARE_LOG", "DEBUG")).build().listPage(ZONE, 1, 20);
      client(server).environment(Map.of("CLOUDFLARE_LOG", "debug")).logRequests(false).build().listPage(ZONE, 1, 20);
      client(server).environment(Map.of("CLOUDFLARE_LOG", "info")).build().listPage(ZONE, 1, 20);

      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(lines()).hasSize(1);
    }
  }

  @Test
  void anUnknownCloudflareLogValueIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().apiToken(TOKEN)
            .environment(Map.of("CLOUDFLARE_LOG", "verbose")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CLOUDFLARE_LOG must be one of off, error, warn, info or debug (debug logs every request), got 'verbose'");
  }

  @Test
  @DisplayName("no form of a credential appears in the log: token, Bearer, email, key, header names")
  void noCredentialAppearsInTheLog() {
    try (var server = new RecordingServer()) {
      List<OriginCloudRegions> clients = new ArrayList<>();
      clients.add(client(server).logRequests(true).build());
      clients.add(OriginCloudRegions.builder().baseUrl(server.baseUrl()).emailAndKey(EMAIL, KEY)
          .environment(Map.of()).logRequests(true).retryPolicy(RetryPolicy.NONE).build());
      clients.add(OriginCloudRegions.builder().baseUrl(server.baseUrl()).logRequests(true)
          .environment(Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY))
          .retryPolicy(RetryPolicy.NONE).build());
      for (OriginCloudRegions c : clients) {
        server.enqueue(200, V2_LIST_EMPTY);
        server.enqueue(403, Fixtures.example("v2-put-403-1164-too-many-mappings.json"));
        c.listPage(ZONE, 1, 20);
        assertThatThrownBy(() -> c.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1")))
            .isInstanceOf(ApiException.class);
      }

      assertThat(server.takeAll()).allSatisfy(r ->
          assertThat(r.headers()).containsAnyOf(
              Map.entry("authorization", List.of("Bearer " + TOKEN)), Map.entry("x-auth-key", List.of(KEY))));
      assertThat(lines()).hasSize(6).allSatisfy(line -> assertThat(line)
          .doesNotContain(TOKEN, "Bearer", EMAIL, KEY, "X-Auth", "Authorization", "ops%40example"));
    }
  }

  private static OriginCloudRegions.Builder client(RecordingServer server) {
    return OriginCloudRegions.builder()
        .baseUrl(server.baseUrl())
        .apiToken(TOKEN)
        .environment(Map.of()) // never the test JVM's: CLOUDFLARE_LOG there must not matter
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).build());
  }
}
