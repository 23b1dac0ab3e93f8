package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.errorCode;
import static dev.origincloudregions.server.Fixtures.request;
import static dev.origincloudregions.server.Fixtures.sdkFailure;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.MappingList;
import dev.origincloudregions.sdk.Region;
import dev.origincloudregions.sdk.SupportedRegions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M1–M4, C1, U1, G1, G2, S1, L1 through the project's SDK: single operations, the list and the catalogue. */
@SuppressWarnings("deprecation") // drives the SDK's v1 family, deprecated in the SDK as in the API
class MappingsTest extends ServerTestSupport {

  @Test
  @DisplayName("C1, M1: create returns the mapping with its canonical origin-ip and modified_on")
  void createReturnsTheMapping() {
    String zone = newZone();
    Mapping created = sdk.v1().create(zone, request("2001:DB8:0:0::1", "gcp", "us-central1"));
    assertThat(created.originIp()).isEqualTo("2001:db8::1");
    assertThat(created.vendor()).isEqualTo("gcp");
    assertThat(created.region()).isEqualTo("us-central1");
    assertThat(created.modifiedOn()).isNotNull();
    RawHttp.Reply raw = http.send("POST", zonePath(zone), "{\"ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
    assertThat(raw.result().path("id").asText()).isEqualTo("origin_public_cloud_region");
    assertThat(raw.result().path("editable").asBoolean()).isTrue();
    assertThat(raw.result().path("modified_on")).isEqualTo(raw.result().path("value").path("modified_on"));
    assertThat(raw.result().path("value").has("origin-ip")).isTrue();
  }

  @Test
  @DisplayName("C1, IP3: creating an IP that exists, in any spelling, answers 400 with code 1145 and changes nothing")
  void createExisting() {
    String zone = newZone();
    sdk.v1().create(zone, request("2001:db8::1", "aws", "us-east-1"));
    MappingList before = sdk.v1().list(zone);
    ApiException failure = sdkFailure(() -> sdk.v1().create(zone, request("2001:DB8:0::1", "gcp", "us-central1")));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(errorCode(failure)).isEqualTo(1145);
    assertThat(sdk.v1().list(zone)).isEqualTo(before);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @DisplayName("C1, IP1: creating an invalid IP answers 400 with code 1146")
  @CsvSource({"not-an-ip", "010.0.0.1", "192.0.2.1/32", "fe80::1%eth0", "' 192.0.2.1'", "[::1]", "''"})
  void createInvalidIp(String ip) {
    String zone = newZone();
    ApiException failure = sdkFailure(() -> sdk.v1().create(zone, request(ip, "aws", "us-east-1")));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(errorCode(failure)).isEqualTo(1146);
    assertThat(sdk.v1().list(zone).mappings()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}/{1}")
  @DisplayName("C1, M3: a vendor/region pair that supported_regions does not list answers 400 with code 1157")
  @CsvSource({"aws, us-central1", "gcp, us-east-1", "ibm, us-south", "AWS, us-east-1", "aws, US-EAST-1", "aws, ''", "'', us-east-1"})
  void createUnsupportedVendorRegion(String vendor, String region) {
    String zone = newZone();
    ApiException create = sdkFailure(() -> sdk.v1().create(zone, request("192.0.2.1", vendor, region)));
    assertThat(create.status()).isEqualTo(400);
    assertThat(errorCode(create)).isEqualTo(1157);
    ApiException upsert = sdkFailure(() -> sdk.v1().upsert(zone, request("192.0.2.1", vendor, region)));
    assertThat(upsert.status()).isEqualTo(400);
    assertThat(errorCode(upsert)).isEqualTo(1157);
    assertThat(sdk.v1().list(zone).mappings()).isEmpty();
  }

  @Test
  @DisplayName("U1: upsert creates, then replaces, and returns the whole list")
  void upsertCreatesThenReplaces() {
    String zone = newZone();
    sdk.v1().create(zone, request("192.0.2.9", "oci", "us-ashburn-1"));
    MappingList created = sdk.v1().upsert(zone, request("192.0.2.1", "aws", "us-east-1"));
    assertThat(created.mappings()).extracting(Mapping::originIp).containsExactly("192.0.2.1", "192.0.2.9");
    Mapping other = created.mappings().get(1);

    MappingList replaced = sdk.v1().upsert(zone, request("192.0.2.1", "azure", "westeurope"));
    assertThat(replaced.mappings()).hasSize(2);
    Mapping mapping = replaced.mappings().get(0);
    assertThat(mapping.vendor()).isEqualTo("azure");
    assertThat(mapping.region()).isEqualTo("westeurope");
    assertThat(mapping.modifiedOn()).isAfter(created.mappings().get(0).modifiedOn());
    assertThat(replaced.modifiedOn()).isEqualTo(mapping.modifiedOn());
    assertThat(replaced.mappings().get(1)).as("the mapping not named").isEqualTo(other);
    assertThat(replaced).isEqualTo(sdk.v1().list(zone));
  }

  @Test
  @DisplayName("U1: upsert validates like create: an invalid IP answers 400 with code 1146")
  void upsertInvalidIp() {
    String zone = newZone();
    ApiException failure = sdkFailure(() -> sdk.v1().upsert(zone, request("1.2.3", "aws", "us-east-1")));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(errorCode(failure)).isEqualTo(1146);
  }

  @Test
  @DisplayName("G1: get normalises the path IP before lookup")
  void getNormalisesThePathIp() {
    String zone = newZone();
    sdk.v1().create(zone, request("2001:db8::1", "aws", "us-east-1"));
    sdk.v1().create(zone, request("::ffff:192.0.2.1", "gcp", "us-central1"));
    for (String spelling : List.of("2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0::1")) {
      assertThat(sdk.v1().get(zone, spelling).originIp()).as("get %s", spelling).isEqualTo("2001:db8::1");
    }
    assertThat(sdk.v1().get(zone, "::ffff:c000:201").originIp()).isEqualTo("::ffff:192.0.2.1");
    RawHttp.Reply raw = http.get(zonePath(zone) + "/2001:DB8::1");
    assertThat(raw.result().path("modified_on")).isEqualTo(raw.result().path("value").path("modified_on"));
  }

  @Test
  @DisplayName("G1, IP3: a missing mapping answers 404 with code 1142; 192.0.2.1 is not ::ffff:192.0.2.1")
  void getMissing() {
    String zone = newZone();
    sdk.v1().create(zone, request("::ffff:192.0.2.1", "aws", "us-east-1"));
    for (String ip : List.of("192.0.2.1", "192.0.2.2")) {
      ApiException get = sdkFailure(() -> sdk.v1().get(zone, ip));
      assertThat(get.status()).isEqualTo(404);
      assertThat(errorCode(get)).isEqualTo(1142);
      ApiException delete = sdkFailure(() -> sdk.v1().delete(zone, ip));
      assertThat(delete.status()).isEqualTo(404);
      assertThat(errorCode(delete)).isEqualTo(1142);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("G1: an invalid path IP answers 400 with code 1146, for get and delete")
  @CsvSource({"not-an-ip", "010.0.0.1", "fe80::1%25eth0", "192.0.2.0%2F24", "%20192.0.2.1", "1.2.3"})
  void invalidPathIp(String encodedIp) {
    String zone = newZone();
    for (String method : List.of("GET", "DELETE")) {
      RawHttp.Reply reply = http.call(method, zonePath(zone) + "/" + encodedIp).send();
      assertThat(reply.status()).as("%s %s", method, encodedIp).isEqualTo(400);
      assertThat(reply.errorCode()).as("%s %s", method, encodedIp).isEqualTo(1146);
    }
  }

  @Test
  @DisplayName("G1, G2: delete normalises the path IP and returns the mapping it removed")
  void deleteReturnsTheRemovedMapping() {
    String zone = newZone();
    Mapping created = sdk.v1().create(zone, request("2001:db8::5", "azure", "eastus"));
    sdk.v1().create(zone, request("192.0.2.5", "aws", "us-east-1"));
    assertThat(sdk.v1().delete(zone, "2001:DB8:0::5")).isEqualTo(created);
    ApiException again = sdkFailure(() -> sdk.v1().get(zone, "2001:db8::5"));
    assertThat(again.status()).isEqualTo(404);
    assertThat(sdk.v1().list(zone).mappings()).extracting(Mapping::originIp).containsExactly("192.0.2.5");
  }

  @Test
  @DisplayName("G2, BD7: a delete's modified_on is the time of the deletion, later than the mapping's own, and the list's")
  void deleteModifiedOnIsTheDeletionTime() {
    String zone = newZone();
    sdk.v1().create(zone, request("192.0.2.5", "aws", "us-east-1"));
    sdk.v1().create(zone, request("192.0.2.6", "aws", "us-east-1"));
    RawHttp.Reply deleted = http.call("DELETE", zonePath(zone) + "/192.0.2.5").send();
    OffsetDateTime deletedAt = OffsetDateTime.parse(deleted.result().path("modified_on").asText());
    OffsetDateTime mappingTime = OffsetDateTime.parse(deleted.result().path("value").path("modified_on").asText());
    assertThat(deleted.result().path("value").path("origin-ip").asText()).isEqualTo("192.0.2.5");
    assertThat(deletedAt).isAfter(mappingTime);
    assertThat(sdk.v1().list(zone).modifiedOn()).isEqualTo(deletedAt);
  }

  @Test
  @DisplayName("L1, G2: the list's modified_on is null when empty, the latest change otherwise, null again once emptied")
  void listModifiedOn() {
    String zone = newZone();
    assertThat(sdk.v1().list(zone).modifiedOn()).isNull();
    Mapping first = sdk.v1().create(zone, request("192.0.2.1", "aws", "us-east-1"));
    assertThat(sdk.v1().list(zone).modifiedOn()).isEqualTo(first.modifiedOn());
    Mapping second = sdk.v1().create(zone, request("192.0.2.2", "aws", "us-east-1"));
    assertThat(second.modifiedOn()).isAfter(first.modifiedOn());
    assertThat(sdk.v1().list(zone).modifiedOn()).isEqualTo(second.modifiedOn());
    sdk.v1().delete(zone, "192.0.2.1");
    assertThat(sdk.v1().list(zone).modifiedOn()).as("after a delete").isAfter(second.modifiedOn());
    sdk.v1().delete(zone, "192.0.2.2");
    MappingList empty = sdk.v1().list(zone);
    assertThat(empty.mappings()).isEmpty();
    assertThat(empty.modifiedOn()).isNull();
  }

  @Test
  @DisplayName("M4: editable is true; the list is ordered by address, IPv4 before IPv6, numerically")
  void listOrder() {
    String zone = newZone();
    List<String> inserted = List.of("2001:db8::10", "198.51.100.1", "::ffff:192.0.2.1", "192.0.2.10", "2001:db8::9",
        "192.0.2.9", "::1", "203.0.113.0", "fe80::1", "192.0.2.100");
    for (String ip : inserted) {
      sdk.v1().create(zone, request(ip, "aws", "us-east-1"));
    }
    assertThat(http.get(zonePath(zone)).result().path("editable").asBoolean()).isTrue();
    assertThat(sdk.v1().list(zone).mappings()).extracting(Mapping::originIp).containsExactly(
        "192.0.2.9", "192.0.2.10", "192.0.2.100", "198.51.100.1", "203.0.113.0",
        "::1", "::ffff:192.0.2.1", "2001:db8::9", "2001:db8::10", "fe80::1");
  }

  @Test
  @DisplayName("S1, M3: supported_regions lists several regions per vendor with IATA-style colos, each one usable")
  void supportedRegions() {
    String zone = newZone();
    SupportedRegions catalogue = sdk.v1().supportedRegions(zone);
    assertThat(catalogue.obtainedCodes()).isTrue();
    Map<String, List<Region>> vendors = catalogue.vendors();
    assertThat(vendors).containsOnlyKeys("aws", "azure", "gcp", "oci");
    List<String> ips = new ArrayList<>();
    List<String> body = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<Region>> vendor : vendors.entrySet()) {
      assertThat(vendor.getValue()).as("regions of %s", vendor.getKey()).hasSizeGreaterThanOrEqualTo(5);
      for (Region region : vendor.getValue()) {
        assertThat(region.name()).isNotBlank();
        assertThat(region.upperTierColos()).as("colos of %s", region.name())
            .isNotEmpty().allSatisfy(colo -> assertThat(colo).matches("[A-Z]{3}"));
        String ip = docIpv4(n++);
        ips.add(ip);
        body.add("{\"ip\":\"" + ip + "\",\"vendor\":\"" + vendor.getKey() + "\",\"region\":\"" + region.name() + "\"}");
      }
    }
    RawHttp.Reply reply = http.send("PATCH", zonePath(zone) + "/batch", "[" + String.join(",", body) + "]");
    assertThat(reply.result().path("value").path("failed")).as("every listed pair is accepted").isEmpty();
    assertThat(reply.result().path("value").path("succeeded")).hasSize(ips.size());
  }

  @Test
  @DisplayName("M2, BU4: a full zone (3,500) refuses new mappings with 403 code 1164 and no change, but allows updates")
  void zoneLimit() {
    String zone = newZone();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < Zone.MAX_MAPPINGS; i++) {
      all.add("2001:db8::" + Integer.toHexString(i + 1));
    }
    for (int from = 0; from < all.size(); from += Bodies.MAX_BATCH_ITEMS) {
      RawHttp.Reply seeded = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(all.subList(from, from + Bodies.MAX_BATCH_ITEMS)));
      assertThat(seeded.result().path("value").path("succeeded")).hasSize(Bodies.MAX_BATCH_ITEMS);
    }
    String full = http.get(zonePath(zone)).body();

    ApiException create = sdkFailure(() -> sdk.v1().create(zone, request("192.0.2.1", "aws", "us-east-1")));
    assertThat(create.status()).isEqualTo(403);
    assertThat(errorCode(create)).isEqualTo(1164);
    ApiException upsertNew = sdkFailure(() -> sdk.v1().upsert(zone, request("192.0.2.1", "aws", "us-east-1")));
    assertThat(upsertNew.status()).isEqualTo(403);
    assertThat(errorCode(upsertNew)).isEqualTo(1164);
    // one new mapping among updates: the whole batch is refused, the updates included
    RawHttp.Reply batch = http.send("PATCH", zonePath(zone) + "/batch",
        "[{\"ip\":\"2001:db8::1\",\"vendor\":\"gcp\",\"region\":\"us-central1\"},"
            + "{\"ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}]");
    assertThat(batch.status()).isEqualTo(403);
    assertThat(batch.errorCode()).isEqualTo(1164);
    assertThat(http.get(zonePath(zone)).body()).as("the full zone, unchanged").isEqualTo(full);

    MappingList updated = sdk.v1().upsert(zone, request("2001:db8::1", "gcp", "us-central1"));
    assertThat(updated.mappings()).hasSize(Zone.MAX_MAPPINGS);
    RawHttp.Reply batchUpdate = http.send("PATCH", zonePath(zone) + "/batch",
        "[{\"ip\":\"2001:db8::2\",\"vendor\":\"gcp\",\"region\":\"us-central1\"},"
            + "{\"ip\":\"192.0.2.1\",\"vendor\":\"nope\",\"region\":\"us-east-1\"}]");
    assertThat(batchUpdate.status()).as("updates and failures add nothing: allowed").isEqualTo(200);

    sdk.v1().delete(zone, "2001:db8::3");
    assertThat(sdk.v1().create(zone, request("192.0.2.1", "aws", "us-east-1")).originIp()).isEqualTo("192.0.2.1");
  }
}
