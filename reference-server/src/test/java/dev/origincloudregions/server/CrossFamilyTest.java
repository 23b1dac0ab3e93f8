package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIps;
import static dev.origincloudregions.server.Fixtures.jsonStrings;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static dev.origincloudregions.server.Fixtures.v2Entry;
import static dev.origincloudregions.server.Fixtures.v2PutBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** VS1 and VM1: one store behind both families, and each mapping's own modified_on. */
class CrossFamilyTest extends ServerTestSupport {

  private static JsonNode v1Get(String zone, String ip) {
    return http.get(zonePath(zone) + "/" + ip).result().path("value");
  }

  private static JsonNode v2Get(String zone, String ip) {
    return http.get(v2Path(zone) + "/" + ip).result();
  }

  @Test
  @DisplayName("VS1: created through v1, read, replaced and deleted through v2, with the same canonical IP and modified_on")
  void v1ThenV2() {
    String zone = newZone();
    JsonNode created = http.send("POST", zonePath(zone), "{\"ip\":\"2001:DB8:0::7\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}")
        .result().path("value");
    JsonNode read = v2Get(zone, "2001:db8::7");
    assertThat(read.path("origin_ip").asText()).isEqualTo(created.path("origin-ip").asText()).isEqualTo("2001:db8::7");
    assertThat(read.path("modified_on")).isEqualTo(created.path("modified_on"));
    assertThat(read.path("vendor")).isEqualTo(created.path("vendor"));

    JsonNode replaced = http.send("PUT", v2Path(zone) + "/2001:db8::7", v2Entry("2001:db8::7", "gcp", "us-central1")).result();
    JsonNode seenByV1 = v1Get(zone, "2001:db8::7");
    assertThat(seenByV1.path("vendor").asText()).isEqualTo("gcp");
    assertThat(seenByV1.path("modified_on")).isEqualTo(replaced.path("modified_on"));
    assertThat(http.get(zonePath(zone)).result().path("modified_on")).as("L1, VM1").isEqualTo(replaced.path("modified_on"));

    RawHttp.Reply deleted = http.call("DELETE", v2Path(zone) + "/2001:DB8::7").send();
    assertThat(deleted.result().path("origin_ip").asText()).isEqualTo("2001:db8::7");
    assertThat(http.get(zonePath(zone) + "/2001:db8::7").status()).isEqualTo(404);
    assertThat(http.get(zonePath(zone)).result().path("modified_on").isNull()).as("G2: the zone is empty again").isTrue();
  }

  @Test
  @DisplayName("VS1: created through v2, read, replaced and deleted through v1, with the same canonical IP and modified_on")
  void v2ThenV1() {
    String zone = newZone();
    JsonNode created = http.send("PUT", v2Path(zone) + "/::FFFF:C000:0201", v2Entry("::ffff:192.0.2.1", "oci", "uk-london-1"))
        .result();
    JsonNode list = http.get(zonePath(zone)).result();
    assertThat(list.path("value").get(0).path("origin-ip").asText()).isEqualTo(created.path("origin_ip").asText())
        .isEqualTo("::ffff:192.0.2.1");
    assertThat(list.path("value").get(0).path("modified_on")).isEqualTo(created.path("modified_on"));
    assertThat(list.path("modified_on")).isEqualTo(created.path("modified_on"));

    JsonNode upserted = http.send("PATCH", zonePath(zone), "{\"ip\":\"::ffff:192.0.2.1\",\"vendor\":\"aws\",\"region\":\"eu-west-2\"}")
        .result().path("value").get(0);
    JsonNode seenByV2 = v2Get(zone, "::ffff:192.0.2.1");
    assertThat(seenByV2.path("region").asText()).isEqualTo("eu-west-2");
    assertThat(seenByV2.path("modified_on")).isEqualTo(upserted.path("modified_on"));

    JsonNode v1Deleted = http.send("DELETE", zonePath(zone) + "/batch", jsonStrings(List.of("::ffff:c000:201")))
        .result().path("value").path("succeeded");
    assertThat(v1Deleted.get(0).path("origin-ip").asText()).isEqualTo("::ffff:192.0.2.1");
    assertThat(http.get(v2Path(zone) + "/::ffff:192.0.2.1").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("VS1: batches of one family act on mappings of the other")
  void batchesAcrossFamilies() {
    String zone = newZone();
    http.send("PUT", v2Path(zone) + "/batch", v2PutBody(List.of("192.0.2.1", "2001:db8::1")));
    JsonNode upserted = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of("192.0.2.1", "192.0.2.2"))).result();
    assertThat(v2Get(zone, "192.0.2.1").path("modified_on")).isEqualTo(upserted.path("modified_on"));
    JsonNode deleted = http.send("DELETE", v2Path(zone) + "/batch", jsonStrings(List.of("192.0.2.1", "192.0.2.2", "2001:db8::1")))
        .result();
    assertThat(deleted.path("succeeded")).hasSize(3);
    assertThat(http.get(zonePath(zone)).result().path("value")).isEmpty();
  }

  @Test
  @DisplayName("VM1: an entry's modified_on moves only with its own changes, through either family; "
      + "v1's list modified_on is the latest change through either")
  void modifiedOnIsPerMapping() {
    String zone = newZone();
    JsonNode a = http.send("PUT", v2Path(zone) + "/192.0.2.1", v2Entry("192.0.2.1", "aws", "us-east-1")).result();
    http.send("POST", zonePath(zone), "{\"ip\":\"192.0.2.2\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
    http.send("PATCH", zonePath(zone), "{\"ip\":\"192.0.2.2\",\"vendor\":\"gcp\",\"region\":\"us-central1\"}");
    http.send("PUT", v2Path(zone) + "/batch", v2PutBody(List.of("192.0.2.3", "2001:db8::3")));
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of("192.0.2.4")));
    http.send("DELETE", v2Path(zone) + "/batch", jsonStrings(List.of("192.0.2.3")));
    JsonNode lastChange = http.send("PUT", v2Path(zone) + "/2001:db8::3", v2Entry("2001:db8::3", "aws", "us-east-1")).result();
    http.call("DELETE", zonePath(zone) + "/192.0.2.4").send();

    assertThat(v2Get(zone, "192.0.2.1")).as("untouched since its put").isEqualTo(a);
    assertThat(v1Get(zone, "192.0.2.1").path("modified_on")).isEqualTo(a.path("modified_on"));
    JsonNode list = http.get(zonePath(zone)).result();
    String listTime = list.path("modified_on").asText();
    assertThat(listTime).as("the latest change is the v1 single delete").isGreaterThan(lastChange.path("modified_on").asText());
    for (JsonNode entry : list.path("value")) {
      assertThat(listTime).as("never earlier than an entry's").isGreaterThanOrEqualTo(entry.path("modified_on").asText());
    }
    for (JsonNode entry : http.get(v2Path(zone)).result()) {
      assertThat(v1Get(zone, entry.path("origin_ip").asText()).path("modified_on")).isEqualTo(entry.path("modified_on"));
    }
  }

  @Test
  @DisplayName("VS1, M2: the 3,500 limit counts each mapping once across families; updates in a full zone are allowed in both")
  void zoneLimitAcrossFamilies() {
    String zone = newZone();
    List<String> ips = docIps(3_500);
    for (int from = 0; from < ips.size(); from += 100) {
      List<String> chunk = ips.subList(from, from + 100);
      RawHttp.Reply reply = (from / 100) % 2 == 0
          ? http.send("PATCH", zonePath(zone) + "/batch", upsertBody(chunk))
          : http.send("PUT", v2Path(zone) + "/batch", v2PutBody(chunk));
      assertThat(reply.status()).isEqualTo(200);
    }
    assertThat(http.get(v2Path(zone)).json().path("result_info").path("total_count").asInt()).isEqualTo(3_500);
    String before = http.get(zonePath(zone)).body();
    String fresh = "2001:db8:ffff::1";
    List<RawHttp.Reply> refused = List.of(
        http.send("POST", zonePath(zone), "{\"ip\":\"" + fresh + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}"),
        http.send("PATCH", zonePath(zone), "{\"ip\":\"" + fresh + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}"),
        http.send("PATCH", zonePath(zone) + "/batch", upsertBody(List.of(ips.get(0), fresh))),
        http.send("PUT", v2Path(zone) + "/" + fresh, v2Entry(fresh, "aws", "us-east-1")),
        http.send("PUT", v2Path(zone) + "/batch", v2PutBody(List.of(ips.get(0), fresh))));
    for (RawHttp.Reply reply : refused) {
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo(1164);
      assertThat(reply.json().path("errors").get(0).path("message").asText())
          .isEqualTo("Maximum number of IP mappings configured for zone.");
    }
    assertThat(http.get(zonePath(zone)).body()).as("nothing changed").isEqualTo(before);

    assertThat(http.send("PUT", v2Path(zone) + "/" + ips.get(1), v2Entry(ips.get(1), "gcp", "us-central1")).status()).isEqualTo(200);
    assertThat(http.send("PUT", v2Path(zone) + "/batch", v2PutBody(ips.subList(2, 4), "gcp", "us-central1")).status()).isEqualTo(200);
    assertThat(http.send("PATCH", zonePath(zone) + "/batch", upsertBody(ips.subList(4, 6))).status()).isEqualTo(200);
    assertThat(http.call("DELETE", v2Path(zone) + "/" + ips.get(7)).send().status()).isEqualTo(200);
    assertThat(http.send("POST", zonePath(zone), "{\"ip\":\"" + fresh + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}").status())
        .as("room again after a v2 delete").isEqualTo(200);
  }
}
