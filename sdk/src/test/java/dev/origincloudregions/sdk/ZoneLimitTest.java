package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code bulkPutAll} and v1's {@code bulkUpsertAll} find out before sending any put whether the new
 * mappings fit the zone's 3,500 (M2, BU4): cheaply from the zone's count when they clearly fit, from the
 * whole zone when near the limit, counting distinct new canonical IPs; and they refuse with code 1164
 * without sending anything when they do not fit.
 */
@SuppressWarnings("deprecation") // one test drives the v1 family
class ZoneLimitTest {
  /** A zone of {@code held} mappings (10.0.x.y) that pages as VL1 says and echoes batches. */
  private static RecordingServer zoneOf(int held) {
    RecordingServer server = new RecordingServer();
    PagedZone zone = new PagedZone(PagedZone.mappings(held), PagedZone.Variant.EXACT);
    server.dispatch(r -> r.method().equals("GET") ? zone.apply(r) : EchoBatches.answer(r));
    return server;
  }

  private static OriginCloudRegions client(RecordingServer server) {
    return Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();
  }

  /** {@code n} requests for IPs that no zone of {@link PagedZone#mappings} holds (2001:db8::…). */
  private static List<MappingRequest> newMappings(int n) {
    return IntStream.range(0, n).mapToObj(i -> MappingRequest.of("2001:db8::" + Integer.toHexString(i + 1), "aws", "us-east-1"))
        .toList();
  }

  private static List<String> requestLines(RecordingServer server) {
    return server.takeAll().stream().map(r -> r.method() + " " + r.rawPath().substring(Fixtures.V2_PATH.length())
        + (r.rawQuery() == null ? "" : "?" + r.rawQuery())).toList();
  }

  @Test
  void whenTheCountShowsThatTheyFitOneSmallRequestComesFirst() {
    try (var server = zoneOf(10)) {
      BatchResult result = client(server).bulkPutAll(ZONE, newMappings(150));

      assertThat(result.succeeded().size() + result.failed().size()).isEqualTo(150);
      assertThat(requestLines(server)).containsExactly("GET ?page=1&per_page=1", "PUT /batch", "PUT /batch");
    }
  }

  @Test
  @DisplayName("near the limit, IPs the zone holds (in any text form) and repeated IPs are not new")
  void nearTheLimitOnlyDistinctNewCanonicalIpsCount() {
    try (var server = zoneOf(3_450)) {
      List<MappingRequest> items = new ArrayList<>(newMappings(50)); // 3,450 + 50 = 3,500: fits
      items.add(MappingRequest.of("10.0.0.1", "gcp", "us-central1")); // held: a replacement
      items.add(MappingRequest.of("2001:DB8:0:0::1", "gcp", "us-central1")); // = 2001:db8::1, already counted
      items.add(MappingRequest.of("not-an-ip", "aws", "us-east-1")); // fails as an item, creates nothing

      BatchResult result = client(server).bulkPutAll(ZONE, items);

      assertThat(result.succeeded().size() + result.failed().size()).isEqualTo(53);
      List<String> lines = requestLines(server);
      assertThat(lines.get(0)).isEqualTo("GET ?page=1&per_page=1");
      assertThat(lines.stream().filter(l -> l.startsWith("GET ?page=")).count()).isEqualTo(1 + 35); // the whole zone
      assertThat(lines.stream().filter(l -> l.equals("PUT /batch")).count()).isEqualTo(1);
    }
  }

  @Test
  void mappingsThatDoNotFitAreRefusedWithCode1164BeforeAnyPut() {
    try (var server = zoneOf(3_450)) {
      List<MappingRequest> items = new ArrayList<>(newMappings(51)); // one too many
      items.add(MappingRequest.of("10.0.0.7", "gcp", "us-central1"));

      ZoneFullException e = catchThrowableOfType(ZoneFullException.class, () -> client(server).bulkPutAll(ZONE, items));

      assertThat(e.hasCode(1164)).as("the typed zone-full refusal: %s", e).isTrue();
      assertThat(e.checkedBeforeSending()).isTrue();
      assertThat(e.cfRay()).isEmpty();
      assertThat(e.getMessage()).contains("the zone holds 3,450 mappings and the items add 51 new ones",
          "limit of 3,500", "nothing was sent");
      assertThat(requestLines(server)).allSatisfy(line -> assertThat(line).startsWith("GET "));
    }
  }

  @Test
  void theCheckCanBeTurnedOff() {
    try (var server = zoneOf(3_500)) {
      Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).zoneLimitCheck(false).build()
          .bulkPutAll(ZONE, newMappings(3));

      assertThat(requestLines(server)).containsExactly("PUT /batch");
    }
  }

  @Test
  void anEmptyCallSendsNothingAtAll() {
    try (var server = zoneOf(3_500)) {
      client(server).bulkPutAll(ZONE, List.of());
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void v1BulkUpsertAllReadsTheZoneWithV1sListAndRefusesTheSameWay() {
    try (var server = new RecordingServer()) {
      List<Recorded> puts = new ArrayList<>();
      String list = v1List(3_499);
      server.dispatch(r -> {
        if (r.method().equals("GET")) {
          return Reply.json(200, list);
        }
        puts.add(r);
        return EchoBatches.answer(r);
      });
      OriginCloudRegionsV1 v1 = client(server).v1();

      ZoneFullException e = catchThrowableOfType(ZoneFullException.class, () -> v1.bulkUpsertAll(ZONE, newMappings(2)));
      assertThat(e.hasCode(1164)).isTrue();
      assertThat(puts).isEmpty();

      assertThat(v1.bulkUpsertAll(ZONE, newMappings(1)).succeeded()).hasSize(1);
      assertThat(puts).hasSize(1);
      assertThat(server.takeAll()).extracting(Recorded::method).containsExactly("GET", "GET", "PATCH");
    }
  }

  private static String v1List(int n) {
    return "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"editable\":true,"
        + "\"id\":\"origin_public_cloud_region\",\"modified_on\":\"2026-03-01T12:00:00Z\",\"value\":["
        + PagedZone.mappings(n).stream().map(m -> "{\"modified_on\":\"2026-03-01T12:00:00Z\",\"origin-ip\":\""
            + m.originIp() + "\",\"region\":\"" + m.region() + "\",\"vendor\":\"" + m.vendor() + "\"}")
            .collect(Collectors.joining(","))
        + "]}}";
  }
}
