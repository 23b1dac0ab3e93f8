package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.jsonStrings;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.sdk.BatchItem;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.Mapping;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BD1–BD10: batch delete, rule by rule (BD11, concurrency, has its own test). */
@SuppressWarnings("deprecation") // drives the SDK's v1 family, deprecated in the SDK as in the API
class BatchDeleteTest extends ServerTestSupport {

  private static String seed(String zone, List<String> ips) {
    RawHttp.Reply reply = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(ips));
    assertThat(reply.result().path("value").path("succeeded")).hasSize(ips.size());
    return reply.result().path("modified_on").asText();
  }

  private static List<String> docIps(int count) {
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ips.add(docIpv4(i));
    }
    return ips;
  }

  private static RawHttp.Reply batchDelete(String zone, String body) {
    return http.send("DELETE", zonePath(zone) + "/batch", body);
  }

  @Test
  @DisplayName("BD1: the body is a JSON array of IP strings; the SDK sends one and the server reads it")
  void deletesThroughTheSdk() {
    String zone = newZone();
    seed(zone, List.of("192.0.2.1", "2001:db8::1"));
    BatchResult result = sdk.v1().bulkDelete(zone, List.of("192.0.2.1", "2001:DB8::1"));
    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactly("192.0.2.1", "2001:db8::1");
    assertThat(result.succeeded()).extracting(BatchItem::vendor).containsExactly("aws", "aws");
    assertThat(result.failed()).isEmpty();
    assertThat(sdk.v1().list(zone).mappings()).isEmpty();
  }

  @Test
  @DisplayName("BD1: a missing body answers 400 with code 1190 and a message asking for a JSON array of IP strings")
  void missingBody() {
    String zone = newZone();
    seed(zone, List.of("192.0.2.1"));
    String before = http.get(zonePath(zone)).body();
    RawHttp.Reply reply = http.call("DELETE", zonePath(zone) + "/batch").send();
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1190);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("JSON array").contains("IP address strings");
    assertThat(http.get(zonePath(zone)).body()).isEqualTo(before);
  }

  @Test
  @DisplayName("BD2: 100 items are accepted")
  void oneHundredItems() {
    String zone = newZone();
    seed(zone, docIps(100));
    RawHttp.Reply reply = batchDelete(zone, jsonStrings(docIps(100)));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("value").path("succeeded")).hasSize(100);
  }

  @Test
  @DisplayName("BD2: 101 items answer 400 with code 1191 and delete nothing, not even the first 100")
  void rejectsMoreThanOneHundredItems() {
    String zone = newZone();
    seed(zone, docIps(100));
    String before = http.get(zonePath(zone)).body();
    List<String> items = new ArrayList<>(docIps(100));
    items.add("192.0.2.250");
    RawHttp.Reply reply = batchDelete(zone, jsonStrings(items));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1191);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("100").contains("101");
    assertThat(http.get(zonePath(zone)).body()).isEqualTo(before);
  }

  @Test
  @DisplayName("BD3: 200 when every item failed")
  void everyItemFailed() {
    String zone = newZone();
    RawHttp.Reply reply = batchDelete(zone, jsonStrings(List.of("192.0.2.1", "bad", "")));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("value").path("succeeded")).isEmpty();
    assertThat(reply.result().path("value").path("failed")).hasSize(3);
  }

  @Test
  @DisplayName("BD4: one result per item, both arrays in the request's order")
  void oneResultPerItemInRequestOrder() {
    String zone = newZone();
    seed(zone, List.of("192.0.2.9", "192.0.2.1", "2001:db8::5", "198.51.100.3"));
    List<String> request = List.of("2001:db8::5", "nope", "192.0.2.9", "203.0.113.7", "198.51.100.3", "2001:DB8::5",
        "192.0.2.1", "1.2.3");
    JsonNode value = batchDelete(zone, jsonStrings(request)).result().path("value");
    assertThat(value.path("succeeded").size() + value.path("failed").size()).isEqualTo(request.size());
    assertThat(texts(value.path("succeeded"), "origin-ip")).containsExactly("2001:db8::5", "192.0.2.9", "198.51.100.3", "192.0.2.1");
    assertThat(texts(value.path("failed"), "origin-ip")).containsExactly("nope", "203.0.113.7", "2001:db8::5", "1.2.3");
  }

  @Test
  @DisplayName("BD5: a succeeded item carries the canonical origin-ip, region and vendor of the removed mapping")
  void succeededItemsDescribeTheRemovedMapping() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch",
        "[{\"ip\":\"2001:db8::a\",\"vendor\":\"gcp\",\"region\":\"europe-west1\"},"
            + "{\"ip\":\"::ffff:192.0.2.1\",\"vendor\":\"oci\",\"region\":\"uk-london-1\"}]");
    JsonNode succeeded = batchDelete(zone, jsonStrings(List.of("2001:0DB8:0:0:0:0:0:A", "::FFFF:C000:0201")))
        .result().path("value").path("succeeded");
    assertThat(succeeded).hasSize(2);
    assertThat(succeeded.get(0).path("origin-ip").asText()).isEqualTo("2001:db8::a");
    assertThat(succeeded.get(0).path("vendor").asText()).isEqualTo("gcp");
    assertThat(succeeded.get(0).path("region").asText()).isEqualTo("europe-west1");
    assertThat(succeeded.get(0).has("error")).isFalse();
    assertThat(succeeded.get(1).path("origin-ip").asText()).isEqualTo("::ffff:192.0.2.1");
    assertThat(succeeded.get(1).path("vendor").asText()).isEqualTo("oci");
  }

  @Test
  @DisplayName("BD5, BD6: failures: invalid IP, not found, duplicate in request (by canonical form); no region or vendor")
  void failedItems() {
    String zone = newZone();
    seed(zone, List.of("2001:db8::1", "192.0.2.1"));
    List<String> request = List.of("2001:db8::1", "2001:DB8:0::1", " 192.0.2.1", "192.0.2.1", "192.0.2.1",
        "2001:DB8::FF", "::ffff:192.0.2.1", "not-an-ip", "010.0.0.1");
    JsonNode value = batchDelete(zone, jsonStrings(request)).result().path("value");
    assertThat(texts(value.path("succeeded"), "origin-ip")).containsExactly("2001:db8::1", "192.0.2.1");
    JsonNode failed = value.path("failed");
    assertThat(texts(failed, "origin-ip"))
        .containsExactly("2001:db8::1", " 192.0.2.1", "192.0.2.1", "2001:db8::ff", "::ffff:192.0.2.1", "not-an-ip", "010.0.0.1");
    assertThat(texts(failed, "error")).containsExactly("duplicate in request", "invalid IP address", "duplicate in request",
        "not found", "not found", "invalid IP address", "invalid IP address");
    for (JsonNode item : failed) {
      assertThat(item.has("region") || item.has("vendor")).as("region/vendor on %s", item).isFalse();
    }
  }

  @Test
  @DisplayName("BD7: modified_on is null when nothing succeeded")
  void modifiedOnNullWhenNothingSucceeded() {
    String zone = newZone();
    seed(zone, List.of("192.0.2.1"));
    JsonNode result = batchDelete(zone, jsonStrings(List.of("192.0.2.2", "bad"))).result();
    assertThat(result.path("modified_on").isNull()).as("modified_on in %s", result).isTrue();
    assertThat(sdk.v1().bulkDelete(zone, List.of("192.0.2.3")).modifiedOn()).isNull();
  }

  @Test
  @DisplayName("BD7: modified_on is the time of the change, later than every earlier one, and the list's equals it")
  void modifiedOnIsTheChangeTime() {
    String zone = newZone();
    String other = newZone();
    OffsetDateTime seeded = OffsetDateTime.parse(seed(zone, List.of("192.0.2.1", "192.0.2.2")));
    OffsetDateTime elsewhere = OffsetDateTime.parse(seed(other, List.of("192.0.2.1")));
    OffsetDateTime changed = sdk.v1().bulkDelete(zone, List.of("192.0.2.1")).modifiedOn();
    assertThat(changed).isAfter(seeded).isAfter(elsewhere);
    assertThat(sdk.v1().list(zone).modifiedOn()).isEqualTo(changed);

    BatchResult last = sdk.v1().bulkDelete(zone, List.of("192.0.2.2"));
    assertThat(last.modifiedOn()).isAfter(changed);
    assertThat(sdk.v1().list(zone).modifiedOn()).as("the zone is empty now").isNull();
  }

  @Test
  @DisplayName("BD8: succeeded IPs are gone; every other mapping, of this zone and others, is unchanged")
  void effectIsExactlyTheSucceededItems() {
    String zone = newZone();
    String other = newZone();
    seed(zone, List.of("192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db8::2"));
    seed(other, List.of("192.0.2.1", "2001:db8::1"));
    List<Mapping> before = sdk.v1().list(zone).mappings();
    String otherBefore = http.get(zonePath(other)).body();

    batchDelete(zone, jsonStrings(List.of("192.0.2.1", "2001:db8::2", "192.0.2.77")));

    for (String gone : List.of("192.0.2.1", "2001:db8::2")) {
      assertThat(http.get(zonePath(zone) + "/" + gone).status()).as("get %s", gone).isEqualTo(404);
    }
    assertThat(sdk.v1().list(zone).mappings()).containsExactly(before.get(1), before.get(2));
    assertThat(http.get(zonePath(other)).body()).isEqualTo(otherBefore);
  }

  @Test
  @DisplayName("BD9: an empty array answers 200 with both arrays empty and modified_on null")
  void emptyArray() {
    String zone = newZone();
    seed(zone, List.of("192.0.2.1"));
    String before = http.get(zonePath(zone)).body();
    RawHttp.Reply reply = batchDelete(zone, "[]");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("value").path("succeeded")).isEmpty();
    assertThat(reply.result().path("value").path("failed")).isEmpty();
    assertThat(reply.result().path("modified_on").isNull()).isTrue();
    assertThat(http.get(zonePath(zone)).body()).isEqualTo(before);
  }

  @Test
  @DisplayName("BD10: repeating a request fails every item that succeeded the first time, with not found")
  void repeatingIsIdempotent() {
    String zone = newZone();
    seed(zone, List.of("192.0.2.1", "2001:db8::1"));
    String body = jsonStrings(List.of("192.0.2.1", "2001:db8::1", "bad"));
    JsonNode first = batchDelete(zone, body).result().path("value");
    assertThat(first.path("succeeded")).hasSize(2);
    JsonNode second = batchDelete(zone, body).result().path("value");
    assertThat(second.path("succeeded")).isEmpty();
    assertThat(texts(second.path("failed"), "error")).containsExactly("not found", "not found", "invalid IP address");
  }

  static List<String> texts(JsonNode items, String field) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : items) {
      texts.add(item.path(field).asText());
    }
    return texts;
  }
}
