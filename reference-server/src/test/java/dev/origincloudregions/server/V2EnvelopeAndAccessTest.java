package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.v2Entry;
import static dev.origincloudregions.server.Fixtures.v2PutBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sections 1 to 3 (E1–E5, A1–A2, Z1) hold for the v2 paths as for v1's. */
class V2EnvelopeAndAccessTest extends ServerTestSupport {

  /** Every v2 operation: method, path suffix, a well-formed body (or null). */
  static Stream<Arguments> operations() {
    return Stream.of(
        Arguments.of("GET", "", null),
        Arguments.of("GET", "/192.0.2.1", null),
        Arguments.of("PUT", "/192.0.2.1", v2Entry("192.0.2.1", "gcp", "us-central1")),
        Arguments.of("DELETE", "/192.0.2.1", null),
        Arguments.of("PUT", "/batch", v2PutBody(List.of("192.0.2.1", "192.0.2.2"), "gcp", "us-central1")),
        Arguments.of("DELETE", "/batch", "[\"192.0.2.1\"]"),
        Arguments.of("GET", "/supported_regions", null));
  }

  private static String seeded() {
    String zone = newZone();
    http.send("PUT", v2Path(zone) + "/batch", v2PutBody(List.of("192.0.2.1")));
    return zone;
  }

  private static String state(String zone) {
    return http.get(zonePath(zone)).body();
  }

  private static RawHttp.Call call(String method, String path, String body) {
    RawHttp.Call call = http.call(method, path);
    return body == null ? call : call.body(body);
  }

  @ParameterizedTest(name = "[{index}] {0} ...{1}")
  @MethodSource("operations")
  @DisplayName("A2, E1, E2, E5: without credentials every v2 operation answers 401/10000 as a JSON envelope; wrong ones 403")
  void credentials(String method, String suffix, String body) {
    String zone = seeded();
    String before = state(zone);
    RawHttp.Reply missing = call(method, v2Path(zone) + suffix, body).anonymous().send();
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.errorCode()).isEqualTo(10000);
    assertThat(missing.contentType()).isEqualTo("application/json");
    RawHttp.Reply wrong = call(method, v2Path(zone) + suffix, body).anonymous()
        .header("Authorization", "Bearer wrong").send();
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.errorCode()).isEqualTo(10000);
    RawHttp.Reply keyWithoutEmail = call(method, v2Path(zone) + suffix, body).anonymous().header("X-Auth-Key", TOKEN).send();
    assertThat(keyWithoutEmail.status()).isEqualTo(403);
    assertThat(state(zone)).isEqualTo(before);
    RawHttp.Reply accepted = call(method, v2Path(zone) + suffix, body).anonymous()
        .header("X-Auth-Email", "user@example.com").header("X-Auth-Key", TOKEN).send();
    assertThat(accepted.status()).as("A1: X-Auth-Key with an email").isEqualTo(200);
    assertThat(accepted.contentType()).isEqualTo("application/json");
    assertThat(accepted.json().path("success").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0} ...{1}")
  @MethodSource("operations")
  @DisplayName("Z1: a malformed zone_id answers 400/7003 on every v2 operation, after credentials")
  void malformedZone(String method, String suffix, String body) {
    for (String zone : List.of("023E105F4ECEF8AD9CA31A8372D0C353", "not-a-zone", "023e105f4ecef8ad9ca31a8372d0c35")) {
      RawHttp.Reply reply = call(method, v2Path(zone) + suffix, body).send();
      assertThat(reply.status()).as("zone %s", zone).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo(7003);
      assertThat(call(method, v2Path(zone) + suffix, body).anonymous().send().status()).isEqualTo(401);
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @DisplayName("E3: a wrong method on a v2 path answers 405/7001 with Allow listing the path's methods, before credentials")
  @CsvSource({
      "POST,    /,                  GET",
      "PATCH,   /,                  GET",
      "PUT,     /,                  GET",
      "DELETE,  /,                  GET",
      "GET,     /batch,             'PUT, DELETE'",
      "POST,    /batch,             'PUT, DELETE'",
      "PATCH,   /batch,             'PUT, DELETE'",
      "POST,    /192.0.2.1,         'GET, PUT, DELETE'",
      "PATCH,   /192.0.2.1,         'GET, PUT, DELETE'",
      "OPTIONS, /192.0.2.1,         'GET, PUT, DELETE'",
      "PUT,     /supported_regions, GET",
      "DELETE,  /supported_regions, GET",
  })
  void wrongMethod(String method, String suffix, String allowed) {
    String zone = seeded();
    String before = state(zone);
    String path = v2Path(zone) + (suffix.equals("/") ? "" : suffix);
    RawHttp.Reply reply = http.call(method, path).body("[]").send();
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.errorCode()).isEqualTo(7001);
    assertThat(reply.headers().firstValue("Allow")).contains(allowed);
    assertThat(http.call(method, path).anonymous().send().status()).isEqualTo(405);
    assertThat(state(zone)).isEqualTo(before);
  }

  @ParameterizedTest(name = "[{index}] {0} ...{1}")
  @DisplayName("E4, E5: a v2 body over 1 MiB answers 413/1192 and changes nothing; exactly 1 MiB is read")
  @CsvSource({"PUT, /192.0.2.1", "PUT, /batch", "DELETE, /batch"})
  void bodySizeLimit(String method, String suffix) {
    String zone = seeded();
    String before = state(zone);
    String body = method.equals("DELETE") ? "[\"192.0.2.1\"]"
        : suffix.equals("/batch") ? v2PutBody(List.of("192.0.2.1")) : v2Entry("192.0.2.1", "aws", "us-east-1");
    String exact = body + " ".repeat(Bodies.MAX_BODY_BYTES - body.length());
    assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(1 << 20);
    RawHttp.Reply tooLarge = http.send(method, v2Path(zone) + suffix, exact + " ");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorCode()).isEqualTo(1192);
    assertThat(state(zone)).isEqualTo(before);
    assertThat(http.send(method, v2Path(zone) + suffix, exact).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("E4: a 413 comes before VP1's checks: an oversized put with an invalid path IP still answers 413")
  void sizeBeforePathIp() {
    RawHttp.Reply reply = http.send("PUT", v2Path(newZone()) + "/not-an-ip", "{" + " ".repeat(Bodies.MAX_BODY_BYTES) + "}");
    assertThat(reply.status()).isEqualTo(413);
  }
}
