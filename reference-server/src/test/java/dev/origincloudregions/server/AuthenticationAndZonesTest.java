package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A1–A3 (credentials, never echoing the token) and Z1–Z2 (zone identifiers, isolation). */
class AuthenticationAndZonesTest extends ServerTestSupport {

  /** A zone holding one mapping, and its list as it was. */
  private record Seeded(String zone, String list) {}

  private static Seeded seeded() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(docIpv4(1))));
    return new Seeded(zone, http.get(zonePath(zone)).body());
  }

  @Test
  @DisplayName("A1: the secret is accepted as a Bearer token, in any case of the scheme")
  void bearerToken() {
    for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
      RawHttp.Reply reply = http.call("GET", zonePath(newZone())).anonymous()
          .header("Authorization", scheme + " " + TOKEN).send();
      assertThat(reply.status()).as("scheme %s", scheme).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("A1: the secret is accepted as X-Auth-Key with any non-empty X-Auth-Email")
  void emailAndKey() {
    Seeded seeded = seeded();
    RawHttp.Reply reply = http.call("DELETE", zonePath(seeded.zone()) + "/batch").anonymous()
        .header("X-Auth-Email", "user@example.com").header("X-Auth-Key", TOKEN)
        .body("[\"" + docIpv4(1) + "\"]").send();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("value").path("succeeded")).hasSize(1);
  }

  @Test
  @DisplayName("A2: no credentials answer 401 with code 10000 and change nothing")
  void missingCredentials() {
    Seeded seeded = seeded();
    for (String[] header : List.of(new String[] {"X-Other", "x"}, new String[] {"X-Auth-Email", "user@example.com"})) {
      RawHttp.Reply reply = http.call("DELETE", zonePath(seeded.zone()) + "/batch").anonymous()
          .header(header[0], header[1]).body("[\"" + docIpv4(1) + "\"]").send();
      assertThat(reply.status()).as("with only %s", header[0]).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo(10000);
      assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo("Authentication error");
      assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
    assertThat(http.get(zonePath(seeded.zone())).body()).isEqualTo(seeded.list());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("A2: wrong credentials answer 403 with code 10000 and change nothing")
  @CsvSource(delimiter = '|', textBlock = """
      wrong bearer token          | Authorization  | Bearer wrong-token   |              |
      token with a suffix         | Authorization  | Bearer TOKENx        |              |
      token as a prefix           | Authorization  | Bearer test-token    |              |
      empty bearer token          | Authorization  | Bearer               |              |
      basic scheme                | Authorization  | Basic TOKEN          |              |
      bare token                  | Authorization  | TOKEN                |              |
      wrong key                   | X-Auth-Key     | wrong-key            | X-Auth-Email | user@example.com
      right key, no email         | X-Auth-Key     | TOKEN                |              |
      right key, blank email      | X-Auth-Key     | TOKEN                | X-Auth-Email | ' '
      """)
  void wrongCredentials(String name, String header, String value, String otherHeader, String otherValue) {
    Seeded seeded = seeded();
    RawHttp.Call call = http.call("DELETE", zonePath(seeded.zone()) + "/batch").anonymous()
        .header(header, value.replace("TOKEN", TOKEN)).body("[\"" + docIpv4(1) + "\"]");
    if (otherHeader != null) {
      call.header(otherHeader, otherValue == null ? "" : otherValue);
    }
    RawHttp.Reply reply = call.send();
    assertThat(reply.status()).as(name).isEqualTo(403);
    assertThat(reply.errorCode()).as(name).isEqualTo(10000);
    assertThat(http.get(zonePath(seeded.zone())).body()).as(name + ": zone unchanged").isEqualTo(seeded.list());
  }

  @Test
  @DisplayName("A3: the token is never echoed in a response, nor written to the request log")
  void tokenNeverEchoed() {
    String zone = newZone();
    List<RawHttp.Reply> replies = new ArrayList<>();
    // Answers of every kind, the token sent right and wrong, and even in the path, query and body.
    // (A batch item's text is echoed as sent by BD6 whatever it is, so it is not sent there.)
    replies.add(http.get(zonePath(zone)));
    replies.add(http.get(zonePath(zone) + "/" + TOKEN));
    replies.add(http.get(zonePath(zone) + "/192.0.2.1?token=" + TOKEN));
    replies.add(http.send("DELETE", zonePath(zone) + "/batch", "[\"192.0.2.1\", " + TOKEN + "]"));
    replies.add(http.send("PATCH", zonePath(zone) + "/batch", "[{\"ip\":\"" + TOKEN + "\"}]"));
    replies.add(http.send("POST", zonePath(zone), "{\"ip\":\"192.0.2.1\",\"vendor\":\"" + TOKEN + "\",\"region\":\"x\"}"));
    replies.add(http.get("/" + TOKEN));
    replies.add(http.get(zonePath(TOKEN)));
    replies.add(http.call("PUT", zonePath(zone)).send());
    replies.add(http.call("GET", zonePath(zone)).anonymous().header("Authorization", "Bearer " + TOKEN + "x").send());
    replies.add(http.call("GET", zonePath(zone)).anonymous().header("X-Auth-Key", TOKEN).send());
    for (RawHttp.Reply reply : replies) {
      assertThat(reply.body()).doesNotContain(TOKEN);
      assertThat(reply.headers().map().toString()).doesNotContain(TOKEN);
    }
    assertThat(REQUEST_LOG).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
    assertThat(REQUEST_LOG).anySatisfy(line -> assertThat(line).contains(Redaction.REDACTED));
  }

  @Test
  @DisplayName("The request log has one line per request: method, path, status and duration")
  void requestLogLine() {
    String zone = newZone();
    int before = REQUEST_LOG.size();
    http.get(zonePath(zone) + "/192.0.2.1");
    assertThat(REQUEST_LOG).hasSize(before + 1);
    assertThat(REQUEST_LOG.get(before)).matches(
        Pattern.quote("GET /client/v4" + zonePath(zone) + "/192.0.2.1 404 ") + "\\d+\\.\\d{3}ms");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @DisplayName("Z1: a zone_id other than 32 lowercase hex digits answers 400 with code 7003 and changes nothing")
  @ValueSource(strings = {
      "023e105f4ecef8ad9ca31a8372d0c35", "023e105f4ecef8ad9ca31a8372d0c3533", "023E105F4ECEF8AD9CA31A8372D0C353",
      "023e105f4ecef8ad9ca31a8372d0c35g", "zone", "", "%20023e105f4ecef8ad9ca31a8372d0c35",
      "023e105f-4ecef8ad9ca31a8372d0c353", "0123456789abcdef0123456789abcdef0123456789abcdef"})
  void malformedZoneId(String zoneId) {
    List<RawHttp.Reply> replies = List.of(
        http.get(zonePath(zoneId)),
        http.get(zonePath(zoneId) + "/supported_regions"),
        http.get(zonePath(zoneId) + "/192.0.2.1"),
        http.call("DELETE", zonePath(zoneId) + "/192.0.2.1").send(),
        http.send("POST", zonePath(zoneId), "{\"ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}"),
        http.send("PATCH", zonePath(zoneId), "{\"ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}"),
        http.send("PATCH", zonePath(zoneId) + "/batch", upsertBody(List.of("192.0.2.1"))),
        http.send("DELETE", zonePath(zoneId) + "/batch", "[\"192.0.2.1\"]"));
    for (RawHttp.Reply reply : replies) {
      assertThat(reply.status()).as("zone '%s'", zoneId).isEqualTo(400);
      assertThat(reply.errorCode()).as("zone '%s'", zoneId).isEqualTo(7003);
    }
  }

  @Test
  @DisplayName("Z1: credentials are judged before the zone identifier")
  void credentialsBeforeZone() {
    RawHttp.Reply reply = http.call("GET", zonePath("bad")).anonymous().send();
    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Z2: every well-formed zone exists and starts empty")
  void everyZoneStartsEmpty() {
    RawHttp.Reply reply = http.get(zonePath(newZone()));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("value")).isEmpty();
    assertThat(reply.result().path("modified_on").isNull()).isTrue();
  }

  @Test
  @DisplayName("Z2: nothing done in one zone is visible in another")
  void zonesAreIsolated() {
    String a = newZone();
    String b = newZone();
    http.send("PATCH", zonePath(b) + "/batch", upsertBody(List.of(docIpv4(7))));
    String bBefore = http.get(zonePath(b)).body();

    http.send("PATCH", zonePath(a) + "/batch", upsertBody(List.of(docIpv4(1), docIpv4(7))));
    assertThat(http.get(zonePath(b) + "/" + docIpv4(1)).status()).isEqualTo(404);
    assertThat(http.get(zonePath(b)).body()).isEqualTo(bBefore);

    RawHttp.Reply deleted = http.send("DELETE", zonePath(a) + "/batch", "[\"" + docIpv4(7) + "\"]");
    assertThat(deleted.result().path("value").path("succeeded")).hasSize(1);
    assertThat(http.get(zonePath(b)).body()).as("zone b after a delete in zone a").isEqualTo(bBefore);
    assertThat(http.get(zonePath(a)).result().path("value")).hasSize(1);
  }
}
