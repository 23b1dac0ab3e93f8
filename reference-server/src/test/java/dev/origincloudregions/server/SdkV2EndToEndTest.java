package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIps;
import static dev.origincloudregions.server.Fixtures.request;
import static dev.origincloudregions.server.Fixtures.sdkFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.ApiError;
import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.BatchItem;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.MappingPage;
import dev.origincloudregions.sdk.MappingRequest;
import dev.origincloudregions.sdk.OriginCloudRegionsV1;
import dev.origincloudregions.sdk.Region;
import dev.origincloudregions.sdk.SupportedRegions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SDK's v2 surface against the real reference server, every operation: the SDK's requests are what
 * the server accepts, the server's answers are what the SDK decodes (and, through {@link
 * ServerTestSupport}, what the spec allows). Also the two families on one store (VS1): mappings written
 * through {@code client.v1()} are read and deleted through v2.
 */
class SdkV2EndToEndTest extends ServerTestSupport {

  /** The server's list order (M4): IPv4 before IPv6, each numerically ascending. */
  static final Comparator<String> LIST_ORDER =
      Comparator.<String>comparingInt(ip -> address(ip).length).thenComparing(SdkV2EndToEndTest::address, Arrays::compareUnsigned);

  private static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new AssertionError(literal, e);
    }
  }

  /** Lines of the server's request log for v2 list requests of a zone. */
  private static long listRequests(String zone) {
    String line = "GET " + Options.DEFAULT_BASE_PATH + v2Path(zone) + " ";
    return REQUEST_LOG.stream().filter(l -> l.startsWith(line)).count();
  }

  @Test
  @DisplayName("S1, VP1, VG1: supportedRegions, put (create and replace), get and delete, with canonical IPs")
  void singleMappingOperations() {
    String zone = newZone();
    SupportedRegions catalogue = sdk.supportedRegions(zone);
    assertThat(catalogue.vendors()).containsKeys("aws", "gcp");
    String awsRegion = catalogue.vendors().get("aws").get(0).name();
    String gcpRegion = catalogue.vendors().get("gcp").stream().map(Region::name).filter(r -> !r.isEmpty()).findFirst().orElseThrow();

    Mapping created = sdk.put(zone, request("2001:DB8:0:0::1", "aws", awsRegion));
    assertThat(created).extracting(Mapping::originIp, Mapping::vendor, Mapping::region)
        .containsExactly("2001:db8::1", "aws", awsRegion);
    assertThat(created.modifiedOn()).isNotNull();
    assertThat(sdk.get(zone, "2001:db8:0::1")).isEqualTo(created);

    Mapping replaced = sdk.put(zone, request("2001:db8::1", "gcp", gcpRegion));
    assertThat(replaced).extracting(Mapping::originIp, Mapping::vendor, Mapping::region)
        .containsExactly("2001:db8::1", "gcp", gcpRegion);
    assertThat(replaced.modifiedOn()).as("VP1: every accepted put is a change").isAfterOrEqualTo(created.modifiedOn());
    assertThat(sdk.get(zone, "2001:DB8::1")).isEqualTo(replaced);

    assertThat(sdk.delete(zone, "2001:DB8::0:1")).isEqualTo("2001:db8::1");
    ApiException gone = sdkFailure(() -> sdk.get(zone, "2001:db8::1"));
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.hasCode(1142)).isTrue();
    assertThat(sdkFailure(() -> sdk.delete(zone, "2001:db8::1")).hasCode(1142)).isTrue();
  }

  @Test
  @DisplayName("VP1, M3: refusals reach the SDK as ApiExceptions and change nothing")
  void refusalsAreApiExceptions() {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.1", "aws", "us-east-1"));

    ApiException unsupported = sdkFailure(() -> sdk.put(zone, request("192.0.2.1", "aws", "mars-north-1")));
    ApiException invalid = sdkFailure(() -> sdk.put(zone, request("192.0.2.256", "aws", "us-east-1")));
    ApiException invalidGet = sdkFailure(() -> sdk.get(zone, "not-an-ip"));

    assertThat(unsupported.status()).isEqualTo(400);
    assertThat(unsupported.errors()).extracting(ApiError::code).containsExactly(1157);
    assertThat(invalid.errors()).extracting(ApiError::code).containsExactly(1146);
    assertThat(invalidGet.errors()).extracting(ApiError::code).containsExactly(1146);
    assertThat(sdk.get(zone, "192.0.2.1").region()).as("unchanged").isEqualTo("us-east-1");
  }

  @Test
  @DisplayName("VBU1, VL1, M4: 250 mappings put in batches, then listed over many pages, in order, each once")
  void bulkPutThenListOverManyPages() {
    String zone = newZone();
    List<String> ips = docIps(250);
    List<MappingRequest> requests = ips.stream().map(ip -> request(ip, "aws", "us-east-1")).toList();
    List<Integer> progress = new ArrayList<>();

    BatchResult put = sdk.bulkPutAll(zone, requests, (done, total, batch) -> progress.add(done));

    assertThat(progress).containsExactly(100, 200, 250);
    assertThat(put.failed()).isEmpty();
    assertThat(put.modifiedOn()).as("v2 batch results carry no time").isNull();
    assertThat(put.succeeded()).extracting(BatchItem::originIp).isEqualTo(ips);
    List<String> inListOrder = ips.stream().sorted(LIST_ORDER).toList();

    long before = listRequests(zone);
    List<Mapping> listed = new ArrayList<>();
    sdk.list(zone, 7).forEach(listed::add);

    assertThat(listed).extracting(Mapping::originIp).isEqualTo(inListOrder);
    assertThat(listed).allSatisfy(m -> assertThat(m.modifiedOn()).isNotNull());
    assertThat(listRequests(zone) - before).as("36 pages of 7 (the last short), one request each").isEqualTo(36);
    assertThat(sdk.list(zone).stream().map(Mapping::originIp).toList()).as("the default page size").isEqualTo(inListOrder);

    MappingPage page = sdk.listPage(zone, 2, 100);
    assertThat(page.mappings()).extracting(Mapping::originIp).isEqualTo(inListOrder.subList(100, 200));
    assertThat(page).extracting(MappingPage::page, MappingPage::perPage, MappingPage::totalCount, MappingPage::totalPages)
        .containsExactly(2, 100, 250, 3);
    assertThat(sdk.listPage(zone, 4, 100).mappings()).as("past the last page").isEmpty();
  }

  @Test
  @DisplayName("VBD1, BD4-BD6, BD9: bulkDelete reports each item in request order; bulkDeleteAll empties the zone")
  void bulkDeleteAndBulkDeleteAll() {
    String zone = newZone();
    sdk.bulkPut(zone, List.of(request("192.0.2.1", "aws", "us-east-1"), request("2001:db8::1", "gcp", "us-central1")));

    BatchResult result = sdk.bulkDelete(zone, List.of("2001:DB8::1", "192.0.2.9", "not-an-ip", "2001:db8:0::1", "192.0.2.1"));

    assertThat(result.modifiedOn()).isNull();
    assertThat(result.succeeded()).containsExactly(
        new BatchItem("2001:db8::1", "gcp", "us-central1", null), new BatchItem("192.0.2.1", "aws", "us-east-1", null));
    assertThat(result.failed()).extracting(BatchItem::originIp, BatchItem::error).containsExactly(
        org.assertj.core.groups.Tuple.tuple("192.0.2.9", "not found"),
        org.assertj.core.groups.Tuple.tuple("not-an-ip", "invalid IP address"),
        org.assertj.core.groups.Tuple.tuple("2001:db8::1", "duplicate in request"));
    assertThat(sdk.bulkDelete(zone, List.of())).isEqualTo(new BatchResult(null, List.of(), List.of()));

    List<String> ips = docIps(230);
    sdk.bulkPutAll(zone, ips.stream().map(ip -> request(ip, "aws", "us-east-1")).toList());
    BatchResult all = sdk.bulkDeleteAll(zone, ips);
    assertThat(all.succeeded()).extracting(BatchItem::originIp).isEqualTo(ips);
    assertThat(all.failed()).isEmpty();
    assertThat(sdk.list(zone).iterator().hasNext()).isFalse();
    assertThat(sdk.listPage(zone, 1, 20)).isEqualTo(new MappingPage(List.of(), 1, 20, 0, 0));
  }

  @Test
  @SuppressWarnings("deprecation") // client.v1(): the point of this test
  @DisplayName("VS1: mappings written through client.v1() are read and deleted through v2, and the other way round")
  void theTwoFamiliesShareOneStore() {
    String zone = newZone();
    OriginCloudRegionsV1 v1 = sdk.v1();
    Mapping createdByV1 = v1.create(zone, request("2001:DB8::A", "azure", "eastus"));
    v1.bulkUpsert(zone, List.of(request("192.0.2.7", "aws", "us-east-1"), request("192.0.2.8", "aws", "us-east-1")));

    assertThat(sdk.get(zone, "2001:db8::a")).isEqualTo(createdByV1);
    assertThat(sdk.list(zone).stream().map(Mapping::originIp).toList()).containsExactly("192.0.2.7", "192.0.2.8", "2001:db8::a");
    assertThat(sdk.delete(zone, "2001:db8::a")).isEqualTo("2001:db8::a");
    assertThat(sdk.bulkDelete(zone, List.of("192.0.2.7", "192.0.2.8")).succeeded()).hasSize(2);
    assertThat(v1.list(zone).mappings()).as("seen through v1").isEmpty();
    assertThat(v1.list(zone).modifiedOn()).isNull();

    Mapping putByV2 = sdk.put(zone, request("::ffff:192.0.2.1", "oci", "us-ashburn-1"));
    assertThat(v1.get(zone, "::FFFF:C000:201")).isEqualTo(putByV2);
    assertThat(v1.delete(zone, "::ffff:192.0.2.1")).isEqualTo(putByV2);
    assertThat(sdkFailure(() -> sdk.get(zone, "::ffff:192.0.2.1")).hasCode(1142)).isTrue();
  }
}
