package dev.origincloudregions.server;

import static dev.origincloudregions.server.BatchDeleteTest.texts;
import static dev.origincloudregions.server.Fixtures.docIps;
import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.jsonStrings;
import static dev.origincloudregions.server.Fixtures.v2Entry;
import static dev.origincloudregions.server.Fixtures.v2PutBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VBD1 (BD1–BD10 through v2) and VBU1 (BU1–BU4 through v2); BD11 through v2 is in {@link ConcurrencyTest}. */
class V2BatchTest extends ServerTestSupport {

  private static RawHttp.Reply batchDelete(String zone, String body) {
    return http.send("DELETE", v2Path(zone) + "/batch", body);
  }

  private static RawHttp.Reply batchPut(String zone, String body) {
    return http.send("PUT", v2Path(zone) + "/batch", body);
  }

  /** The zone as it is, through both families (v1's list carries the zone's modified_on). */
  private static String state(String zone) {
    return http.get(zonePath(zone)).body() + http.get(v2Path(zone) + "?per_page=100").body();
  }

  private static void assertFlat(JsonNode result) {
    List<String> fields = Fixtures.fieldNames(result);
    assertThat(fields).as("a flat batch result").containsExactlyInAnyOrder("succeeded", "failed");
  }

  @Test
  @DisplayName("VBD1, VK1: batch delete answers the flat {succeeded, failed} with origin_ip, vendor and region")
  void deletesAndAnswersFlat() {
    String zone = newZone();
    batchPut(zone, "[" + v2Entry("2001:db8::a", "gcp", "europe-west1") + "," + v2Entry("192.0.2.1", "oci", "uk-london-1") + "]");
    RawHttp.Reply reply = batchDelete(zone, jsonStrings(List.of("2001:0DB8:0:0:0:0:0:A", "192.0.2.1")));
    assertThat(reply.status()).isEqualTo(200);
    assertFlat(reply.result());
    assertThat(reply.body()).doesNotContain("origin-ip");
    JsonNode succeeded = reply.result().path("succeeded");
    assertThat(succeeded.toString()).isEqualTo("[{\"origin_ip\":\"2001:db8::a\",\"vendor\":\"gcp\",\"region\":\"europe-west1\"},"
        + "{\"origin_ip\":\"192.0.2.1\",\"vendor\":\"oci\",\"region\":\"uk-london-1\"}]");
    assertThat(reply.result().path("failed")).isEmpty();
    assertThat(http.get(v2Path(zone)).result()).isEmpty();
  }

  @Test
  @DisplayName("VBD1, BD1: a missing body answers 400 with code 1190 asking for a JSON array of IP strings, and changes nothing")
  void missingBody() {
    String zone = newZone();
    batchPut(zone, v2PutBody(List.of("192.0.2.1")));
    String before = state(zone);
    RawHttp.Reply reply = http.call("DELETE", v2Path(zone) + "/batch").send();
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1190);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("JSON array").contains("IP address strings");
    assertThat(state(zone)).isEqualTo(before);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @DisplayName("VBD1, VBU1, VK1: malformed batch bodies answer 400 with code 1190 and change nothing")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      DELETE | `[`
      DELETE | `null`
      DELETE | `{"ips": ["192.0.2.1"]}`
      DELETE | `[1]`
      DELETE | `["192.0.2.1", null]`
      DELETE | `[{"origin_ip": "192.0.2.1"}]`
      DELETE | `["192.0.2.1"] []`
      PUT    | ``
      PUT    | `{}`
      PUT    | `["192.0.2.1"]`
      PUT    | `[{"origin-ip": "192.0.2.1", "vendor": "aws", "region": "us-east-1"}]`
      PUT    | `[{"ip": "192.0.2.1", "vendor": "aws", "region": "us-east-1"}]`
      PUT    | `[{"origin_ip": "192.0.2.1", "vendor": "aws"}]`
      PUT    | `[{"origin_ip": 3221225985, "vendor": "aws", "region": "us-east-1"}]`
      PUT    | `[{"origin_ip": "192.0.2.1", "vendor": null, "region": "us-east-1"}]`
      PUT    | `[{"origin_ip": "192.0.2.1", "origin_ip": "192.0.2.2", "vendor": "aws", "region": "us-east-1"}]`
      """)
  void malformedBodies(String method, String body) {
    String zone = newZone();
    batchPut(zone, v2PutBody(List.of(docIpv4(1), docIpv4(2))));
    String before = state(zone);
    RawHttp.Reply reply = body.isEmpty()
        ? http.call(method, v2Path(zone) + "/batch").send()
        : http.send(method, v2Path(zone) + "/batch", body);
    assertThat(reply.status()).as("status for %s", body).isEqualTo(400);
    assertThat(reply.errorCode()).as("code for %s", body).isEqualTo(1190);
    assertThat(state(zone)).isEqualTo(before);
  }

  @Test
  @DisplayName("VK1: an item with origin-ip instead of origin_ip is malformed, and the message names the spelling")
  void hyphenatedKeyIsMalformed() {
    RawHttp.Reply reply = batchPut(newZone(), "[" + v2Entry("192.0.2.1", "aws", "us-east-1")
        + ",{\"origin-ip\":\"192.0.2.2\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}]");
    assertThat(reply.errorCode()).isEqualTo(1190);
    assertThat(reply.json().path("errors").get(0).path("message").asText())
        .startsWith("Item 1 of the request body lacks the field origin_ip (it has origin-ip");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("VBD1, VBU1, BD2: 100 items are accepted; 101 answer 400 with code 1191 and change nothing")
  @CsvSource({"DELETE", "PUT"})
  void batchLimit(String method) {
    String zone = newZone();
    List<String> ips = docIps(101);
    batchPut(zone, v2PutBody(ips.subList(0, 100)));
    String before = state(zone);
    String tooMany = method.equals("DELETE") ? jsonStrings(ips) : v2PutBody(ips, "gcp", "us-central1");
    RawHttp.Reply refused = http.send(method, v2Path(zone) + "/batch", tooMany);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo(1191);
    assertThat(state(zone)).isEqualTo(before);

    List<String> hundred = ips.subList(0, 100);
    String ok = method.equals("DELETE") ? jsonStrings(hundred) : v2PutBody(hundred, "gcp", "us-central1");
    RawHttp.Reply accepted = http.send(method, v2Path(zone) + "/batch", ok);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.result().path("succeeded")).hasSize(100);
  }

  @Test
  @DisplayName("VBD1, BD3–BD6: one result per item in request order; invalid, not found, duplicate by canonical form; "
      + "failed items carry the canonical IP and no vendor or region; 200 even when all fail")
  void itemsJudgedOnTheirOwn() {
    String zone = newZone();
    batchPut(zone, v2PutBody(List.of("2001:db8::1", "192.0.2.1")));
    List<String> request = List.of("2001:db8::1", "2001:DB8:0::1", " 192.0.2.1", "192.0.2.1", "192.0.2.1",
        "2001:DB8::FF", "::ffff:192.0.2.1", "not-an-ip", "010.0.0.1");
    JsonNode result = batchDelete(zone, jsonStrings(request)).result();
    assertThat(texts(result.path("succeeded"), "origin_ip")).containsExactly("2001:db8::1", "192.0.2.1");
    JsonNode failed = result.path("failed");
    assertThat(texts(failed, "origin_ip"))
        .containsExactly("2001:db8::1", " 192.0.2.1", "192.0.2.1", "2001:db8::ff", "::ffff:192.0.2.1", "not-an-ip", "010.0.0.1");
    assertThat(texts(failed, "error")).containsExactly("duplicate in request", "invalid IP address", "duplicate in request",
        "not found", "not found", "invalid IP address", "invalid IP address");
    for (JsonNode item : failed) {
      assertThat(item.has("region") || item.has("vendor")).as("region/vendor on %s", item).isFalse();
    }
    RawHttp.Reply allFailed = batchDelete(zone, jsonStrings(List.of("192.0.2.1", "bad", "")));
    assertThat(allFailed.status()).isEqualTo(200);
    assertThat(allFailed.result().path("failed")).hasSize(3);
  }

  @Test
  @DisplayName("VBD1, BD8: succeeded IPs are gone; every other mapping, of this zone and others, is unchanged")
  void effectIsExactlyTheSucceededItems() {
    String zone = newZone();
    String other = newZone();
    batchPut(zone, v2PutBody(List.of("192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db8::2")));
    batchPut(other, v2PutBody(List.of("192.0.2.1", "2001:db8::1")));
    JsonNode before = http.get(v2Path(zone)).result();
    String otherBefore = state(other);
    batchDelete(zone, jsonStrings(List.of("192.0.2.1", "2001:db8::2", "192.0.2.77")));
    assertThat(http.get(v2Path(zone) + "/192.0.2.1").status()).isEqualTo(404);
    assertThat(http.get(v2Path(zone) + "/2001:db8::2").status()).isEqualTo(404);
    JsonNode after = http.get(v2Path(zone)).result();
    assertThat(after).containsExactly(before.get(1), before.get(2));
    assertThat(state(other)).isEqualTo(otherBefore);
  }

  @Test
  @DisplayName("VBD1, BD9, BD10: an empty array answers both arrays empty; repeating a request fails what succeeded with not found")
  void emptyAndRepeated() {
    String zone = newZone();
    batchPut(zone, v2PutBody(List.of("192.0.2.1", "2001:db8::1")));
    String before = state(zone);
    RawHttp.Reply empty = batchDelete(zone, "[]");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.result().toString()).isEqualTo("{\"succeeded\":[],\"failed\":[]}");
    assertThat(state(zone)).isEqualTo(before);

    String body = jsonStrings(List.of("192.0.2.1", "2001:db8::1", "bad"));
    assertThat(batchDelete(zone, body).result().path("succeeded")).hasSize(2);
    JsonNode second = batchDelete(zone, body).result();
    assertThat(second.path("succeeded")).isEmpty();
    assertThat(texts(second.path("failed"), "error")).containsExactly("not found", "not found", "invalid IP address");
  }

  @Test
  @DisplayName("VBU1, BU2, BU3: batch put creates and replaces, merges, judges items on their own, answers the new values")
  void batchPutMerges() {
    String zone = newZone();
    batchPut(zone, v2PutBody(List.of("192.0.2.1", "192.0.2.2")));
    JsonNode untouched = http.get(v2Path(zone) + "/192.0.2.2").result();
    String body = "[" + String.join(",", v2Entry("192.0.2.1", "gcp", "us-central1"), v2Entry("2001:DB8::5", "azure", "eastus"),
        v2Entry("2001:db8::5", "oci", "uk-london-1"), v2Entry("nope", "aws", "us-east-1"),
        v2Entry("192.0.2.3", "aws", "us-central1"), v2Entry("192.0.2.4", "ibm", "x")) + "]";
    RawHttp.Reply reply = batchPut(zone, body);
    assertThat(reply.status()).isEqualTo(200);
    assertFlat(reply.result());
    assertThat(reply.result().path("succeeded").toString())
        .isEqualTo("[{\"origin_ip\":\"192.0.2.1\",\"vendor\":\"gcp\",\"region\":\"us-central1\"},"
            + "{\"origin_ip\":\"2001:db8::5\",\"vendor\":\"azure\",\"region\":\"eastus\"}]");
    assertThat(texts(reply.result().path("failed"), "origin_ip")).containsExactly("2001:db8::5", "nope", "192.0.2.3", "192.0.2.4");
    assertThat(texts(reply.result().path("failed"), "error"))
        .containsExactly("duplicate in request", "invalid IP address", "unsupported vendor or region", "unsupported vendor or region");
    assertThat(http.get(v2Path(zone) + "/192.0.2.1").result().path("vendor").asText()).isEqualTo("gcp");
    assertThat(http.get(v2Path(zone) + "/2001:db8::5").result().path("vendor").asText()).as("the first of the duplicates")
        .isEqualTo("azure");
    assertThat(http.get(v2Path(zone) + "/192.0.2.2").result()).as("BU3: not named, unchanged").isEqualTo(untouched);
    assertThat(http.get(v2Path(zone)).json().path("result_info").path("total_count").asInt()).isEqualTo(3);
  }

  @Test
  @DisplayName("VBU1: items written by one batch share one modified_on, later than any before")
  void oneTimePerBatch() {
    String zone = newZone();
    JsonNode first = batchPut(zone, v2PutBody(List.of("192.0.2.1"))).result();
    assertThat(first.path("succeeded")).hasSize(1);
    batchPut(zone, v2PutBody(List.of("192.0.2.2", "2001:db8::1"), "gcp", "us-central1"));
    JsonNode entries = http.get(v2Path(zone)).result();
    List<String> times = new ArrayList<>(texts(entries, "modified_on"));
    assertThat(times.get(1)).isEqualTo(times.get(2)).isGreaterThan(times.get(0));
  }
}
