package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "Instances are thread-safe and meant to be shared": one client used by eight threads at once, every
 * batch operation of both families, each thread with its own per-call header ({@code withOptions}) and
 * raw answer ({@code withRawResponse}). Every thread must get exactly the result of its own request, and
 * every request must carry its own thread's header: per-call state lives in thread-local scopes, and the
 * batch routes and the Feign interface are shared.
 */
class ConcurrentUseTest {
  static final int THREADS = 8;
  static final int ROUNDS = 25;

  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Five IPs only thread {@code thread} sends in round {@code round} of operation {@code op}; some contain '9'. */
  static List<String> ips(int thread, int round, int op) {
    List<String> ips = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      ips.add("10." + thread + "." + (round * 4 + op) + "." + (k * 3 + 1));
    }
    return ips;
  }

  /** What {@link EchoBatches} answers for {@code ips}: failed when the text contains '9', in order. */
  static List<String> expectedFailed(List<String> ips) {
    return ips.stream().filter(ip -> ip.contains("9")).toList();
  }

  @Test
  @DisplayName("One client shared by eight threads: each gets its own batch results, headers and raw answer")
  @SuppressWarnings("deprecation") // v1 is exercised as well: it shares the transport and the routes
  void oneClientServesManyThreadsWithoutCrossTalk() throws Exception {
    server.dispatch(EchoBatches::answer);
    OriginCloudRegions client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          OriginCloudRegions mine = client.withOptions(RequestOptions.builder().header("X-Test-Thread", "t" + thread).build());
          start.await();
          int calls = 0;
          for (int round = 0; round < ROUNDS; round++) {
            List<String> deleted = ips(thread, round, 0);
            RawResponse<BatchResult> raw = mine.withRawResponse(c -> c.bulkDelete(ZONE, deleted));
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.attempts()).isEqualTo(1);
            assertOwn(raw.value(), deleted);

            List<String> put = ips(thread, round, 1);
            assertOwn(mine.bulkPut(ZONE, put.stream().map(ip -> MappingRequest.of(ip, "aws", "us-east-1")).toList()), put);

            List<String> v1Deleted = ips(thread, round, 2);
            assertOwn(mine.v1().bulkDelete(ZONE, v1Deleted), v1Deleted);

            List<String> v1Upserted = ips(thread, round, 3);
            assertOwn(mine.v1().bulkUpsert(ZONE, v1Upserted.stream().map(ip -> MappingRequest.of(ip, "gcp", "us-east1"))
                .toList()), v1Upserted);
            calls += 4;
          }
          return calls;
        }));
      }
      int calls = 0;
      for (Future<Integer> f : done) {
        calls += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(calls).isEqualTo(THREADS * ROUNDS * 4);
    } finally {
      pool.shutdownNow();
    }

    List<Recorded> requests = new ArrayList<>();
    for (int i = 0; i < THREADS * ROUNDS * 4; i++) {
      requests.add(server.takeRequest());
    }
    for (Recorded r : requests) {
      String firstIp = EchoBatches.ips(r).get(0);
      String thread = "t" + firstIp.split("\\.")[1];
      assertThat(r.header("x-test-thread")).as("the header of the thread whose IPs %s carries", firstIp).isEqualTo(thread);
    }
    assertThat(server.dispatchFailures()).isEmpty();
  }

  private static void assertOwn(BatchResult result, List<String> sent) {
    List<String> failed = expectedFailed(sent);
    List<String> succeeded = sent.stream().filter(ip -> !failed.contains(ip)).toList();
    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactlyElementsOf(succeeded);
    assertThat(result.failed()).extracting(BatchItem::originIp).containsExactlyElementsOf(failed);
  }
}
