package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the {@code bulk*All} helpers of both families (v2 {@code bulkDeleteAll} and {@code
 * bulkPutAll}, v1 {@code bulkDeleteAll} and {@code bulkUpsertAll}) for any input of 0 to 1,000 items,
 * checked against one real local server that answers every batch with {@link EchoBatches}: items
 * whose text contains '9' fail, the others succeed, so the merged result can be computed exactly.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class BatchHelpersPropertyTest {
  static final int EXAMPLES = 200;
  static final String V1_BATCH = Fixtures.PATH + "/batch";
  static final String V2_BATCH = Fixtures.V2_PATH + "/batch";

  static RecordingServer server;
  static OriginCloudRegions client;
  static OriginCloudRegionsV1 v1;

  @BeforeAll
  static void start() {
    server = new RecordingServer();
    server.dispatch(EchoBatches::answer);
    client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();
    v1 = client.v1();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * IP texts with many repeats: a small pool of fixed texts (valid IPv4 and IPv6 with and without a
   * '9', and text that is no IP at all) mixed with generated addresses from a narrow range.
   */
  static Gen<String> ipTexts() {
    Gen<String> pool =
        Generate.pick(
            List.of(
                "192.0.2.1", "192.0.2.9", "2001:db8::1", "2001:db8::9", "::ffff:192.0.2.1",
                "2001:DB8:0:0::1", "not-an-ip", "", "203.0.113.7", "198.51.100.7"));
    Gen<String> generated = integers().between(0, 300).map(i -> "10.0." + (i / 256) + "." + (i % 256));
    return pool.mix(generated);
  }

  /** Sizes spread over 0..1,000, with the batch boundaries and their neighbours drawn often. */
  static Gen<Integer> sizes() {
    return Generate.pick(List.of(0, 1, 99, 100, 101, 199, 200, 201, 999, 1000))
        .mix(integers().between(0, 1000));
  }

  /** Mapping requests over {@link #ipTexts()}, with known and unknown vendors. */
  static Gen<MappingRequest> requests() {
    return ipTexts()
        .zip(
            Generate.pick(List.of("aws/us-east-1", "gcp/us-central1", "ibm/us-south", "oci/us-ashburn-1")),
            (ip, vendorRegion) -> MappingRequest.of(ip, vendorRegion.split("/")[0], vendorRegion.split("/")[1]));
  }

  record Progress(int done, int total, BatchResult batch) {}

  @Test
  @DisplayName("VBD1, BD2, BD4: bulkDeleteAll of both families sends every IP once, in order, at most 100 per request, and merges in input order")
  void bulkDeleteAllSplitsAndMergesAnyInput() {
    qt().withExamples(EXAMPLES)
        .forAll(lists().of(ipTexts()).ofSizes(sizes()))
        .checkAssert(ips -> {
          Function<String, BatchItem> deleted = ip -> new BatchItem(ip, "aws", "us-east-1", null);
          checkSplitAndMerge(ips, ip -> ip, listener -> client.bulkDeleteAll(ZONE, ips, listener), deleted, "DELETE", V2_BATCH);
          checkSplitAndMerge(ips, ip -> ip, listener -> v1.bulkDeleteAll(ZONE, ips, listener), deleted, "DELETE", V1_BATCH);
        });
  }

  @Test
  @DisplayName("VBU1, BU1, BU2: bulkPutAll (v2) and bulkUpsertAll (v1) send every item once, in order, at most 100 per request, and merge in input order")
  void bulkPutAllAndBulkUpsertAllSplitAndMergeAnyInput() {
    qt().withExamples(EXAMPLES)
        .forAll(lists().of(requests()).ofSizes(sizes()))
        .checkAssert(requests -> {
          Function<MappingRequest, BatchItem> applied = r -> new BatchItem(r.ip(), r.vendor(), r.region(), null);
          checkSplitAndMerge(requests, MappingRequest::ip, l -> client.bulkPutAll(ZONE, requests, l), applied, "PUT", V2_BATCH);
          checkSplitAndMerge(requests, MappingRequest::ip, l -> v1.bulkUpsertAll(ZONE, requests, l), applied, "PATCH", V1_BATCH);
        });
  }

  private static <T> void checkSplitAndMerge(
      List<T> input,
      Function<T, String> ipOf,
      Function<BatchProgressListener, BatchResult> call,
      Function<T, BatchItem> succeededItem,
      String method,
      String path) {
    server.takeAll();
    List<Progress> progress = new ArrayList<>();

    BatchResult result = call.apply((done, total, batch) -> progress.add(new Progress(done, total, batch)));

    List<Recorded> requests = server.takeAll();
    assertThat(server.dispatchFailures()).as("server-side failures").isEmpty();
    int n = input.size();
    // Requests: ceil(n / 100) of them, all full but the last, every item once and in order.
    assertThat(requests).hasSize((n + 99) / 100);
    assertThat(requests).allSatisfy(r -> assertThat(r.method() + " " + r.path()).isEqualTo(method + " " + path));
    List<List<String>> batches = requests.stream().map(EchoBatches::ips).toList();
    assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 100));
    for (int i = 0; i + 1 < batches.size(); i++) {
      assertThat(batches.get(i)).as("batch %d of %d", i + 1, batches.size()).hasSize(100);
    }
    assertThat(batches.stream().flatMap(List::stream).toList())
        .as("items sent, in order")
        .isEqualTo(input.stream().map(ipOf).toList());
    // Result: merged in input order.
    assertThat(result.succeeded())
        .isEqualTo(input.stream().filter(t -> !ipOf.apply(t).contains("9")).map(succeededItem).toList());
    assertThat(result.failed())
        .isEqualTo(input.stream().map(ipOf).filter(ip -> ip.contains("9")).map(EchoBatches::failedItem).toList());
    assertThat(result.modifiedOn()).isEqualTo(EchoBatches.latestModifiedOn(requests));
    // Progress: once per batch, itemsDone rising strictly to the total.
    assertThat(progress).hasSize(requests.size());
    assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(n));
    for (int i = 0; i < progress.size(); i++) {
      Progress p = progress.get(i);
      assertThat(p.done()).as("itemsDone after batch %d", i + 1).isEqualTo(Math.min(n, (i + 1) * 100));
      assertThat(p.batch().succeeded().size() + p.batch().failed().size()).isEqualTo(batches.get(i).size());
    }
  }
}
