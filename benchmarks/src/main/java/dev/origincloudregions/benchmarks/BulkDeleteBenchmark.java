package dev.origincloudregions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.OriginCloudRegions;
import dev.origincloudregions.sdk.OriginCloudRegionsV1;
import dev.origincloudregions.sdk.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch delete of 100 IPs, in each API family: through the SDK, and the same request made by hand
 * with the bare {@code java.net.http.HttpClient} (HTTP/1.1) and Jackson, the baseline. All run against
 * the same local server in the same JVM, which reads each request body whole and answers with a fixed,
 * realistic 100-item result (95 deleted, 5 not found) in the family's shape, so the difference between
 * the SDK and the bare call of a family is the SDK's own cost: Feign, the generated models, the
 * conversion to records and the envelope checks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5} (see sdk/README.md);
 * {@code 'BulkDeleteBenchmark.v2'} selects v2's pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class BulkDeleteBenchmark {
  static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";
  static final String V1_BATCH_PATH = "/client/v4/zones/" + ZONE + "/cache/origin_cloud_regions/batch";
  static final String V2_BATCH_PATH = "/client/v4/zones/" + ZONE + "/origin/cloud_regions/batch";

  HttpServer server;
  OriginCloudRegions sdk;
  @SuppressWarnings("deprecation") // the v1 family is measured too, as long as the SDK offers it
  OriginCloudRegionsV1 sdkV1;
  HttpClient http;
  ObjectMapper mapper;
  URI v1BatchUri;
  URI v2BatchUri;
  List<String> ips;

  @Setup(Level.Trial)
  @SuppressWarnings("deprecation")
  public void start() throws IOException {
    // Without TCP_NODELAY the JDK server's response body waits for the client's delayed ACK
    // (about 40 ms a request on Linux), which would hide everything else.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ips = IntStream.range(0, 100).mapToObj(i -> "2001:db8::" + Integer.toHexString(0x100 + i)).toList();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    answer(V1_BATCH_PATH, v1Answer(ips));
    answer(V2_BATCH_PATH, v2Answer(ips));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";

    sdk = OriginCloudRegions.builder().baseUrl(base).apiToken(TOKEN).retryPolicy(RetryPolicy.NONE).build();
    sdkV1 = sdk.v1();

    mapper = new ObjectMapper();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    v1BatchUri = URI.create(base + "/zones/" + ZONE + "/cache/origin_cloud_regions/batch");
    v2BatchUri = URI.create(base + "/zones/" + ZONE + "/origin/cloud_regions/batch");

    // Both sides must see the same answer, or the comparison means nothing.
    expect95And5(v1Sdk(), v1Bare().path("result").path("value"));
    expect95And5(v2Sdk(), v2Bare().path("result"));
  }

  private void answer(String path, byte[] body) {
    server.createContext(
        path,
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  private static void expect95And5(BatchResult viaSdk, JsonNode viaBare) {
    if (viaSdk.succeeded().size() != 95 || viaSdk.failed().size() != 5 || viaBare.path("succeeded").size() != 95) {
      throw new IllegalStateException("unexpected answer: " + viaSdk + " / " + viaBare);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
  }

  /** The SDK, v2: validation, Feign, the generated models and the conversion to records included. */
  @Benchmark
  public BatchResult v2Sdk() {
    return sdk.bulkDelete(ZONE, ips);
  }

  /** The v2 baseline: serialise the list, send it, check the status and parse the answer into a tree. */
  @Benchmark
  public JsonNode v2Bare() throws IOException {
    return bare(v2BatchUri);
  }

  /** The SDK, v1 ({@code client.v1()}). */
  @Benchmark
  @SuppressWarnings("deprecation")
  public BatchResult v1Sdk() {
    return sdkV1.bulkDelete(ZONE, ips);
  }

  /** The v1 baseline. */
  @Benchmark
  public JsonNode v1Bare() throws IOException {
    return bare(v1BatchUri);
  }

  private JsonNode bare(URI batchUri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(batchUri)
            .method("DELETE", HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(ips)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(60))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    JsonNode root = mapper.readTree(response.body());
    if (!root.path("success").asBoolean()) {
      throw new IOException("success: false");
    }
    return root;
  }

  /** A realistic v1 answer to the 100-IP batch delete: 95 deleted mappings and 5 IPs not found. */
  private static byte[] v1Answer(List<String> ips) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode envelope = json.createObjectNode();
    envelope.putArray("errors");
    envelope.putArray("messages");
    ObjectNode result = envelope.putObject("result");
    result.put("editable", true);
    result.put("id", "origin_public_cloud_region");
    result.put("modified_on", "2026-03-01T12:00:00.123456Z");
    items(result.putObject("value"), ips, "origin-ip");
    envelope.put("success", true);
    return envelope.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same answer in v2's shape: a flat result, the key {@code origin_ip}, no time. */
  private static byte[] v2Answer(List<String> ips) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode envelope = json.createObjectNode();
    envelope.putArray("errors");
    envelope.putArray("messages");
    items(envelope.putObject("result"), ips, "origin_ip");
    envelope.put("success", true);
    return envelope.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void items(ObjectNode result, List<String> ips, String ipKey) {
    ArrayNode failed = result.putArray("failed");
    ArrayNode succeeded = result.putArray("succeeded");
    for (int i = 0; i < ips.size(); i++) {
      if (i % 20 == 19) {
        failed.addObject().put(ipKey, ips.get(i)).put("error", "not found");
      } else {
        succeeded.addObject().put(ipKey, ips.get(i)).put("region", "us-east-1").put("vendor", "aws");
      }
    }
  }
}
