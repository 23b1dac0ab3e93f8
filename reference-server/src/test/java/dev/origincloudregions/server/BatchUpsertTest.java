package dev.origincloudregions.server;

import static dev.origincloudregions.server.BatchDeleteTest.texts;
import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.request;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.sdk.BatchItem;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.MappingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BU1–BU5: batch upsert, rule by rule. */
@SuppressWarnings("deprecation") // drives the SDK's v1 family, deprecated in the SDK as in the API
class BatchUpsertTest extends ServerTestSupport {

  @Test
  @DisplayName("BU1, BU2: the SDK's batch upsert creates mappings and returns them in request order")
  void upsertsThroughTheSdk() {
    String zone = newZone();
    BatchResult result = sdk.v1().bulkUpsert(zone, List.of(
        request("2001:DB8::1", "gcp", "us-central1"), request("192.0.2.1", "aws", "us-east-1")));
    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactly("2001:db8::1", "192.0.2.1");
    assertThat(result.succeeded().get(0).vendor()).isEqualTo("gcp");
    assertThat(result.succeeded().get(0).region()).isEqualTo("us-central1");
    assertThat(result.failed()).isEmpty();
    assertThat(sdk.v1().list(zone).modifiedOn()).isEqualTo(result.modifiedOn());
  }

  @Test
  @DisplayName("BU1: 101 items answer 400 with code 1191 and change nothing")
  void rejectsMoreThanOneHundredItems() {
    String zone = newZone();
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      ips.add(docIpv4(i));
    }
    RawHttp.Reply reply = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(ips));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1191);
    assertThat(http.get(zonePath(zone)).result().path("value")).isEmpty();
    RawHttp.Reply hundred = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(ips.subList(0, 100)));
    assertThat(hundred.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("BU2, BD4, BD6: items are judged on their own, results in request order, failed IPs canonical or as sent")
  void itemsAreJudgedOnTheirOwn() {
    String zone = newZone();
    JsonNode value = http.send("PATCH", zonePath(zone) + "/batch", "["
        + "{\"ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"},"
        + "{\"ip\":\"192.0.2.300\",\"vendor\":\"aws\",\"region\":\"us-east-1\"},"
        + "{\"ip\":\"2001:DB8::7\",\"vendor\":\"aws\",\"region\":\"us-central1\"},"
        + "{\"ip\":\"2001:db8::8\",\"vendor\":\"azure\",\"region\":\"westeurope\"},"
        + "{\"ip\":\"2001:DB8:0::8\",\"vendor\":\"gcp\",\"region\":\"us-central1\"},"
        + "{\"ip\":\"192.0.2.2\",\"vendor\":\"ibm\",\"region\":\"us-south\"}]").result().path("value");
    assertThat(texts(value.path("succeeded"), "origin-ip")).containsExactly("192.0.2.1", "2001:db8::8");
    assertThat(texts(value.path("succeeded"), "vendor")).containsExactly("aws", "azure");
    assertThat(texts(value.path("succeeded"), "region")).containsExactly("us-east-1", "westeurope");
    assertThat(texts(value.path("failed"), "origin-ip")).containsExactly("192.0.2.300", "2001:db8::7", "2001:db8::8", "192.0.2.2");
    assertThat(texts(value.path("failed"), "error"))
        .containsExactly("invalid IP address", "unsupported vendor or region", "duplicate in request", "unsupported vendor or region");
    assertThat(sdk.v1().get(zone, "2001:db8::8").vendor()).as("the first of the duplicates is applied").isEqualTo("azure");
    assertThat(sdk.v1().list(zone).mappings()).hasSize(2);
  }

  @Test
  @DisplayName("BU3: upsert merges: mappings not named are unchanged, modified_on included")
  void mergesWithoutTouchingOthers() {
    String zone = newZone();
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")));
    List<Mapping> before = sdk.v1().list(zone).mappings();
    List<MappingRequest> changes = List.of(request("192.0.2.2", "gcp", "europe-west3"), request("192.0.2.4", "aws", "us-east-1"));
    BatchResult result = sdk.v1().bulkUpsert(zone, changes);
    List<Mapping> after = sdk.v1().list(zone).mappings();
    assertThat(after).hasSize(4);
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertThat(after.get(2)).isEqualTo(before.get(2));
    assertThat(after.get(1).vendor()).isEqualTo("gcp");
    assertThat(after.get(1).region()).isEqualTo("europe-west3");
    assertThat(after.get(1).modifiedOn()).isEqualTo(result.modifiedOn()).isAfter(before.get(1).modifiedOn());
    assertThat(after.get(3).modifiedOn()).isEqualTo(result.modifiedOn());
  }

  @Test
  @DisplayName("BU5, BD7, BD9: modified_on is null when nothing was applied, the change time otherwise")
  void modifiedOn() {
    String zone = newZone();
    JsonNode nothing = http.send("PATCH", zonePath(zone) + "/batch",
        "[{\"ip\":\"x\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}]").result();
    assertThat(nothing.path("modified_on").isNull()).as("modified_on in %s", nothing).isTrue();
    JsonNode empty = http.send("PATCH", zonePath(zone) + "/batch", "[]").result();
    assertThat(empty.path("modified_on").isNull()).isTrue();
    assertThat(empty.path("value").path("succeeded")).isEmpty();
    assertThat(empty.path("value").path("failed")).isEmpty();
    assertThat(http.get(zonePath(zone)).result().path("modified_on").isNull()).isTrue();

    JsonNode applied = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of("192.0.2.1"))).result();
    assertThat(applied.path("modified_on").isTextual()).isTrue();
    assertThat(http.get(zonePath(zone)).result().path("modified_on")).isEqualTo(applied.path("modified_on"));
  }
}
