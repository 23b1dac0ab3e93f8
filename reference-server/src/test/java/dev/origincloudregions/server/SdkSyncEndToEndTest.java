package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIps;
import static dev.origincloudregions.server.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.BatchAbortedException;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.MappingRequest;
import dev.origincloudregions.sdk.OriginCloudRegions;
import dev.origincloudregions.sdk.RetryPolicy;
import dev.origincloudregions.sdk.SyncPlan;
import dev.origincloudregions.sdk.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SDK's {@code sync} and zone-limit check against the real reference server: after a sync the zone
 * holds exactly the desired mappings, and nothing outside the plan was touched (the unchanged mappings
 * keep their {@code modified_on}, VM1; another zone is unchanged); a dry run changes nothing; a call that
 * would overflow the zone's 3,500 (M2) changes nothing, where without the check it stops part-way.
 */
class SdkSyncEndToEndTest extends ServerTestSupport {

  private static Map<String, Mapping> byIp(String zone) {
    return sdk.list(zone).stream().collect(Collectors.toMap(Mapping::originIp, Function.identity()));
  }

  @Test
  @DisplayName("sync: the zone ends as desired; unchanged mappings and other zones are not touched")
  void syncMakesTheZoneEqualToTheDesiredSetAndTouchesNothingElse() {
    String zone = newZone();
    String bystander = newZone();
    List<String> ips = docIps(300);
    sdk.bulkPutAll(zone, ips.stream().map(ip -> request(ip, "aws", "us-east-1")).toList());
    sdk.bulkPutAll(bystander, ips.subList(0, 20).stream().map(ip -> request(ip, "aws", "us-east-1")).toList());
    Map<String, Mapping> before = byIp(zone);
    Map<String, Mapping> bystanderBefore = byIp(bystander);

    // Keep 0-149 (the IPv6 ones in upper case: the same mappings), move 150-199 to gcp, drop 200-299,
    // add 120 new ones, and ::ffff:192.0.2.0, which is not 192.0.2.0.
    List<MappingRequest> desired = new ArrayList<>();
    ips.subList(0, 150).forEach(ip -> desired.add(request(ip.toUpperCase(), "aws", "us-east-1")));
    ips.subList(150, 200).forEach(ip -> desired.add(request(ip, "gcp", "us-central1")));
    List<String> fresh = docIps(420).subList(300, 420);
    fresh.forEach(ip -> desired.add(request(ip, "azure", "eastus")));
    desired.add(request("::ffff:192.0.2.0", "aws", "us-east-1"));

    SyncPlan dryRun = sdk.planSync(zone, desired);
    assertThat(byIp(zone)).as("a dry run changes nothing").isEqualTo(before);
    assertThat(dryRun.creates()).hasSize(121);
    assertThat(dryRun.updates()).hasSize(50);
    assertThat(dryRun.deletes()).containsExactlyInAnyOrderElementsOf(ips.subList(200, 300));
    assertThat(dryRun.unchanged()).isEqualTo(150);

    SyncResult result = sdk.sync(zone, desired);

    assertThat(result.plan()).isEqualTo(dryRun);
    assertThat(result.allSucceeded()).as("%s", result).isTrue();
    Map<String, Mapping> after = byIp(zone);
    assertThat(after).hasSize(150 + 50 + 121);
    for (String ip : ips.subList(0, 150)) {
      assertThat(after.get(ip)).as("untouched: same vendor, region and modified_on").isEqualTo(before.get(ip));
    }
    ips.subList(150, 200).forEach(ip -> assertThat(after.get(ip).vendor()).isEqualTo("gcp"));
    ips.subList(200, 300).forEach(ip -> assertThat(after).doesNotContainKey(ip));
    fresh.forEach(ip -> assertThat(after.get(ip).region()).isEqualTo("eastus"));
    assertThat(after).containsKeys("::ffff:192.0.2.0", "192.0.2.0");
    assertThat(byIp(bystander)).isEqualTo(bystanderBefore);

    assertThat(sdk.planSync(zone, desired).isEmpty()).as("the same sync again has nothing to do").isTrue();
  }

  @Test
  @DisplayName("M2: bulkPutAll refuses what would overflow the zone and changes nothing; unchecked, it stops part-way")
  void theZoneLimitCheckKeepsAnOverflowingCallFromApplyingHalfOfIt() {
    String zone = newZone();
    List<String> ips = docIps(3_551);
    sdk.bulkPutAll(zone, ips.subList(0, 3_450).stream().map(ip -> request(ip, "aws", "us-east-1")).toList());
    // The first batch replaces 50 mappings and fills the zone with 50 new ones; the second's 51 overflow it.
    List<MappingRequest> more = new ArrayList<>();
    ips.subList(0, 50).forEach(ip -> more.add(request(ip, "gcp", "us-central1")));
    ips.subList(3_450, 3_551).forEach(ip -> more.add(request(ip, "gcp", "us-central1")));

    ApiException refused = catchThrowableOfType(ApiException.class, () -> sdk.bulkPutAll(zone, more));
    assertThat(refused.hasCode(1164)).isTrue();
    assertThat(sdk.listPage(zone, 1, 1).totalCount()).as("nothing was sent").isEqualTo(3_450);

    OriginCloudRegions unchecked = OriginCloudRegions.builder().baseUrl(server.baseUrl().toString()).apiToken(TOKEN)
        .retryPolicy(RetryPolicy.NONE).zoneLimitCheck(false).build();
    BatchAbortedException partWay = catchThrowableOfType(BatchAbortedException.class, () -> unchecked.bulkPutAll(zone, more));
    assertThat(partWay.itemsSent()).isEqualTo(100);
    assertThat(((ApiException) partWay.getCause()).hasCode(1164)).isTrue();
    assertThat(sdk.listPage(zone, 1, 1).totalCount()).isEqualTo(3_500);
  }
}
