package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.errorCode;
import static dev.origincloudregions.server.Fixtures.request;
import static dev.origincloudregions.server.Fixtures.sdkFailure;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionEntry;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseList;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseSingle;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionSingleResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionsListResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegion;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegionsResult;
import feign.FeignException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M1–M4, C1, U1, G1, G2, S1, L1 through the SDK: single operations, the list and the catalogue. */
class MappingsTest extends ServerTestSupport {

  @Test
  @DisplayName("C1, M1: create returns the mapping with its canonical origin-ip and modified_on")
  void createReturnsTheMapping() {
    String zone = newZone();
    CacheRulesOriginCloudRegionSingleResult result =
        sdk.originCloudRegionsCreate(zone, request("2001:DB8:0:0::1", "gcp", "us-central1")).getResult();
    assertThat(result.getId()).hasToString("origin_public_cloud_region");
    assertThat(result.getEditable()).isTrue();
    CacheRulesOriginCloudRegionEntry value = result.getValue();
    assertThat(value.getOriginIp()).isEqualTo("2001:db8::1");
    assertThat(value.getVendor()).isEqualTo("gcp");
    assertThat(value.getRegion()).isEqualTo("us-central1");
    assertThat(value.getModifiedOn()).isNotNull().isEqualTo(result.getModifiedOn());
  }

  @Test
  @DisplayName("C1, IP3: creating an IP that exists, in any spelling, answers 400 with code 1145 and changes nothing")
  void createExisting() {
    String zone = newZone();
    sdk.originCloudRegionsCreate(zone, request("2001:db8::1", "aws", "us-east-1"));
    CacheRulesOriginCloudRegionsListResult before = sdk.originCloudRegionsList(zone).getResult();
    FeignException failure = sdkFailure(() -> sdk.originCloudRegionsCreate(zone, request("2001:DB8:0::1", "gcp", "us-central1")));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(errorCode(failure)).isEqualTo(1145);
    assertThat(sdk.originCloudRegionsList(zone).getResult()).isEqualTo(before);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @DisplayName("C1, IP1: creating an invalid IP answers 400 with code 1146")
  @CsvSource({"not-an-ip", "010.0.0.1", "192.0.2.1/32", "fe80::1%eth0", "' 192.0.2.1'", "[::1]", "''"})
  void createInvalidIp(String ip) {
    String zone = newZone();
    FeignException failure = sdkFailure(() -> sdk.originCloudRegionsCreate(zone, request(ip, "aws", "us-east-1")));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(errorCode(failure)).isEqualTo(1146);
    assertThat(sdk.originCloudRegionsList(zone).getResult().getValue()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}/{1}")
  @DisplayName("C1, M3: a vendor/region pair that supported_regions does not list answers 400 with code 1157")
  @CsvSource({"aws, us-central1", "gcp, us-east-1", "ibm, us-south", "AWS, us-east-1", "aws, US-EAST-1", "aws, ''", "'', us-east-1"})
  void createUnsupportedVendorRegion(String vendor, String region) {
    String zone = newZone();
    FeignException create = sdkFailure(() -> sdk.originCloudRegionsCreate(zone, request("192.0.2.1", vendor, region)));
    assertThat(create.status()).isEqualTo(400);
    assertThat(errorCode(create)).isEqualTo(1157);
    FeignException upsert = sdkFailure(() -> sdk.originCloudRegionsUpsert(zone, request("192.0.2.1", vendor, region)));
    assertThat(upsert.status()).isEqualTo(400);
    assertThat(errorCode(upsert)).isEqualTo(1157);
    assertThat(sdk.originCloudRegionsList(zone).getResult().getValue()).isEmpty();
  }

  @Test
  @DisplayName("U1: upsert creates, then replaces, and returns the whole list")
  void upsertCreatesThenReplaces() {
    String zone = newZone();
    sdk.originCloudRegionsCreate(zone, request("192.0.2.9", "oci", "us-ashburn-1"));
    CacheRulesOriginCloudRegionsListResult created =
        sdk.originCloudRegionsUpsert(zone, request("192.0.2.1", "aws", "us-east-1")).getResult();
    assertThat(created.getValue()).extracting(CacheRulesOriginCloudRegionEntry::getOriginIp).containsExactly("192.0.2.1", "192.0.2.9");
    CacheRulesOriginCloudRegionEntry other = created.getValue().get(1);

    CacheRulesOriginCloudRegionsListResult replaced =
        sdk.originCloudRegionsUpsert(zone, request("192.0.2.1", "azure", "westeurope")).getResult();
    assertThat(replaced.getValue()).hasSize(2);
    CacheRulesOriginCloudRegionEntry mapping = replaced.getValue().get(0);
    assertThat(mapping.getVendor()).isEqualTo("azure");
    assertThat(mapping.getRegion()).isEqualTo("westeurope");
    assertThat(mapping.getModifiedOn()).isAfter(created.getValue().get(0).getModifiedOn());
    assertThat(replaced.getModifiedOn()).isEqualTo(mapping.getModifiedOn());
    assertThat(replaced.getValue().get(1)).as("the mapping not named").isEqualTo(other);
    assertThat(replaced).isEqualTo(sdk.originCloudRegionsList(zone).getResult());
  }

  @Test
  @DisplayName("U1: upsert validates like create: an invalid IP answers 400 with code 1146")
  void upsertInvalidIp() {
    String zone = newZone();
    FeignException failure = sdkFailure(() -> sdk.originCloudRegionsUpsert(zone, request("1.2.3", "aws", "us-east-1")));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(errorCode(failure)).isEqualTo(1146);
  }

  @Test
  @DisplayName("G1: get normalises the path IP before lookup")
  void getNormalisesThePathIp() {
    String zone = newZone();
    sdk.originCloudRegionsCreate(zone, request("2001:db8::1", "aws", "us-east-1"));
    sdk.originCloudRegionsCreate(zone, request("::ffff:192.0.2.1", "gcp", "us-central1"));
    for (String spelling : List.of("2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0::1")) {
      CacheRulesOriginCloudRegionSingleResult result = sdk.originCloudRegionsGet(zone, spelling).getResult();
      assertThat(result.getValue().getOriginIp()).as("get %s", spelling).isEqualTo("2001:db8::1");
      assertThat(result.getModifiedOn()).isEqualTo(result.getValue().getModifiedOn());
    }
    assertThat(sdk.originCloudRegionsGet(zone, "::ffff:c000:201").getResult().getValue().getOriginIp()).isEqualTo("::ffff:192.0.2.1");
  }

  @Test
  @DisplayName("G1, IP3: a missing mapping answers 404 with code 1142; 192.0.2.1 is not ::ffff:192.0.2.1")
  void getMissing() {
    String zone = newZone();
    sdk.originCloudRegionsCreate(zone, request("::ffff:192.0.2.1", "aws", "us-east-1"));
    for (String ip : List.of("192.0.2.1", "192.0.2.2")) {
      FeignException get = sdkFailure(() -> sdk.originCloudRegionsGet(zone, ip));
      assertThat(get.status()).isEqualTo(404);
      assertThat(errorCode(get)).isEqualTo(1142);
      FeignException delete = sdkFailure(() -> sdk.originCloudRegionsDelete(zone, ip));
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
    CacheRulesOriginCloudRegionEntry created =
        sdk.originCloudRegionsCreate(zone, request("2001:db8::5", "azure", "eastus")).getResult().getValue();
    sdk.originCloudRegionsCreate(zone, request("192.0.2.5", "aws", "us-east-1"));
    CacheRulesOriginCloudRegionResponseSingle deleted = sdk.originCloudRegionsDelete(zone, "2001:DB8:0::5");
    assertThat(deleted.getResult().getValue()).isEqualTo(created);
    assertThat(deleted.getResult().getModifiedOn()).as("the time of the deletion").isAfter(created.getModifiedOn());
    CacheRulesOriginCloudRegionsListResult list = sdk.originCloudRegionsList(zone).getResult();
    assertThat(list.getValue()).extracting(CacheRulesOriginCloudRegionEntry::getOriginIp).containsExactly("192.0.2.5");
    assertThat(list.getModifiedOn()).isEqualTo(deleted.getResult().getModifiedOn());
    FeignException again = sdkFailure(() -> sdk.originCloudRegionsGet(zone, "2001:db8::5"));
    assertThat(again.status()).isEqualTo(404);
  }

  @Test
  @DisplayName("L1, G2: the list's modified_on is null when empty, the latest change otherwise, null again once emptied")
  void listModifiedOn() {
    String zone = newZone();
    assertThat(sdk.originCloudRegionsList(zone).getResult().getModifiedOn()).isNull();
    CacheRulesOriginCloudRegionSingleResult first = sdk.originCloudRegionsCreate(zone, request("192.0.2.1", "aws", "us-east-1")).getResult();
    assertThat(sdk.originCloudRegionsList(zone).getResult().getModifiedOn()).isEqualTo(first.getModifiedOn());
    CacheRulesOriginCloudRegionSingleResult second = sdk.originCloudRegionsCreate(zone, request("192.0.2.2", "aws", "us-east-1")).getResult();
    assertThat(second.getModifiedOn()).isAfter(first.getModifiedOn());
    assertThat(sdk.originCloudRegionsList(zone).getResult().getModifiedOn()).isEqualTo(second.getModifiedOn());
    sdk.originCloudRegionsDelete(zone, "192.0.2.1");
    sdk.originCloudRegionsDelete(zone, "192.0.2.2");
    CacheRulesOriginCloudRegionResponseList empty = sdk.originCloudRegionsList(zone);
    assertThat(empty.getResult().getValue()).isEmpty();
    assertThat(empty.getResult().getModifiedOn()).isNull();
  }

  @Test
  @DisplayName("M4: editable is true; the list is ordered by address, IPv4 before IPv6, numerically")
  void listOrder() {
    String zone = newZone();
    List<String> inserted = List.of("2001:db8::10", "198.51.100.1", "::ffff:192.0.2.1", "192.0.2.10", "2001:db8::9",
        "192.0.2.9", "::1", "203.0.113.0", "fe80::1", "192.0.2.100");
    for (String ip : inserted) {
      sdk.originCloudRegionsCreate(zone, request(ip, "aws", "us-east-1"));
    }
    CacheRulesOriginCloudRegionsListResult list = sdk.originCloudRegionsList(zone).getResult();
    assertThat(list.getEditable()).isTrue();
    assertThat(list.getValue()).extracting(CacheRulesOriginCloudRegionEntry::getOriginIp).containsExactly(
        "192.0.2.9", "192.0.2.10", "192.0.2.100", "198.51.100.1", "203.0.113.0",
        "::1", "::ffff:192.0.2.1", "2001:db8::9", "2001:db8::10", "fe80::1");
  }

  @Test
  @DisplayName("S1, M3: supported_regions lists several regions per vendor with IATA-style colos, each one usable")
  void supportedRegions() {
    String zone = newZone();
    CacheRulesSupportedCloudRegionsResult catalogue = sdk.originCloudRegionsSupportedRegions(zone).getResult();
    assertThat(catalogue.getObtainedCodes()).isTrue();
    Map<String, List<CacheRulesSupportedCloudRegion>> vendors = catalogue.getVendors();
    assertThat(vendors).containsOnlyKeys("aws", "azure", "gcp", "oci");
    List<String> ips = new ArrayList<>();
    List<String> body = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<CacheRulesSupportedCloudRegion>> vendor : vendors.entrySet()) {
      assertThat(vendor.getValue()).as("regions of %s", vendor.getKey()).hasSizeGreaterThanOrEqualTo(5);
      for (CacheRulesSupportedCloudRegion region : vendor.getValue()) {
        assertThat(region.getName()).isNotBlank();
        assertThat(region.getUpperTierColos()).as("colos of %s", region.getName())
            .isNotEmpty().allSatisfy(colo -> assertThat(colo).matches("[A-Z]{3}"));
        String ip = docIpv4(n++);
        ips.add(ip);
        body.add("{\"ip\":\"" + ip + "\",\"vendor\":\"" + vendor.getKey() + "\",\"region\":\"" + region.getName() + "\"}");
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
    for (int from = 0; from < all.size(); from += Api.MAX_BATCH_ITEMS) {
      RawHttp.Reply seeded = http.send("PATCH", zonePath(zone) + "/batch", upsertBody(all.subList(from, from + Api.MAX_BATCH_ITEMS)));
      assertThat(seeded.result().path("value").path("succeeded")).hasSize(Api.MAX_BATCH_ITEMS);
    }
    String full = http.get(zonePath(zone)).body();

    FeignException create = sdkFailure(() -> sdk.originCloudRegionsCreate(zone, request("192.0.2.1", "aws", "us-east-1")));
    assertThat(create.status()).isEqualTo(403);
    assertThat(errorCode(create)).isEqualTo(1164);
    FeignException upsertNew = sdkFailure(() -> sdk.originCloudRegionsUpsert(zone, request("192.0.2.1", "aws", "us-east-1")));
    assertThat(upsertNew.status()).isEqualTo(403);
    assertThat(errorCode(upsertNew)).isEqualTo(1164);
    // one new mapping among updates: the whole batch is refused, the updates included
    RawHttp.Reply batch = http.send("PATCH", zonePath(zone) + "/batch",
        "[{\"ip\":\"2001:db8::1\",\"vendor\":\"gcp\",\"region\":\"us-central1\"},"
            + "{\"ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}]");
    assertThat(batch.status()).isEqualTo(403);
    assertThat(batch.errorCode()).isEqualTo(1164);
    assertThat(http.get(zonePath(zone)).body()).as("the full zone, unchanged").isEqualTo(full);

    CacheRulesOriginCloudRegionsListResult updated =
        sdk.originCloudRegionsUpsert(zone, request("2001:db8::1", "gcp", "us-central1")).getResult();
    assertThat(updated.getValue()).hasSize(Zone.MAX_MAPPINGS);
    RawHttp.Reply batchUpdate = http.send("PATCH", zonePath(zone) + "/batch",
        "[{\"ip\":\"2001:db8::2\",\"vendor\":\"gcp\",\"region\":\"us-central1\"},"
            + "{\"ip\":\"192.0.2.1\",\"vendor\":\"nope\",\"region\":\"us-east-1\"}]");
    assertThat(batchUpdate.status()).as("updates and failures add nothing: allowed").isEqualTo(200);

    sdk.originCloudRegionsDelete(zone, "2001:db8::3");
    assertThat(sdk.originCloudRegionsCreate(zone, request("192.0.2.1", "aws", "us-east-1")).getResult().getValue().getOriginIp())
        .isEqualTo("192.0.2.1");
  }
}
