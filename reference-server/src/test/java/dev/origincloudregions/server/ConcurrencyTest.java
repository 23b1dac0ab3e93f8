package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIpv4;
import static dev.origincloudregions.server.Fixtures.jsonStrings;
import static dev.origincloudregions.server.Fixtures.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BD11 (and VBD1): concurrent, overlapping batch deletes, through v1, v2, or both families at once. */
class ConcurrencyTest extends ServerTestSupport {
  private static final int MAPPINGS = 600;
  private static final int DELETERS = 8;
  private static final int BATCHES_PER_DELETER = 6;
  private static final int LISTERS = 2;

  @ParameterizedTest(name = "[{index}] deleting through {0}")
  @ValueSource(strings = {"v1", "v2", "both"})
  @DisplayName("BD11, VBD1: overlapping concurrent batch deletes report each mapping deleted exactly once, change nothing "
      + "else, and a concurrent list sees each batch all or nothing")
  void overlappingBatchDeletes(String family) throws Exception {
    String zone = newZone();
    String bystanderZone = newZone();
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < MAPPINGS; i++) {
      targets.add(i < 300 ? docIpv4(i) : "2001:db8::" + Integer.toHexString(i));
    }
    for (int from = 0; from < MAPPINGS; from += 100) {
      http.send("PATCH", zonePath(zone) + "/batch", upsertBody(targets.subList(from, from + 100)));
    }
    // Mappings no batch names, in the same zone and in another one: they must come through untouched.
    List<String> untouched = List.of("2001:db8:ffff::1", "2001:db8:ffff::2", "2001:db8:ffff::3");
    http.send("PATCH", zonePath(zone) + "/batch", upsertBody(untouched));
    http.send("PATCH", zonePath(bystanderZone) + "/batch", upsertBody(targets.subList(0, 100)));
    ArrayNode untouchedBefore = RawHttp.JSON.createArrayNode();
    for (JsonNode mapping : listValue(zone)) {
      if (untouched.contains(mapping.path("origin-ip").asText())) {
        untouchedBefore.add(mapping);
      }
    }
    String bystanderBefore = http.get(zonePath(bystanderZone)).body();

    // Every deleter sends batches of 100 IPs drawn from all 600, so batches overlap heavily.
    List<List<String>> batches = new ArrayList<>();
    Random random = new Random(20261128L);
    for (int i = 0; i < DELETERS * BATCHES_PER_DELETER; i++) {
      List<String> shuffled = new ArrayList<>(targets);
      Collections.shuffle(shuffled, random);
      batches.add(shuffled.subList(0, 100));
    }
    // ...and together they name every target at least once.
    Set<String> named = new HashSet<>();
    batches.forEach(named::addAll);
    List<String> leftOver = new ArrayList<>(targets);
    leftOver.removeAll(named);
    for (int i = 0; i < leftOver.size(); i += 100) {
      batches.add(leftOver.subList(i, Math.min(leftOver.size(), i + 100)));
    }

    List<Set<String>> deletedPerBatch = new CopyOnWriteArrayList<>();
    List<Set<String>> snapshots = new CopyOnWriteArrayList<>();
    AtomicBoolean deleting = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(DELETERS + LISTERS);
    try {
      List<Future<?>> deleters = new ArrayList<>();
      for (int d = 0; d < DELETERS; d++) {
        int first = d;
        boolean v2 = family.equals("v2") || (family.equals("both") && d % 2 == 1);
        String batchPath = (v2 ? v2Path(zone) : zonePath(zone)) + "/batch";
        deleters.add(pool.submit(() -> {
          start.await();
          for (int b = first; b < batches.size(); b += DELETERS) {
            RawHttp.Reply reply = http.send("DELETE", batchPath, jsonStrings(batches.get(b)));
            assertThat(reply.status()).isEqualTo(200);
            JsonNode value = v2 ? reply.result() : reply.result().path("value");
            assertThat(value.path("succeeded").size() + value.path("failed").size()).isEqualTo(batches.get(b).size());
            Set<String> deleted = new HashSet<>(BatchDeleteTest.texts(value.path("succeeded"), v2 ? "origin_ip" : "origin-ip"));
            deletedPerBatch.add(deleted);
          }
          return null;
        }));
      }
      List<Future<?>> listers = new ArrayList<>();
      for (int l = 0; l < LISTERS; l++) {
        listers.add(pool.submit(() -> {
          start.await();
          while (deleting.get()) {
            snapshots.add(new HashSet<>(BatchDeleteTest.texts(listValue(zone), "origin-ip")));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> deleter : deleters) {
        deleter.get(60, TimeUnit.SECONDS);
      }
      deleting.set(false);
      for (Future<?> lister : listers) {
        lister.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    // Each mapping that existed is in the succeeded array of exactly one batch.
    Map<String, Integer> reported = new HashMap<>();
    deletedPerBatch.forEach(batch -> batch.forEach(ip -> reported.merge(ip, 1, Integer::sum)));
    assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(targets);
    assertThat(reported).allSatisfy((ip, times) -> assertThat(times).as("times %s was reported deleted", ip).isEqualTo(1));

    // Nothing else changed: the untouched mappings (modified_on included) and the other zone.
    assertThat(listValue(zone)).isEqualTo(untouchedBefore);
    assertThat(http.get(zonePath(bystanderZone)).body()).isEqualTo(bystanderBefore);

    // A concurrent list saw each batch's deletions all or none.
    assertThat(snapshots).as("lists taken while deleting").isNotEmpty();
    for (Set<String> snapshot : snapshots) {
      for (Set<String> deleted : deletedPerBatch) {
        long present = deleted.stream().filter(snapshot::contains).count();
        assertThat(present == 0 || present == deleted.size())
            .as("a list saw %d of the %d deletions of one batch", present, deleted.size())
            .isTrue();
      }
    }
  }

  private static JsonNode listValue(String zone) {
    return http.get(zonePath(zone)).result().path("value");
  }
}
