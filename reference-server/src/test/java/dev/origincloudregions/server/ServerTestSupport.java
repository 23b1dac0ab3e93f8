package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.OriginCloudRegions;
import dev.origincloudregions.sdk.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One reference server per test class (zones isolate the tests from each other: each test works in a
 * fresh zone), with the project's SDK and a raw HTTP client pointed at it.
 *
 * <p>Every answer the server sends is checked against the OpenAPI spec as it leaves, whoever asked
 * (the SDK, raw HTTP, a raw socket); after each test the violations, if any, fail it.
 */
abstract class ServerTestSupport {
  static final String TOKEN = "test-token-0123456789abcdefABCDEF";

  static ReferenceServer server;
  static OriginCloudRegions sdk;
  static RawHttp http;
  static final List<String> REQUEST_LOG = new CopyOnWriteArrayList<>();
  static final List<String> SPEC_VIOLATIONS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() {
    server = ReferenceServer.start(Options.defaults().token(TOKEN).requestLog(REQUEST_LOG::add)
        .exchangeObserver(specChecker(Options.DEFAULT_BASE_PATH, SPEC_VIOLATIONS)));
    sdk = OriginCloudRegions.builder().baseUrl(server.baseUrl().toString()).apiToken(TOKEN)
        .retryPolicy(RetryPolicy.NONE).build();
    http = new RawHttp(server.baseUrl(), TOKEN);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    REQUEST_LOG.clear();
  }

  @AfterEach
  void everyAnswerConformedToTheSpec() {
    List<String> violations = List.copyOf(SPEC_VIOLATIONS);
    SPEC_VIOLATIONS.clear();
    assertThat(violations).as("answers that break the OpenAPI spec").isEmpty();
  }

  /** Checks every answer of a server serving under {@code basePath}, adding what breaks the spec to {@code sink}. */
  static ExchangeObserver specChecker(String basePath, List<String> sink) {
    return (method, rawPath, status, contentType, body) -> {
      String text = new String(body, StandardCharsets.UTF_8);
      List<String> violations = rawPath != null && rawPath.startsWith(basePath + "/")
          ? SpecValidator.instance().violations(method, rawPath.substring(basePath.length()), status, contentType, text)
          : SpecValidator.instance().failureEnvelopeViolations(status, contentType, text);
      for (String violation : violations) {
        sink.add(method + " " + rawPath + " -> " + status + " " + text + ": " + violation);
      }
    };
  }

  /** A fresh, well-formed zone identifier: 32 lowercase hex digits. */
  static String newZone() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The API path of a zone's collection, v1 family. */
  static String zonePath(String zoneId) {
    return "/zones/" + zoneId + "/cache/origin_cloud_regions";
  }

  /** The API path of a zone's collection, v2 family. */
  static String v2Path(String zoneId) {
    return "/zones/" + zoneId + "/origin/cloud_regions";
  }
}
