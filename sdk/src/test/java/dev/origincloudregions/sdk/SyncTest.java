package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The plan of {@code sync}/{@code planSync} and the requests that carry it out, against a local server
 * serving a fixed zone: IPs compared by canonical form (IP2, IP3), deletes before puts, in batches,
 * and nothing but reads for a dry run or an invalid desired set. The reference server's {@code
 * SdkSyncEndToEndTest} checks the effect on a real store.
 */
class SyncTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-03-01T12:00:00Z");

  private static final List<Mapping> ZONE_NOW = List.of(
      new Mapping("192.0.2.1", "aws", "us-east-1", T), // kept as is
      new Mapping("192.0.2.2", "aws", "us-east-1", T), // changes region
      new Mapping("192.0.2.3", "gcp", "us-central1", T), // not desired: deleted
      new Mapping("2001:db8::1", "aws", "us-east-1", T), // desired as 2001:DB8:0:0::1: kept
      new Mapping("::ffff:192.0.2.4", "aws", "us-east-1", T)); // not 192.0.2.4: deleted

  private static final List<MappingRequest> DESIRED = List.of(
      MappingRequest.of("192.0.2.1", "aws", "us-east-1"),
      MappingRequest.of("192.0.2.2", "aws", "eu-west-1"),
      MappingRequest.of("2001:DB8:0:0::1", "aws", "us-east-1"),
      MappingRequest.of("192.0.2.4", "azure", "eastus"), // new: IPv4, not the mapped IPv6 one
      MappingRequest.of("2001:0DB8::A", "gcp", "us-central1")); // new, sent canonical

  private static RecordingServer serving(List<Mapping> zone) {
    RecordingServer server = new RecordingServer();
    PagedZone pages = new PagedZone(zone, PagedZone.Variant.EXACT);
    server.dispatch(r -> r.method().equals("GET") ? pages.apply(r) : EchoBatches.answer(r));
    return server;
  }

  private static OriginCloudRegions client(RecordingServer server) {
    return Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();
  }

  @Test
  @DisplayName("the plan compares canonical forms: case and zero runs do not matter, IPv4-mapped is another IP")
  void thePlanComparesCanonicalIps() {
    try (var server = serving(ZONE_NOW)) {
      SyncPlan plan = client(server).planSync(ZONE, DESIRED);

      assertThat(plan.creates()).containsExactly(
          MappingRequest.of("192.0.2.4", "azure", "eastus"), MappingRequest.of("2001:db8::a", "gcp", "us-central1"));
      assertThat(plan.updates()).containsExactly(MappingRequest.of("192.0.2.2", "aws", "eu-west-1"));
      assertThat(plan.deletes()).containsExactly("192.0.2.3", "::ffff:192.0.2.4");
      assertThat(plan.unchanged()).isEqualTo(2);
      assertThat(plan.isEmpty()).isFalse();
    }
  }

  @Test
  void aDryRunOnlyReads() {
    try (var server = serving(ZONE_NOW)) {
      client(server).planSync(ZONE, DESIRED);

      assertThat(server.takeAll()).extracting(Recorded::method).containsOnly("GET");
    }
  }

  @Test
  @DisplayName("sync deletes first, then puts creates and updates; nothing is sent for unchanged mappings")
  void syncSendsExactlyThePlanDeletesFirst() {
    try (var server = serving(ZONE_NOW)) {
      SyncResult result = client(server).sync(ZONE, DESIRED);

      List<Recorded> changes = server.takeAll().stream().filter(r -> !r.method().equals("GET")).toList();
      assertThat(changes).extracting(Recorded::method).containsExactly("DELETE", "PUT");
      assertThat(changes.get(0).bodyText()).isEqualTo("[\"192.0.2.3\",\"::ffff:192.0.2.4\"]");
      assertThat(changes.get(1).bodyText()).isEqualTo(
          "[{\"origin_ip\":\"192.0.2.4\",\"region\":\"eastus\",\"vendor\":\"azure\"},"
              + "{\"origin_ip\":\"2001:db8::a\",\"region\":\"us-central1\",\"vendor\":\"gcp\"},"
              + "{\"origin_ip\":\"192.0.2.2\",\"region\":\"eu-west-1\",\"vendor\":\"aws\"}]");
      assertThat(result.plan().deletes()).hasSize(2);
      // The echo server fails every IP with a 9 in it: the results are the server's, item by item.
      assertThat(result.deleted().failed()).extracting(BatchItem::originIp).containsExactly("192.0.2.3", "::ffff:192.0.2.4");
      assertThat(result.put().succeeded()).extracting(BatchItem::originIp).containsExactly("2001:db8::a");
      assertThat(result.put().failed()).extracting(BatchItem::originIp).containsExactly("192.0.2.4", "192.0.2.2");
      assertThat(result.allSucceeded()).isFalse();
    }
  }

  @Test
  void aZoneAlreadyAsDesiredGetsNoChange() {
    try (var server = serving(ZONE_NOW)) {
      List<MappingRequest> same = ZONE_NOW.stream().map(m -> MappingRequest.of(m.originIp(), m.vendor(), m.region())).toList();

      SyncResult result = client(server).sync(ZONE, same);

      assertThat(result.plan().isEmpty()).isTrue();
      assertThat(result.plan().unchanged()).isEqualTo(5);
      assertThat(server.takeAll()).extracting(Recorded::method).containsOnly("GET");
    }
  }

  @Test
  void largePlansGoInBatchesOfOneHundred() {
    List<Mapping> many = PagedZone.mappings(250);
    try (var server = serving(many)) {
      List<MappingRequest> desired = IntStream.range(0, 150)
          .mapToObj(i -> MappingRequest.of("2001:db8::" + Integer.toHexString(i + 1), "aws", "us-east-1")).toList();

      SyncResult result = client(server).sync(ZONE, desired);

      assertThat(server.takeAll()).filteredOn(r -> !r.method().equals("GET")).extracting(Recorded::method)
          .containsExactly("DELETE", "DELETE", "DELETE", "PUT", "PUT");
      assertThat(result.plan().deletes()).hasSize(250);
      assertThat(result.plan().creates()).hasSize(150);
    }
  }

  @Test
  void aDesiredSetThatCannotBeAZonesContentIsRefusedBeforeAnythingIsSent() {
    try (var server = serving(ZONE_NOW)) {
      OriginCloudRegions client = client(server);

      assertThatThrownBy(() -> client.sync(ZONE, List.of(MappingRequest.of("192.0.2.01", "aws", "us-east-1"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("desired holds an invalid IP: '192.0.2.01'");
      assertThatThrownBy(() -> client.planSync(ZONE, List.of(
              MappingRequest.of("2001:db8::1", "aws", "us-east-1"), MappingRequest.of("2001:DB8::1", "gcp", "us-central1"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("desired maps 2001:db8::1 twice: to aws/us-east-1 and to gcp/us-central1");
      List<MappingRequest> withNull = new ArrayList<>();
      withNull.add(null);
      assertThatThrownBy(() -> client.sync(ZONE, withNull)).hasMessage("desired holds null");
      assertThatThrownBy(() -> client.sync(ZONE, null)).hasMessage("desired == null");
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void theSameMappingTwiceIsOneMapping() {
    try (var server = serving(List.of())) {
      SyncPlan plan = client(server).planSync(ZONE, List.of(
          MappingRequest.of("2001:db8::1", "aws", "us-east-1"), MappingRequest.of("2001:DB8::0:1", "aws", "us-east-1")));

      assertThat(plan.creates()).containsExactly(MappingRequest.of("2001:db8::1", "aws", "us-east-1"));
    }
  }

  @Test
  void moreThanAZoneHoldsIsRefusedAsZoneFullBeforeAnythingIsSent() {
    try (var server = serving(List.of())) {
      List<MappingRequest> desired = PagedZone.mappings(3_501).stream()
          .map(m -> MappingRequest.of(m.originIp(), m.vendor(), m.region())).toList();

      ZoneFullException e = catchThrowableOfType(ZoneFullException.class, () -> client(server).sync(ZONE, desired));

      assertThat(e.hasCode(1164)).isTrue();
      assertThat(e.getMessage()).contains("desired holds 3,501 mappings, past the limit of 3,500");
      assertThat(server.requestCount()).isZero();
    }
  }
}
