package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** E1–E5: the envelope, content type, routing errors, malformed input and body size. */
class EnvelopeAndTransportTest extends ServerTestSupport {

  private static final String FULL_LIST_CHECK = "full list";

  @Test
  @DisplayName("E1: a success has success true, empty errors and messages, and the result")
  void successEnvelope() {
    RawHttp.Reply reply = http.get(zonePath(newZone()));
    JsonNode json = reply.json();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(json.path("success").asBoolean()).isTrue();
    assertThat(json.path("errors").isArray() && json.path("errors").isEmpty()).as("errors in %s", json).isTrue();
    assertThat(json.path("messages").isArray() && json.path("messages").isEmpty()).as("messages in %s", json).isTrue();
    assertThat(json.path("result").isObject()).as("result in %s", json).isTrue();
  }

  @Test
  @DisplayName("E1: a failure has success false, one error with code >= 1000 and a message, and result null")
  void failureEnvelope() {
    RawHttp.Reply reply = http.get(zonePath(newZone()) + "/192.0.2.1");
    JsonNode json = reply.json();
    assertThat(reply.status()).isEqualTo(404);
    assertThat(json.path("success").asBoolean(true)).isFalse();
    assertThat(json.path("errors")).hasSize(1);
    assertThat(json.path("errors").get(0).path("code").asInt()).isGreaterThanOrEqualTo(1000);
    assertThat(json.path("errors").get(0).path("message").asText()).isNotBlank();
    assertThat(json.has("result") && json.get("result").isNull()).as("result in %s", json).isTrue();
  }

  static Stream<Arguments> answersOfEveryKind() {
    String zone = zonePath("023e105f4ecef8ad9ca31a8372d0c353");
    return Stream.of(
        Arguments.of("GET", zone, null, true, 200),
        Arguments.of("GET", zone + "/supported_regions", null, true, 200),
        Arguments.of("DELETE", zone + "/batch", "[]", true, 200),
        Arguments.of("GET", zone + "/192.0.2.200", null, true, 404),
        Arguments.of("GET", zone + "/not-an-ip", null, true, 400),
        Arguments.of("GET", zonePath("NOT-A-ZONE"), null, true, 400),
        Arguments.of("GET", zone, null, false, 401),
        Arguments.of("PUT", zone, null, true, 405),
        Arguments.of("GET", "/nowhere", null, true, 404),
        Arguments.of("DELETE", zone + "/batch", "{", true, 400));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} -> {4}")
  @MethodSource("answersOfEveryKind")
  @DisplayName("E2: every answer, errors included, is Content-Type: application/json")
  void everyAnswerIsJson(String method, String path, String body, boolean authenticated, int status) {
    RawHttp.Call call = http.call(method, path);
    if (body != null) {
      call.body(body);
    }
    if (!authenticated) {
      call.anonymous();
    }
    RawHttp.Reply reply = call.send();
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/json");
    reply.json();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("E3: an unknown path answers 404 with code 7000, before credentials are looked at")
  @CsvSource({
      "/nowhere",
      "/zones",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions/",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions/192.0.2.1/extra",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/origin/cloud_region",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/origin",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/origin/cloud_regions/",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/origin/cloud_regions/batch/x",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/origin/origin_cloud_regions",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/cloud_regions",
      "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_region",
      "/ZONES/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions",
  })
  void unknownPath(String path) {
    RawHttp.Reply withCredentials = http.get(path);
    assertThat(withCredentials.status()).isEqualTo(404);
    assertThat(withCredentials.errorCode()).isEqualTo(7000);
    RawHttp.Reply withoutCredentials = http.call("GET", path).anonymous().send();
    assertThat(withoutCredentials.status()).isEqualTo(404);
    assertThat(withoutCredentials.errorCode()).isEqualTo(7000);
  }

  @Test
  @DisplayName("E3: a path outside the base path answers 404 with code 7000")
  void outsideTheBasePath() {
    URI root = URI.create("http://127.0.0.1:" + server.port());
    RawHttp rootHttp = new RawHttp(root, TOKEN, server.baseUrl().getPath());
    for (String path : List.of("/", "/client/v5" + zonePath(newZone()), zonePath(newZone()), "/client/v4")) {
      RawHttp.Reply reply = rootHttp.get(path);
      assertThat(reply.status()).as("GET %s", path).isEqualTo(404);
      assertThat(reply.errorCode()).as("GET %s", path).isEqualTo(7000);
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @DisplayName("E3: a known path with a wrong method answers 405 with code 7001 and Allow")
  @CsvSource({
      "PUT,    /,                    'GET, POST, PATCH'",
      "DELETE, /,                    'GET, POST, PATCH'",
      "GET,    /batch,               'PATCH, DELETE'",
      "POST,   /batch,               'PATCH, DELETE'",
      "PUT,    /batch,               'PATCH, DELETE'",
      "POST,   /supported_regions,   GET",
      "DELETE, /supported_regions,   GET",
      "PATCH,  /192.0.2.1,           'GET, DELETE'",
      "POST,   /192.0.2.1,           'GET, DELETE'",
      "OPTIONS, /,                   'GET, POST, PATCH'",
  })
  void wrongMethod(String method, String suffix, String allowed) {
    String path = zonePath(newZone()) + (suffix.equals("/") ? "" : suffix);
    RawHttp.Reply reply = http.call(method, path).send();
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.errorCode()).isEqualTo(7001);
    assertThat(reply.headers().firstValue("Allow")).contains(allowed);
    RawHttp.Reply anonymous = http.call(method, path).anonymous().send();
    assertThat(anonymous.status()).as("405 comes before credentials").isEqualTo(405);
  }

  @Test
  @DisplayName("E4, E5: a body of exactly 1 MiB is read; one byte more answers 413 with code 1192 and changes nothing")
  void bodySizeLimit() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(docIpv4(1))));
    String before = http.get(zonePath(zone)).body();
    String item = Fixtures.jsonStrings(List.of(docIpv4(1)));
    String exact = item.substring(0, item.length() - 1) + " ".repeat(Bodies.MAX_BODY_BYTES - item.length()) + "]";
    assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(1 << 20);

    RawHttp.Reply tooLarge = http.send("DELETE", zonePath(zone) + "/batch", exact + " ");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorCode()).isEqualTo(1192);
    assertThat(http.get(zonePath(zone)).body()).as(FULL_LIST_CHECK).isEqualTo(before);

    RawHttp.Reply accepted = http.send("DELETE", zonePath(zone) + "/batch", exact);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.result().path("value").path("succeeded")).hasSize(1);
  }

  @Test
  @DisplayName("E4: bodies over 1 MiB, sent again and again on kept-alive connections, always get their 413, never a dropped connection")
  void oversizedBodiesNeverDropTheConnection() {
    String zone = newZone();
    for (int size : List.of(Bodies.MAX_BODY_BYTES + 1, 2 << 20, 6 << 20)) {
      String body = "[" + " ".repeat(size - 2) + "]";
      for (int i = 0; i < 8; i++) {
        RawHttp.Reply reply = http.send("DELETE", zonePath(zone) + "/batch", body);
        assertThat(reply.status()).as("attempt %d with %d bytes", i, size).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo(1192);
        assertThat(http.get(zonePath(zone)).status()).as("the next request").isEqualTo(200);
      }
    }
  }

  @Test
  @DisplayName("E4: a large body sent to an operation that reads none (GET, single DELETE) still gets its answer, never a dropped connection")
  void unneededBodiesNeverDropTheConnection() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(docIpv4(1))));
    String body = "[" + " ".repeat((512 << 10) - 2) + "]";
    for (int i = 0; i < 12; i++) {
      RawHttp.Reply list = http.send("GET", zonePath(zone), body);
      assertThat(list.status()).as("GET with a 512 KiB body, attempt %d", i).isEqualTo(200);
      RawHttp.Reply missing = http.send("DELETE", zonePath(zone) + "/" + docIpv4(2), body);
      assertThat(missing.status()).as("single DELETE with a 512 KiB body, attempt %d", i).isEqualTo(404);
      assertThat(missing.errorCode()).isEqualTo(1142);
    }
    assertThat(http.get(zonePath(zone)).result().path("value")).as("nothing changed").hasSize(1);
  }

  @Test
  @DisplayName("E4: a chunked body over 1 MiB (no Content-Length) answers 413 with code 1192, and nothing changes")
  void chunkedBodyOverTheLimit() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(docIpv4(1))));
    String before = http.get(zonePath(zone)).body();
    byte[] start = ("[\"" + docIpv4(1) + "\"").getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
        new ByteArrayInputStream(start), new RepeatingStream(" ".getBytes(StandardCharsets.US_ASCII), 3 << 20)));
    RawHttp.Reply reply = http.call("DELETE", zonePath(zone) + "/batch").body(chunked).send();
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo(1192);
    assertThat(http.get(zonePath(zone)).body()).as(FULL_LIST_CHECK).isEqualTo(before);
  }

  @Test
  @DisplayName("E4: a declared Content-Length over 1 MiB answers 413 before the body is sent")
  void declaredLengthIsJudgedBeforeReading() throws IOException {
    String request = "DELETE /client/v4" + zonePath(newZone()) + "/batch HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: 104857600\r\n\r\n[\"192.0.2.1\"";
    // Only a few bytes of the declared 100 MiB are ever sent: an answer proves the body was not read whole.
    RawSocket.Response response = RawSocket.exchange(server.port(), request.getBytes(StandardCharsets.US_ASCII));
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    SpecValidator.instance().assertConforms("DELETE", zonePath("023e105f4ecef8ad9ca31a8372d0c353") + "/batch",
        response.status(), response.header("Content-Type"), response.body());
    assertThat(response.body()).contains("\"code\":1192");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("E2, E4: requests Jetty itself refuses still get a 4xx JSON envelope")
  @CsvSource(delimiter = '|', textBlock = """
      bad request line        | GARBAGE\\r\\n\\r\\n                                                        | 400
      unknown HTTP version    | GET /client/v4/x HTTP/3.0\\r\\nHost: a\\r\\n\\r\\n                         | 400
      missing Host            | GET /client/v4/x HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n               | 400
      malformed header        | GET /client/v4/x HTTP/1.1\\r\\nHost: a\\r\\nBad Header\\r\\n\\r\\n          | 400
      length and chunked      | POST /x HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400
      bad percent encoding    | GET /client/v4/%zz HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                       | 400
      """)
  void protocolErrors(String name, String request, int status) throws IOException {
    String bytes = request.replace("\\r\\n", "\r\n");
    RawSocket.Response response = RawSocket.exchange(server.port(), bytes.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(response.status()).as(name).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(name).isEqualTo("application/json");
    assertThat(response.header("Cache-Control")).as(name).isEqualTo("no-store");
    assertThat(response.body()).as(name).contains("\"code\":" + JsonErrorHandler.CODE);
    SpecValidator.instance().assertConforms("GET", "/unparseable", response.status(), response.header("Content-Type"),
        response.body());
  }

  @Test
  @DisplayName("E2, E4: a header section or URI too large gets a 4xx JSON envelope")
  void oversizedHeadersAndUris() throws IOException {
    String bigHeader = "GET /client/v4/x HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";
    String bigUri = "GET /client/v4/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    for (String request : List.of(bigHeader, bigUri)) {
      RawSocket.Response response = RawSocket.exchange(server.port(), request.getBytes(StandardCharsets.US_ASCII));
      assertThat(response.status()).isBetween(400, 499);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      SpecValidator.instance().assertConforms("GET", "/unparseable", response.status(), response.header("Content-Type"),
          response.body());
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1}: {2}")
  @DisplayName("E4, E5: malformed bodies answer 400 with a precise code and change nothing")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      DELETE | /batch | ``                                   | 1190
      DELETE | /batch | `   `                                | 1190
      DELETE | /batch | `[`                                  | 1190
      DELETE | /batch | `["192.0.2.1"] x`                     | 1190
      DELETE | /batch | `["192.0.2.1"] []`                    | 1190
      DELETE | /batch | `null`                               | 1190
      DELETE | /batch | `"192.0.2.1"`                        | 1190
      DELETE | /batch | `{"ips": ["192.0.2.1"]}`             | 1190
      DELETE | /batch | `[1]`                                | 1190
      DELETE | /batch | `["192.0.2.1", null]`                | 1190
      DELETE | /batch | `[["192.0.2.1"]]`                    | 1190
      DELETE | /batch | `[{"ip": "192.0.2.1"}]`              | 1190
      DELETE | /batch | `['192.0.2.1']`                      | 1190
      DELETE | /batch | `["192.0.2.1",]`                     | 1190
      DELETE | /batch | `[true]`                             | 1190
      PATCH  | /batch | ``                                   | 1190
      PATCH  | /batch | `{}`                                 | 1190
      PATCH  | /batch | `["192.0.2.1"]`                      | 1190
      PATCH  | /batch | `[{"ip": "192.0.2.1", "vendor": "aws"}]`                             | 1190
      PATCH  | /batch | `[{"ip": 3221225985, "vendor": "aws", "region": "us-east-1"}]`       | 1190
      PATCH  | /batch | `[{"ip": "192.0.2.1", "vendor": null, "region": "us-east-1"}]`       | 1190
      PATCH  | /batch | `[{"ip": "192.0.2.1", "ip": "192.0.2.2", "vendor": "aws", "region": "us-east-1"}]` | 1190
      POST   |        | ``                                   | 1190
      POST   |        | `[]`                                 | 1190
      POST   |        | `{"ip": "192.0.2.1"`                 | 1190
      POST   |        | `{"vendor": "aws", "region": "us-east-1"}`              | 1146
      POST   |        | `{"ip": 7, "vendor": "aws", "region": "us-east-1"}`     | 1146
      POST   |        | `{"ip": "192.0.2.1", "region": "us-east-1"}`            | 1157
      POST   |        | `{"ip": "192.0.2.1", "vendor": "aws", "region": 1}`     | 1157
      PATCH  |        | ``                                   | 1190
      PATCH  |        | `"192.0.2.1"`                        | 1190
      PATCH  |        | `{"ip": "192.0.2.1", "vendor": "aws", "region": "us-east-1"} {}` | 1190
      PATCH  |        | `{"ip": "010.0.0.1", "vendor": "aws", "region": "us-east-1"}`    | 1146
      """)
  void malformedBodies(String method, String suffix, String body, int code) {
    String zone = newZone();
    suffix = suffix == null ? "" : suffix;
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(docIpv4(1), docIpv4(2))));
    String before = http.get(zonePath(zone)).body();
    RawHttp.Reply reply = body.isEmpty()
        ? http.call(method, zonePath(zone) + suffix).send()
        : http.send(method, zonePath(zone) + suffix, body);
    assertThat(reply.status()).as("status for %s", body).isEqualTo(400);
    assertThat(reply.errorCode()).as("code for %s", body).isEqualTo(code);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).isNotBlank();
    assertThat(http.get(zonePath(zone)).body()).as(FULL_LIST_CHECK).isEqualTo(before);
  }

  @Test
  @DisplayName("E4: deeply nested JSON is refused as malformed, not with a 5xx")
  void deeplyNestedJson() {
    String body = "[".repeat(100_000) + "]".repeat(100_000);
    RawHttp.Reply reply = http.send("DELETE", zonePath(newZone()) + "/batch", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1190);
  }

  @Test
  @DisplayName("E4, E5: arbitrary text as a body never answers 5xx, and a refusal changes nothing")
  void arbitraryBodiesNeverBreakTheServer() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(docIpv4(1))));
    String before = http.get(zonePath(zone)).body();
    qt().withExamples(150).forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(body -> {
      for (String method : List.of("DELETE", "PATCH")) {
        RawHttp.Reply reply = http.send(method, zonePath(zone) + "/batch", body);
        assertThat(reply.status()).as("%s %s", method, body).isIn(200, 400);
        if (reply.status() == 400) {
          assertThat(reply.errorCode()).isIn(1190, 1191);
        }
      }
      RawHttp.Reply create = http.send("POST", zonePath(zone), body);
      assertThat(create.status()).as("POST %s", body).isEqualTo(400);
      assertThat(http.get(zonePath(zone)).body()).as(FULL_LIST_CHECK).isEqualTo(before);
    });
  }

  /** An endless-looking stream of one repeated pattern, {@code total} bytes long. */
  private static final class RepeatingStream extends InputStream {
    private final byte[] pattern;
    private long remaining;
    private int position;

    RepeatingStream(byte[] pattern, long total) {
      this.pattern = pattern;
      this.remaining = total;
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      byte b = pattern[position];
      position = (position + 1) % pattern.length;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = pattern[position];
        position = (position + 1) % pattern.length;
      }
      remaining -= n;
      return n;
    }
  }
}
