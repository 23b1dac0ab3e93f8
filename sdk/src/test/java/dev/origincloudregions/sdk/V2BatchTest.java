package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.BatchTest.ips;
import static dev.origincloudregions.sdk.BatchTest.upserts;
import static dev.origincloudregions.sdk.ErrorMappingTest.thrown;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 100-item limit of v2's single batch calls, and its {@code bulk*All} helpers' splitting, progress
 * and abort behaviour against {@link EchoBatches} (the splitting itself is shared with v1 and checked
 * for any input by {@link BatchHelpersPropertyTest}).
 */
class V2BatchTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("VBD1, BD2: bulkDelete refuses 101 IPs before sending and points to bulkDeleteAll")
  void bulkDeleteRefusesMoreThanOneHundredIpsBeforeSending() {
    assertThatThrownBy(() -> client.bulkDelete(ZONE, ips(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bulkDelete takes at most 100 IPs per request, got 101; use bulkDeleteAll to send any number in batches of 100");
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @Test
  @DisplayName("VBU1, BU1: bulkPut refuses 101 items before sending and points to bulkPutAll")
  void bulkPutRefusesMoreThanOneHundredItemsBeforeSending() {
    assertThatThrownBy(() -> client.bulkPut(ZONE, upserts(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bulkPut takes at most 100 items per request, got 101; use bulkPutAll to send any number in batches of 100");
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @Test
  @DisplayName("VBD1, VBU1: exactly 100 items go in one request")
  void exactlyOneHundredItemsAreSentInOneRequest() {
    server.dispatch(EchoBatches::answer);

    BatchResult deleted = client.bulkDelete(ZONE, ips(100));
    BatchResult put = client.bulkPut(ZONE, upserts(100));

    List<Recorded> requests = server.takeAll();
    assertThat(requests).extracting(Recorded::method).containsExactly("DELETE", "PUT");
    assertThat(EchoBatches.ips(requests.get(0))).isEqualTo(ips(100));
    assertThat(EchoBatches.ips(requests.get(1))).isEqualTo(ips(100));
    assertThat(deleted.succeeded().size() + deleted.failed().size()).isEqualTo(100);
    assertThat(put.succeeded().size() + put.failed().size()).isEqualTo(100);
  }

  @Test
  void bulkPutAllSendsFullBatchesThenTheRestAndReportsProgressAfterEach() {
    server.dispatch(EchoBatches::answer);
    List<MappingRequest> input = upserts(250);
    List<Integer> done = new ArrayList<>();

    BatchResult result = client.bulkPutAll(ZONE, input, (d, total, batch) -> done.add(d));

    List<Recorded> requests = server.takeAll();
    assertThat(requests).extracting(r -> EchoBatches.ips(r).size()).containsExactly(100, 100, 50);
    assertThat(done).containsExactly(100, 200, 250);
    assertThat(result.modifiedOn()).as("v2 batches carry no time").isNull();
    assertThat(result.succeeded())
        .extracting(BatchItem::originIp)
        .isEqualTo(input.stream().map(MappingRequest::ip).filter(ip -> !ip.contains("9")).toList());
    assertThat(result.succeeded())
        .allSatisfy(i -> assertThat(i).extracting(BatchItem::vendor, BatchItem::region).containsExactly("gcp", "us-central1"));
  }

  @Test
  void aBatchRefusedInTheMiddleStopsBulkDeleteAllAndKeepsWhatWasDone() {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request ->
            calls.incrementAndGet() == 2
                ? Reply.json(403, Fixtures.error(10000, "Authentication error"))
                : EchoBatches.answer(request));
    List<String> input = ips(250);

    BatchAbortedException e = thrown(BatchAbortedException.class, () -> client.bulkDeleteAll(ZONE, input));

    assertThat(server.takeAll()).as("the third batch is never sent").hasSize(2);
    assertThat(e.itemsSent()).isEqualTo(100);
    assertThat(e.completed().succeeded().size() + e.completed().failed().size()).isEqualTo(100);
    assertThat(e.completed().modifiedOn()).isNull();
    assertThat(e).hasMessage("batch stopped after 100 of 250 items: bulkDelete: HTTP 403 [10000 Authentication error]");
  }
}
