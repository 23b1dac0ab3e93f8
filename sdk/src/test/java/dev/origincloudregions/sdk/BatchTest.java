package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.thrown;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 100-item limit of single batch calls, and the {@code bulk*All} helpers' splitting, merging,
 * progress and abort behaviour, against {@link EchoBatches}.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class BatchTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegionsV1 client = Fixtures.clientOf(server).build().v1();
  record Progress(int done, int total) {}

  final List<Progress> progress = new ArrayList<>();
  final BatchProgressListener recordProgress = (done, total, batch) -> progress.add(new Progress(done, total));

  @AfterEach
  void stop() {
    server.close();
  }

  static List<String> ips(int n) {
    return IntStream.range(0, n).mapToObj(i -> "203.0." + (113 + i / 250) + "." + (i % 250)).toList();
  }

  static List<MappingRequest> upserts(int n) {
    return ips(n).stream().map(ip -> MappingRequest.of(ip, "gcp", "us-central1")).toList();
  }

  @Test
  @DisplayName("BD2: bulkDelete refuses 101 IPs before sending and points to bulkDeleteAll")
  void bulkDeleteRefusesMoreThanOneHundredIpsBeforeSending() {
    assertThatThrownBy(() -> client.bulkDelete(ZONE, ips(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bulkDelete takes at most 100 IPs per request, got 101; use bulkDeleteAll to send any number in batches of 100");
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @Test
  @DisplayName("BU1: bulkUpsert refuses 101 items before sending and points to bulkUpsertAll")
  void bulkUpsertRefusesMoreThanOneHundredItemsBeforeSending() {
    assertThatThrownBy(() -> client.bulkUpsert(ZONE, upserts(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bulkUpsert takes at most 100 items per request, got 101; use bulkUpsertAll to send any number in batches of 100");
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @Test
  @DisplayName("BD2, BU1: exactly 100 items go in one request")
  void exactlyOneHundredItemsAreSentInOneRequest() {
    server.dispatch(EchoBatches::answer);

    BatchResult deleted = client.bulkDelete(ZONE, ips(100));
    BatchResult upserted = client.bulkUpsert(ZONE, upserts(100));

    List<Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(2);
    assertThat(EchoBatches.ips(requests.get(0))).isEqualTo(ips(100));
    assertThat(EchoBatches.ips(requests.get(1))).isEqualTo(ips(100));
    assertThat(deleted.succeeded().size() + deleted.failed().size()).isEqualTo(100);
    assertThat(upserted.succeeded().size() + upserted.failed().size()).isEqualTo(100);
  }

  @Test
  void anEmptyInputSendsNothingAndReturnsAnEmptyResult() {
    BatchResult deleted = client.bulkDeleteAll(ZONE, List.of(), recordProgress);
    BatchResult upserted = client.bulkUpsertAll(ZONE, List.of(), recordProgress);

    assertThat(List.of(deleted, upserted)).containsOnly(new BatchResult(null, List.of(), List.of()));
    assertThat(server.requestCount()).isZero();
    assertThat(progress).isEmpty();
  }

  @Test
  void bulkDeleteAllSendsFullBatchesThenTheRestAndReportsProgressAfterEach() {
    server.dispatch(EchoBatches::answer);
    List<String> input = ips(250);

    BatchResult result = client.bulkDeleteAll(ZONE, input, recordProgress);

    List<Recorded> requests = server.takeAll();
    assertThat(requests).extracting(r -> EchoBatches.ips(r).size()).containsExactly(100, 100, 50);
    assertThat(requests.stream().flatMap(r -> EchoBatches.ips(r).stream()).toList()).isEqualTo(input);
    assertThat(progress).containsExactly(new Progress(100, 250), new Progress(200, 250), new Progress(250, 250));
    assertThat(result.succeeded())
        .extracting(BatchItem::originIp)
        .isEqualTo(input.stream().filter(ip -> !ip.contains("9")).toList());
    assertThat(result.failed())
        .isEqualTo(input.stream().filter(ip -> ip.contains("9")).map(EchoBatches::failedItem).toList());
    assertThat(result.modifiedOn()).isEqualTo(EchoBatches.latestModifiedOn(requests));
  }

  @Test
  void theMergedModifiedOnIsNullWhenNoBatchAppliedAnything() {
    server.dispatch(EchoBatches::answer);
    List<String> allFail = IntStream.range(0, 150).mapToObj(i -> "9." + i).toList();

    BatchResult result = client.bulkDeleteAll(ZONE, allFail);

    assertThat(result.modifiedOn()).isNull();
    assertThat(result.succeeded()).isEmpty();
    assertThat(result.failed()).hasSize(150);
  }

  @Test
  void aBatchRetriedAfterA503IsMergedOnce() {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request ->
            calls.incrementAndGet() == 2 ? Reply.json(503, Fixtures.INTERNAL_1141) : EchoBatches.answer(request));
    List<String> input = ips(250);

    BatchResult result = client.bulkDeleteAll(ZONE, input, recordProgress);

    List<Recorded> requests = server.takeAll();
    assertThat(requests).extracting(r -> EchoBatches.ips(r).size()).containsExactly(100, 100, 100, 50);
    assertThat(EchoBatches.ips(requests.get(1))).isEqualTo(EchoBatches.ips(requests.get(2)));
    assertThat(result.succeeded().size() + result.failed().size()).isEqualTo(250);
    assertThat(result.succeeded())
        .extracting(BatchItem::originIp)
        .isEqualTo(input.stream().filter(ip -> !ip.contains("9")).toList());
    assertThat(progress).hasSize(3);
  }

  @Test
  void aBatchRefusedInTheMiddleStopsTheCallAndKeepsWhatWasDone() {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request ->
            calls.incrementAndGet() == 2
                ? Reply.json(400, Fixtures.error(1190, "A JSON array of IP strings is required"))
                : EchoBatches.answer(request));
    List<String> input = ips(250);

    BatchAbortedException e =
        thrown(BatchAbortedException.class, () -> client.bulkDeleteAll(ZONE, input, recordProgress));

    List<Recorded> requests = server.takeAll();
    assertThat(requests).as("the third batch is never sent").hasSize(2);
    assertThat(e.itemsSent()).isEqualTo(100);
    List<String> first = input.subList(0, 100);
    assertThat(e.completed())
        .isEqualTo(
            new BatchResult(
                EchoBatches.modifiedOn(first),
                first.stream().filter(ip -> !ip.contains("9")).map(ip -> new BatchItem(ip, "aws", "us-east-1", null)).toList(),
                first.stream().filter(ip -> ip.contains("9")).map(EchoBatches::failedItem).toList()));
    assertThat(e.getCause()).isInstanceOfSatisfying(ApiException.class, cause -> {
      assertThat(cause.status()).isEqualTo(400);
      assertThat(cause.hasCode(1190)).isTrue();
    });
    assertThat(e)
        .hasMessage("batch stopped after 100 of 250 items: bulkDelete: HTTP 400 [1190 A JSON array of IP strings is required]");
    assertThat(progress).containsExactly(new Progress(100, 250));
  }

  @Test
  void aFirstBatchThatFailsAfterEveryRetryAbortsWithNothingCompleted() {
    server.dispatch(request -> Reply.json(503, Fixtures.INTERNAL_1141));

    BatchAbortedException e =
        thrown(BatchAbortedException.class, () -> client.bulkUpsertAll(ZONE, upserts(150), recordProgress));

    assertThat(server.takeAll()).as("maxAttempts of the first batch").hasSize(3);
    assertThat(e.itemsSent()).isZero();
    assertThat(e.completed()).isEqualTo(new BatchResult(null, List.of(), List.of()));
    assertThat(e.getCause()).isInstanceOf(ApiException.class).hasMessageStartingWith("bulkUpsert: HTTP 503 ");
    assertThat(progress).isEmpty();
  }

  @Test
  void aTransportFailureInALaterBatchAbortsWithTheEarlierBatches() {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request -> calls.incrementAndGet() <= 2 ? EchoBatches.answer(request) : Reply.text(200, "text/html", "<html>"));
    List<MappingRequest> input = upserts(201);

    BatchAbortedException e = thrown(BatchAbortedException.class, () -> client.bulkUpsertAll(ZONE, input));

    assertThat(e.itemsSent()).isEqualTo(200);
    assertThat(e.completed().succeeded().size() + e.completed().failed().size()).isEqualTo(200);
    assertThat(e.completed().succeeded())
        .allSatisfy(item -> assertThat(item).extracting(BatchItem::vendor, BatchItem::region).containsExactly("gcp", "us-central1"));
    assertThat(e.getCause()).isInstanceOf(TransportException.class);
    assertThat(e).hasMessageStartingWith("batch stopped after 200 of 201 items: bulkUpsert: unreadable response");
  }
}
