package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.v2Entry;
import static dev.origincloudregions.server.Fixtures.v2PutBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VK1, VP1, VG1 and S1 through the v2 paths, over raw HTTP (every answer checked against the spec). */
class V2MappingsTest extends ServerTestSupport {

  private static RawHttp.Reply put(String zone, String pathIp, String body) {
    return http.send("PUT", v2Path(zone) + "/" + pathIp, body);
  }

  /** The zone as it is, through both families: v1's whole list (with its modified_on) and v2's first page. */
  private static String state(String zone) {
    return http.get(zonePath(zone)).body() + http.get(v2Path(zone) + "?per_page=100").body();
  }

  @Test
  @DisplayName("VP1, VK1: put creates a mapping and answers the flat entry with origin_ip, canonical, and 200")
  void putCreates() {
    String zone = newZone();
    RawHttp.Reply reply = put(zone, "2001:DB8:0:0::1", v2Entry("2001:db8::1", "gcp", "us-central1"));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode entry = reply.result();
    assertThat(entry.path("origin_ip").asText()).isEqualTo("2001:db8::1");
    assertThat(entry.path("vendor").asText()).isEqualTo("gcp");
    assertThat(entry.path("region").asText()).isEqualTo("us-central1");
    OffsetDateTime.parse(entry.path("modified_on").asText());
    List<String> fields = Fixtures.fieldNames(entry);
    assertThat(fields).as("a flat entry").containsExactlyInAnyOrder("origin_ip", "vendor", "region", "modified_on");
    assertThat(reply.body()).doesNotContain("origin-ip").doesNotContain("\"value\"").doesNotContain("\"editable\"");
    assertThat(http.get(v2Path(zone) + "/2001:db8::1").result()).isEqualTo(entry);
  }

  @Test
  @DisplayName("VP1: put replaces, answers 200 again, and every accepted put moves modified_on, even with the same values")
  void putReplaces() {
    String zone = newZone();
    JsonNode first = put(zone, "192.0.2.1", v2Entry("192.0.2.1", "aws", "us-east-1")).result();
    RawHttp.Reply replaced = put(zone, "192.0.2.1", v2Entry("192.0.2.1", "azure", "westeurope"));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.result().path("vendor").asText()).isEqualTo("azure");
    assertThat(replaced.result().path("region").asText()).isEqualTo("westeurope");
    OffsetDateTime firstTime = OffsetDateTime.parse(first.path("modified_on").asText());
    OffsetDateTime secondTime = OffsetDateTime.parse(replaced.result().path("modified_on").asText());
    assertThat(secondTime).isAfter(firstTime);

    JsonNode again = put(zone, "192.0.2.1", v2Entry("192.0.2.1", "azure", "westeurope")).result();
    assertThat(OffsetDateTime.parse(again.path("modified_on").asText())).as("same values again").isAfter(secondTime);
    assertThat(http.get(v2Path(zone)).result()).hasSize(1);
  }

  @ParameterizedTest(name = "[{index}] PUT /{0} with {1}")
  @DisplayName("VP1, IP3: path and body agree when their canonical forms are equal")
  @CsvSource({
      "2001:DB8::1,                    2001:db8::1,              2001:db8::1",
      "2001:db8::1,                    2001:0DB8:0000:0:0:0:0:1, 2001:db8::1",
      "::ffff:c000:201,                ::FFFF:192.0.2.1,         ::ffff:192.0.2.1",
      "192.0.2.1,                      192.0.2.1,                192.0.2.1",
      "2001%3Adb8%3A%3A1,              2001:db8::1,              2001:db8::1",
  })
  void agreementByCanonicalForm(String pathIp, String bodyIp, String canonical) {
    String zone = newZone();
    RawHttp.Reply reply = put(zone, pathIp, v2Entry(bodyIp, "aws", "us-east-1"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("origin_ip").asText()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{index}] PUT /{0} with {1}")
  @DisplayName("VP1, IP3: a body origin_ip that names another address answers 400 code 1146, Cloudflare's text, no change")
  @CsvSource({
      "192.0.2.1,   192.0.2.2",
      "192.0.2.1,   ::ffff:192.0.2.1",
      "2001:db8::1, 2001:db8::2",
      "2001:db8::1, 2001:db8::1:0",
  })
  void mismatch(String pathIp, String bodyIp) {
    String zone = newZone();
    put(zone, "192.0.2.9", v2Entry("192.0.2.9", "aws", "us-east-1"));
    String before = state(zone);
    RawHttp.Reply reply = put(zone, pathIp, v2Entry(bodyIp, "aws", "us-east-1"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1146);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo("body origin_ip does not match URL");
    assertThat(state(zone)).isEqualTo(before);
  }

  /**
   * VP1's order: path IP, body shape, body IP, agreement, vendor/region, zone limit. Each row breaks
   * several checks at once; the first in that order answers.
   */
  @ParameterizedTest(name = "[{index}] PUT /{0} with {1} -> {3}")
  @DisplayName("VP1: checks run in the contract's order, the first failing one answers, and nothing changes")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      not-an-ip   | `[`                                                                    | 400 | 1146 | Invalid or missing origin IP address.
      not-an-ip   | `{"origin_ip":"192.0.2.2","vendor":"ibm","region":"x"}`                | 400 | 1146 | Invalid or missing origin IP address.
      192.0.2.1   | `[`                                                                    | 400 | 1190 | not valid JSON
      192.0.2.1   | ``                                                                     | 400 | 1190 | A request body is required
      192.0.2.1   | `["192.0.2.1"]`                                                        | 400 | 1190 | got an array
      192.0.2.1   | `{"origin-ip":"192.0.2.1","vendor":"aws","region":"us-east-1"}`        | 400 | 1190 | lacks the field origin_ip (it has origin-ip
      192.0.2.1   | `{"ip":"192.0.2.1","vendor":"aws","region":"us-east-1"}`               | 400 | 1190 | lacks the field origin_ip (it has ip
      192.0.2.1   | `{"origin_ip":7,"vendor":"aws","region":"us-east-1"}`                  | 400 | 1190 | has a origin_ip that is a number
      192.0.2.1   | `{"origin_ip":"not-an-ip","region":"us-east-1"}`                       | 400 | 1190 | lacks the field vendor
      192.0.2.1   | `{"origin_ip":"not-an-ip","vendor":"ibm","region":"x"}`                | 400 | 1146 | Invalid or missing origin IP address.
      192.0.2.1   | `{"origin_ip":"010.0.0.1","vendor":"aws","region":"us-east-1"}`        | 400 | 1146 | Invalid or missing origin IP address.
      192.0.2.1   | `{"origin_ip":"192.0.2.2","vendor":"ibm","region":"x"}`                | 400 | 1146 | body origin_ip does not match URL
      192.0.2.1   | `{"origin_ip":"192.0.2.1","vendor":"ibm","region":"us-east-1"}`        | 400 | 1157 | The vendor provided doesn't exist or the region provided does not exist for the specified cloud vendor
      192.0.2.1   | `{"origin_ip":"192.0.2.1","vendor":"aws","region":"us-central1"}`      | 400 | 1157 | The vendor provided doesn't exist
      192.0.2.1   | `{"origin_ip":"192.0.2.1","vendor":"AWS","region":"us-east-1"}`        | 400 | 1157 | The vendor provided doesn't exist
      """)
  void checkOrder(String pathIp, String body, int status, int code, String message) {
    String zone = newZone();
    put(zone, "192.0.2.9", v2Entry("192.0.2.9", "aws", "us-east-1"));
    String before = state(zone);
    RawHttp.Reply reply = body.isEmpty()
        ? http.call("PUT", v2Path(zone) + "/" + pathIp).send()
        : put(zone, pathIp, body);
    assertThat(reply.status()).as("status for %s", body).isEqualTo(status);
    assertThat(reply.errorCode()).as("code for %s", body).isEqualTo(code);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains(message);
    assertThat(state(zone)).as("nothing changed").isEqualTo(before);
  }

  @Test
  @DisplayName("VG1: get normalises the path IP and answers the entry; a missing one 404/1142 with Cloudflare's text")
  void get() {
    String zone = newZone();
    http.send("PUT", v2Path(zone) + "/batch", v2PutBody(List.of("2001:db8::1", "::ffff:192.0.2.1")));
    for (String spelling : List.of("2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0::1")) {
      assertThat(http.get(v2Path(zone) + "/" + spelling).result().path("origin_ip").asText()).as("get %s", spelling)
          .isEqualTo("2001:db8::1");
    }
    assertThat(http.get(v2Path(zone) + "/::ffff:c000:201").result().path("origin_ip").asText()).isEqualTo("::ffff:192.0.2.1");
    RawHttp.Reply missing = http.get(v2Path(zone) + "/192.0.2.1");
    assertThat(missing.status()).as("IPv4 and its mapped IPv6 form are two mappings (IP3)").isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo(1142);
    assertThat(missing.json().path("errors").get(0).path("message").asText())
        .isEqualTo("Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.");
  }

  @Test
  @DisplayName("VG1: delete answers {origin_ip} of the removed mapping, canonical, and the mapping is gone")
  void delete() {
    String zone = newZone();
    http.send("PUT", v2Path(zone) + "/batch", v2PutBody(List.of("2001:db8::a", "192.0.2.1")));
    RawHttp.Reply reply = http.call("DELETE", v2Path(zone) + "/2001:0DB8:0:0:0:0:0:A").send();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().toString()).isEqualTo("{\"origin_ip\":\"2001:db8::a\"}");
    assertThat(http.get(v2Path(zone) + "/2001:db8::a").status()).isEqualTo(404);
    assertThat(http.get(v2Path(zone)).result()).hasSize(1);

    RawHttp.Reply again = http.call("DELETE", v2Path(zone) + "/2001:db8::a").send();
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo(1142);
  }

  @ParameterizedTest(name = "[{index}] {0} /{1}")
  @DisplayName("VG1, VP1: an invalid path IP answers 400 with code 1146 and changes nothing")
  @CsvSource({
      "GET, not-an-ip", "GET, 010.0.0.1", "GET, 192.0.2.0%2F24", "GET, fe80::1%25eth0", "GET, %20192.0.2.1",
      "DELETE, not-an-ip", "DELETE, 1.2.3", "DELETE, %5B::1%5D",
      "PUT, not-an-ip", "PUT, 192.0.2.256",
  })
  void invalidPathIp(String method, String pathIp) {
    String zone = newZone();
    put(zone, "192.0.2.9", v2Entry("192.0.2.9", "aws", "us-east-1"));
    String before = state(zone);
    RawHttp.Call call = http.call(method, v2Path(zone) + "/" + pathIp);
    if (method.equals("PUT")) {
      call.body(v2Entry("192.0.2.1", "aws", "us-east-1"));
    }
    RawHttp.Reply reply = call.send();
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1146);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo("Invalid or missing origin IP address.");
    assertThat(state(zone)).isEqualTo(before);
  }

  @Test
  @DisplayName("S1: supported_regions answers the same catalogue in both families")
  void supportedRegions() {
    String zone = newZone();
    RawHttp.Reply v2 = http.get(v2Path(zone) + "/supported_regions");
    assertThat(v2.status()).isEqualTo(200);
    assertThat(v2.result().path("obtained_codes").asBoolean()).isTrue();
    assertThat(v2.result().path("vendors").path("aws").get(0).path("name").asText()).isEqualTo("us-east-1");
    assertThat(v2.body()).isEqualTo(http.get(zonePath(zone) + "/supported_regions").body());
  }
}
