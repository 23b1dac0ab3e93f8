package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.BATCH_UPSERT_200;
import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_PUT_200;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import dev.origincloudregions.sdk.internal.generated.api.OriginCloudRegionsApi;
import dev.origincloudregions.sdk.internal.generated.model.CacheRulesOriginCloudRegionRequest;
import dev.origincloudregions.sdk.internal.generated.model.CacheRulesOriginCloudRegionV2Request;
import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.core.Gen;

/**
 * The batch operations skip Feign's request templating ({@link DirectRoute}); this test holds them to
 * what the generated Feign interface does with the same arguments, over one real transport and a real
 * local server: the same request on the wire (method, raw path, query, every header, body bytes) for
 * any zone value the SDK lets through and any items, the same decoded answer, and the same exception,
 * message included, for every kind of failed answer and for a request that gets no answer.
 */
class DirectRouteTest {
  RecordingServer server;
  ObjectMapper mapper;
  JdkTransport transport;
  OriginCloudRegionsApi feign;
  BatchRoutes routes;

  @BeforeEach
  void start() {
    server = new RecordingServer();
    mapper = Mappers.create();
    transport = transport(1 << 20);
    feign = OriginCloudRegions.feign(transport, mapper, Duration.ofSeconds(5), Duration.ofSeconds(5), server.baseUrl());
    routes = BatchRoutes.of(mapper, transport, server.baseUrl(), Duration.ofSeconds(5).toNanos());
  }

  /** The one transport both ways share, with a cap of {@code maxResponseBytes}. */
  static JdkTransport transport(int maxResponseBytes) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new JdkTransport(http, Credentials.token(TOKEN), "origin-cloud-regions-java/test", maxResponseBytes);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The four batch operations, each sent both ways with the same zone and items. */
  enum Operation {
    V2_DELETE(V2_BATCH_DELETE_200,
        (api, zone, items) -> api.originCloudRegionsV2BatchDelete(zone, items),
        (r, zone, items) -> r.v2Delete().call(zone, items)),
    V2_PUT(V2_BATCH_PUT_200,
        (api, zone, items) -> api.originCloudRegionsV2BatchUpsert(zone, v2Items(items)),
        (r, zone, items) -> r.v2Put().call(zone, v2Items(items))),
    V1_DELETE(BATCH_DELETE_200,
        (api, zone, items) -> api.originCloudRegionsBatchDelete(zone, items),
        (r, zone, items) -> r.v1Delete().call(zone, items)),
    V1_UPSERT(BATCH_UPSERT_200,
        (api, zone, items) -> api.originCloudRegionsBatchUpsert(zone, v1Items(items)),
        (r, zone, items) -> r.v1Upsert().call(zone, v1Items(items)));

    /** One way of sending an operation: through {@code T} with a zone and the items' strings. */
    interface Send<T> {
      Object send(T via, String zone, List<String> items);
    }

    final String okAnswer;
    private final Send<OriginCloudRegionsApi> viaFeign;
    private final Send<BatchRoutes> viaRoute;

    Operation(String okAnswer, Send<OriginCloudRegionsApi> viaFeign, Send<BatchRoutes> viaRoute) {
      this.okAnswer = okAnswer;
      this.viaFeign = viaFeign;
      this.viaRoute = viaRoute;
    }

    Object viaFeign(OriginCloudRegionsApi api, String zone, List<String> items) {
      return viaFeign.send(api, zone, items);
    }

    Object viaRoute(BatchRoutes routes, String zone, List<String> items) {
      return viaRoute.send(routes, zone, items);
    }

    /** Upsert items made of the strings: each is the IP, and also the vendor and region reversed. */
    static List<CacheRulesOriginCloudRegionV2Request> v2Items(List<String> items) {
      return items.stream()
          .map(s -> new CacheRulesOriginCloudRegionV2Request().originIp(s).vendor(reverse(s)).region(s + "-1"))
          .toList();
    }

    static List<CacheRulesOriginCloudRegionRequest> v1Items(List<String> items) {
      return items.stream()
          .map(s -> new CacheRulesOriginCloudRegionRequest().ip(s).vendor(reverse(s)).region(s + "-1"))
          .toList();
    }

    private static String reverse(String s) {
      return new StringBuilder(s).reverse().toString();
    }
  }

  /** The characters {@link Arguments#zone} lets through: printable ASCII but "/?#%\\". */
  static final String ZONE_CHARACTERS =
      java.util.stream.IntStream.rangeClosed(0x21, 0x7e)
          .filter(c -> "/?#%\\".indexOf(c) < 0)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  /** Every zone value that {@link Arguments#zone} lets through (not "." or ".." either). */
  static Gen<String> zones() {
    return lists().of(integers().between(0, ZONE_CHARACTERS.length() - 1)).ofSizeBetween(1, 40)
        .map(l -> l.stream().map(i -> String.valueOf(ZONE_CHARACTERS.charAt(i))).collect(java.util.stream.Collectors.joining()))
        .assuming(Arguments::isPathSafe);
  }

  /** Items of any text: quotes, backslashes, controls, non-ASCII and lone surrogates included. */
  static Gen<List<String>> items() {
    return lists().of(strings().allPossible().ofLengthBetween(0, 12)).ofSizeBetween(0, 6);
  }

  @Test
  @DisplayName("For any zone the SDK accepts and any items, each batch route sends exactly what the Feign interface sends")
  void everyRouteSendsWhatFeignSends() {
    qt().withExamples(120)
        .forAll(integers().between(0, Operation.values().length - 1), zones(), items())
        .checkAssert((op, zone, items) -> {
          Operation operation = Operation.values()[op];
          server.dispatch(r -> Reply.json(200, operation.okAnswer));
          operation.viaFeign(feign, zone, items);
          Recorded expected = server.takeRequest();
          operation.viaRoute(routes, zone, items);
          Recorded actual = server.takeRequest();

          assertThat(actual.method()).as("method").isEqualTo(expected.method());
          assertThat(actual.rawPath()).as("raw path of zone '%s'", zone).isEqualTo(expected.rawPath());
          assertThat(actual.rawQuery()).as("query").isEqualTo(expected.rawQuery());
          assertThat(actual.headers()).as("headers").isEqualTo(expected.headers());
          assertThat(actual.bodyText()).as("body").isEqualTo(expected.bodyText());
          assertThat(actual.body()).as("body bytes").isEqualTo(expected.body());
        });
  }

  @Test
  @DisplayName("A zone identifier goes into the path as it is, and a value outside RFC 3986's unreserved set is percent-encoded")
  void pathValuesArePercentEncodedAsFeignDoes() {
    server.dispatch(r -> Reply.json(200, V2_BATCH_DELETE_200));
    routes.v2Delete().call(ZONE, List.of("192.0.2.1"));
    assertThat(server.takeRequest().rawPath())
        .isEqualTo("/client/v4/zones/" + ZONE + "/origin/cloud_regions/batch");

    StringBuilder out = new StringBuilder();
    DirectRoute.encode("a:b@c+d é~", out);
    assertThat(out).hasToString("a%3Ab%40c%2Bd%20%C3%A9~");
  }

  /** Answers that are not a plain success: each must end both ways alike. */
  static final List<Reply> ANSWERS =
      List.of(
          Reply.json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"succeeded\":[],\"failed\":[]}}"),
          Reply.empty(200),
          Reply.empty(204),
          Reply.json(200, "{\"success\":true,"),
          Reply.json(200, "[1,2,3]"),
          Reply.json(200, "{\"success\":true,\"result\":{\"modified_on\":\"yesterday\",\"value\":{},"
              + "\"succeeded\":[{\"origin_ip\":1,\"origin-ip\":[]}]}}"),
          Reply.text(200, "text/html", "<html>ok</html>"),
          Reply.json(200, "{\"success\":false,\"errors\":[{\"code\":1141,\"message\":\"internal\"}],\"result\":null}"),
          Reply.json(400, Fixtures.error(1190, "a JSON array of IP strings is required")),
          Reply.json(403, Fixtures.error(1164, "too many mappings")),
          Reply.json(404, Fixtures.NOT_FOUND_1142),
          Reply.json(429, Fixtures.error(971, "rate limited")).withHeader("Retry-After", "17"),
          Reply.json(429, "{}").withHeader("Retry-After", "99999999999999999999999"),
          Reply.text(500, "text/plain", "upstream connect error"),
          Reply.json(503, Fixtures.error(1141, "try again")).withHeader("cf-ray", "8a1b2c3d4e5f6789-SJC"),
          Reply.empty(302).withHeader("Location", "https://example.com/"),
          Reply.text(401, "text/html", "<html>no</html>"));

  @ParameterizedTest
  @EnumSource(Operation.class)
  @DisplayName("Every kind of answer ends the same way through the route as through Feign: the same model, or the same exception and message")
  void everyAnswerEndsAsThroughFeign(Operation operation) {
    for (Reply answer : ANSWERS) {
      server.dispatch(r -> answer);
      Object expected = outcome(() -> operation.viaFeign(feign, ZONE, List.of("192.0.2.1", "2001:db8::1")));
      Object actual = outcome(() -> operation.viaRoute(routes, ZONE, List.of("192.0.2.1", "2001:db8::1")));
      assertThat(actual).as("%s answered %s", operation, answer).isEqualTo(expected);
    }
    assertThat(server.dispatchFailures()).isEmpty();
  }

  @Test
  @DisplayName("A plain success decodes to the same generated model both ways")
  void aSuccessDecodesToTheSameModel() {
    for (Operation operation : Operation.values()) {
      server.dispatch(r -> Reply.json(200, operation.okAnswer));
      Object viaFeign = operation.viaFeign(feign, ZONE, List.of("192.0.2.1"));
      Object viaRoute = operation.viaRoute(routes, ZONE, List.of("192.0.2.1"));
      assertThat(viaRoute).as("%s", operation).isNotNull().isEqualTo(viaFeign);
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  @DisplayName("A request that gets no answer (connection refused) throws Feign's RetryableException with the same message and cause")
  void noAnswerThrowsWhatFeignThrows(Operation operation) throws IOException {
    String base = "http://127.0.0.1:" + closedPort() + "/client/v4";
    OriginCloudRegionsApi deadFeign = OriginCloudRegions.feign(transport, mapper, Duration.ofSeconds(5), Duration.ofSeconds(5), base);
    BatchRoutes deadRoutes = BatchRoutes.of(mapper, transport, base, Duration.ofSeconds(5).toNanos());

    Object expected = outcome(() -> operation.viaFeign(deadFeign, ZONE, List.of("192.0.2.1")));
    Object actual = outcome(() -> operation.viaRoute(deadRoutes, ZONE, List.of("192.0.2.1")));

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.toString()).startsWith("RetryableException").contains("ConnectException");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  @DisplayName("An answer over maxResponseBytes fails the same way both ways: no answer, the limit named, nothing buffered")
  void anAnswerOverTheCapFailsAsThroughFeign(Operation operation) {
    JdkTransport capped = transport(64);
    OriginCloudRegionsApi cappedFeign =
        OriginCloudRegions.feign(capped, mapper, Duration.ofSeconds(5), Duration.ofSeconds(5), server.baseUrl());
    BatchRoutes cappedRoutes = BatchRoutes.of(mapper, capped, server.baseUrl(), Duration.ofSeconds(5).toNanos());
    for (Reply answer : List.of(Reply.json(200, operation.okAnswer), Reply.json(200, operation.okAnswer).chunked())) {
      server.dispatch(r -> answer);
      Object expected = outcome(() -> operation.viaFeign(cappedFeign, ZONE, List.of("192.0.2.1")));
      Object actual = outcome(() -> operation.viaRoute(cappedRoutes, ZONE, List.of("192.0.2.1")));
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.toString()).startsWith("RetryableException").contains("limit of 64 bytes (maxResponseBytes)");
    }
  }

  @Test
  @DisplayName("An operation the routes cannot send as Feign would (a query, no body, nothing called) fails when the client is built")
  void unsupportedOperationsFailAtBuildTime() {
    String base = server.baseUrl();
    assertThatThrownBy(() -> DirectRoute.of(api -> api.originCloudRegionsV2List(null, null, null), mapper, transport, base, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("originCloudRegionsV2List")
        .hasMessageContaining("query");
    assertThatThrownBy(() -> DirectRoute.of(api -> api.originCloudRegionsV2Get(null, null), mapper, transport, base, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no body parameter");
    assertThatThrownBy(() -> DirectRoute.of(api -> null, mapper, transport, base, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not call");
    assertThat(routes.v2Delete()).hasToString("DELETE /zones/{}/origin/cloud_regions/batch");
    assertThat(routes.v1Upsert()).hasToString("PATCH /zones/{}/cache/origin_cloud_regions/batch");
  }

  /**
   * How a call ended, comparably: the answer, or the exception's kind as {@link Caller} reads it, its
   * message, status and cause class (for an {@link HttpError}, its status, errors and Retry-After).
   */
  static Object outcome(java.util.function.Supplier<Object> call) {
    try {
      return call.get();
    } catch (HttpError e) {
      return "HttpError " + e.status + " " + e.errors + " " + e.retryAfter;
    } catch (FeignException e) {
      // Caller tells only these two apart: no answer (retryable), or an answer it cannot read.
      String kind = e instanceof RetryableException ? "RetryableException" : "FeignException (unreadable)";
      Throwable cause = e.getCause();
      return kind + ": " + e.getMessage() + " / status " + e.status() + " / cause "
          + (cause == null ? null : cause.getClass().getName());
    }
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

}
