package dev.origincloudregions.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load harness (not a test; run it with {@code ./mvnw -B -q -pl reference-server -am test-compile -Pload}).
 *
 * <p>Measures, in one run against one embedded server on loopback, with {@value #CLIENTS} concurrent
 * clients:
 *
 * <ul>
 *   <li><b>baseline</b>: {@code GET .../supported_regions}, a precomputed answer: the cost of HTTP
 *       itself;
 *   <li><b>batch delete, v1 and v2</b>: {@code DELETE .../cache/origin_cloud_regions/batch} and
 *       {@code DELETE .../origin/cloud_regions/batch} with 100 IPs, each of which is mapped, so every
 *       request parses, canonicalises and removes 100 mappings and writes 100 results. Each client
 *       owns {@value #ZONES_PER_CLIENT} zones; a round re-seeds them all by the same family's batch
 *       upsert (not counted), then, after a barrier, deletes them all (counted).
 * </ul>
 *
 * <p>After a warm-up the three phases alternate in {@code load.rounds} rounds (default 2, as the
 * figures in the README were measured; the families in turn going first), and the totals are
 * compared: the goal is a batch-delete throughput of at least half the baseline's, for each family.
 * Every delete is checked to have deleted all 100 mappings, so the harness cannot measure a server
 * that does nothing. Settings: {@code -Dload.seconds} per workload in all (default 8),
 * {@code -Dload.rounds} (default 2), {@code -Dload.warmup} (default 4).
 */
public final class LoadHarness {
  static final int CLIENTS = 4;
  static final int ZONES_PER_CLIENT = 25;
  static final int BATCH = 100;

  /** A family's paths, batch upsert and batch delete, and how a fully successful batch answer ends. */
  private enum Family {
    V1("/cache/origin_cloud_regions", "PATCH", "ip", "\"failed\":[]}}}"),
    V2("/origin/cloud_regions", "PUT", "origin_ip", "\"failed\":[]}}");

    final String path;
    final String upsertMethod;
    final String ipKey;
    final String allSucceeded;

    Family(String path, String upsertMethod, String ipKey, String allSucceeded) {
      this.path = path;
      this.upsertMethod = upsertMethod;
      this.ipKey = ipKey;
      this.allSucceeded = allSucceeded;
    }
  }

  private final URI base;
  private final String token;
  private final List<HttpClient> clients = new ArrayList<>();

  private LoadHarness(URI base, String token) {
    this.base = base;
    this.token = token;
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    }
  }

  /** Latencies and wall time of one measured phase. */
  private static final class Result {
    final List<long[]> latencies = new ArrayList<>();
    long wallNanos;
    long count;

    void add(Result other) {
      latencies.addAll(other.latencies);
      wallNanos += other.wallNanos;
      count += other.count;
    }

    double throughput() {
      return count / (wallNanos / 1e9);
    }

    double percentileMillis(double p) {
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
      Arrays.sort(all);
      return all[(int) Math.min(all.length - 1, Math.ceil(p * all.length) - 1)] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("load.seconds", 8);
    int warmup = Integer.getInteger("load.warmup", 4);
    int rounds = Math.max(2, Integer.getInteger("load.rounds", 2));
    LongAdder logged = new LongAdder();
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().requestLog(line -> logged.increment()))) {
      LoadHarness harness = new LoadHarness(server.baseUrl(), server.token());
      System.out.printf(Locale.ROOT, "Load harness: %d clients, %d cores, Java %s, server %s%n", CLIENTS,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), server.baseUrl());
      harness.supportedRegions(warmup);
      harness.batchDeletes(warmup, Family.V1);
      harness.batchDeletes(warmup, Family.V2);
      Result baseline = new Result();
      Result v1 = new Result();
      Result v2 = new Result();
      for (int i = 0; i < rounds; i++) {
        // The families take turns going first, so neither always follows the baseline.
        double phase = (double) seconds / rounds;
        baseline.add(harness.supportedRegions(phase));
        Family first = i % 2 == 0 ? Family.V1 : Family.V2;
        Family second = i % 2 == 0 ? Family.V2 : Family.V1;
        (first == Family.V1 ? v1 : v2).add(harness.batchDeletes(phase, first));
        (second == Family.V1 ? v1 : v2).add(harness.batchDeletes(phase, second));
      }
      System.out.println();
      System.out.println("| workload | requests | throughput (req/s) | p50 (ms) | p99 (ms) |");
      System.out.println("|---|---:|---:|---:|---:|");
      print("GET supported_regions (baseline)", baseline);
      print("v1 DELETE batch, 100 IPs each", v1);
      print("v2 DELETE batch, 100 IPs each", v2);
      System.out.println();
      for (Family family : Family.values()) {
        Result deletes = family == Family.V1 ? v1 : v2;
        double ratio = deletes.throughput() / baseline.throughput();
        System.out.printf(Locale.ROOT, "%s batch-delete / baseline throughput ratio: %.2f (goal >= 0.50: %s); "
                + "%.0f mappings deleted per second%n",
            family.name().toLowerCase(Locale.ROOT), ratio, ratio >= 0.5 ? "met" : "NOT met", deletes.throughput() * BATCH);
      }
      System.out.printf(Locale.ROOT, "%d requests logged%n", logged.sum());
    }
  }

  private static void print(String name, Result result) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f |%n", name, result.count, result.throughput(),
        result.percentileMillis(0.50), result.percentileMillis(0.99));
  }

  private Result supportedRegions(double seconds) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/zones/" + zone() + "/cache/origin_cloud_regions/supported_regions"))
        .header("Authorization", "Bearer " + token).GET().build();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        HttpClient client = clients.get(c);
        futures.add(pool.submit(() -> {
          LongList latencies = new LongList();
          while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            require(response.statusCode() == 200 && response.body().contains("\"obtained_codes\":true"), response);
          }
          return latencies.toArray();
        }));
      }
      Result result = new Result();
      for (Future<long[]> future : futures) {
        long[] latencies = future.get();
        result.latencies.add(latencies);
        result.count += latencies.length;
      }
      result.wallNanos = System.nanoTime() - started;
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private Result batchDeletes(double seconds, Family family) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong roundStart = new AtomicLong();
    LongAdder deleteNanos = new LongAdder();
    AtomicBoolean more = new AtomicBoolean(true);
    // The barrier actions run once per round, after every client arrived: the clock runs only while
    // all clients delete, never while they re-seed.
    CyclicBarrier seeded = new CyclicBarrier(CLIENTS, () -> roundStart.set(System.nanoTime()));
    CyclicBarrier deleted = new CyclicBarrier(CLIENTS, () -> {
      long now = System.nanoTime();
      deleteNanos.add(now - roundStart.get());
      more.set(now < deadline);
    });
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        HttpClient client = clients.get(c);
        futures.add(pool.submit(() -> {
          List<String> zones = new ArrayList<>();
          for (int z = 0; z < ZONES_PER_CLIENT; z++) {
            zones.add(zone());
          }
          HttpRequest.BodyPublisher upsert = HttpRequest.BodyPublishers.ofString(upsertBody(family.ipKey));
          HttpRequest.BodyPublisher delete = HttpRequest.BodyPublishers.ofString(deleteBody());
          LongList latencies = new LongList();
          do {
            for (String zone : zones) {
              HttpResponse<String> response = client.send(batch(family, zone, family.upsertMethod, upsert),
                  HttpResponse.BodyHandlers.ofString());
              require(response.statusCode() == 200 && response.body().endsWith(family.allSucceeded), response);
            }
            seeded.await();
            for (String zone : zones) {
              long t0 = System.nanoTime();
              HttpResponse<String> response = client.send(batch(family, zone, "DELETE", delete),
                  HttpResponse.BodyHandlers.ofString());
              latencies.add(System.nanoTime() - t0);
              require(response.statusCode() == 200 && response.body().endsWith(family.allSucceeded), response);
            }
            deleted.await();
          } while (more.get());
          return latencies.toArray();
        }));
      }
      Result result = new Result();
      for (Future<long[]> future : futures) {
        long[] latencies = future.get();
        result.latencies.add(latencies);
        result.count += latencies.length;
      }
      result.wallNanos = deleteNanos.sum();
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpRequest batch(Family family, String zone, String method, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create(base + "/zones/" + zone + family.path + "/batch"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body)
        .build();
  }

  /** 100 IPs: half IPv4, half IPv6 written in a non-canonical form, so canonicalising is part of the work. */
  private static List<String> ips() {
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < BATCH / 2; i++) {
      ips.add("192.0.2." + i);
      ips.add("2001:DB8:0:0:0:0:0:" + Integer.toHexString(i + 1).toUpperCase(Locale.ROOT));
    }
    return ips;
  }

  private static String upsertBody(String ipKey) {
    List<String> items = new ArrayList<>();
    for (String ip : ips()) {
      items.add("{\"" + ipKey + "\":\"" + ip + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  private static String deleteBody() {
    List<String> items = new ArrayList<>();
    for (String ip : ips()) {
      items.add("\"" + ip + "\"");
    }
    return "[" + String.join(",", items) + "]";
  }

  private static String zone() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static void require(boolean ok, HttpResponse<String> response) throws IOException {
    if (!ok) {
      String body = response.body();
      throw new IOException("unexpected answer " + response.statusCode() + ": "
          + body.substring(0, Math.min(300, body.length())));
    }
  }

  /** A growable array of longs. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
