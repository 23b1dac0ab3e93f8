package dev.origincloudregions.server;

import dev.origincloudregions.sdk.generated.api.OriginCloudRegionsApi;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One reference server per test class (zones isolate the tests from each other: each test works in a
 * fresh zone), with the SDK and a raw HTTP client pointed at it.
 */
abstract class ServerTestSupport {
  static final String TOKEN = "test-token-0123456789abcdefABCDEF";

  static ReferenceServer server;
  static OriginCloudRegionsApi sdk;
  static RawHttp http;
  static final List<String> REQUEST_LOG = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() {
    server = ReferenceServer.start(Options.defaults().token(TOKEN).requestLog(REQUEST_LOG::add));
    sdk = Sdk.client(server.baseUrl(), TOKEN);
    http = new RawHttp(server.baseUrl(), TOKEN);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    REQUEST_LOG.clear();
  }

  /** A fresh, well-formed zone identifier: 32 lowercase hex digits. */
  static String newZone() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The API path of a zone's collection. */
  static String zonePath(String zoneId) {
    return "/zones/" + zoneId + "/cache/origin_cloud_regions";
  }
}
