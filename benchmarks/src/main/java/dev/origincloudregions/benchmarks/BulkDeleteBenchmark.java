package dev.origincloudregions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.OriginCloudRegions;
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
 * One batch delete of 100 IPs: through the SDK, and the same request made by hand with the bare
 * {@code java.net.http.HttpClient} (HTTP/1.1) and Jackson, the baseline. Both run against the same
 * local server in the same JVM, which reads each request body whole and answers with the same fixed,
 * realistic 100-item result (95 deleted, 5 not found), so the difference is the SDK's own cost:
 * Feign, the generated models, the conversion to records and the envelope checks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5} (see sdk/README.md).
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
  static final String BATCH_PATH = "/client/v4/zones/" + ZONE + "/cache/origin_cloud_regions/batch";

  HttpServer server;
  OriginCloudRegions sdk;
  HttpClient http;
  ObjectMapper mapper;
  URI batchUri;
  List<String> ips;

  @Setup(Level.Trial)
  public void start() throws IOException {
    // Without TCP_NODELAY the JDK server's response body waits for the client's delayed ACK
    // (about 40 ms a request on Linux), which would hide everything else.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ips = IntStream.range(0, 100).mapToObj(i -> "2001:db8::" + Integer.toHexString(0x100 + i)).toList();
    byte[] answer = answer(ips);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        BATCH_PATH,
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";

    sdk = OriginCloudRegions.builder().baseUrl(base).apiToken(TOKEN).retryPolicy(RetryPolicy.NONE).build();

    mapper = new ObjectMapper();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    batchUri = URI.create(base + "/zones/" + ZONE + "/cache/origin_cloud_regions/batch");

    // Both sides must see the same answer, or the comparison means nothing.
    BatchResult viaSdk = sdk();
    JsonNode viaBare = bare();
    int bareSucceeded = viaBare.path("result").path("value").path("succeeded").size();
    if (viaSdk.succeeded().size() != 95 || viaSdk.failed().size() != 5 || bareSucceeded != 95) {
      throw new IllegalStateException("unexpected answer: " + viaSdk + " / " + viaBare);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
  }

  /** The SDK: validation, Feign, the generated models and the conversion to records included. */
  @Benchmark
  public BatchResult sdk() {
    return sdk.bulkDelete(ZONE, ips);
  }

  /** The baseline: serialise the list, send it, check the status and parse the answer into a tree. */
  @Benchmark
  public JsonNode bare() throws IOException {
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

  /** A realistic answer to the 100-IP batch delete: 95 deleted mappings and 5 IPs not found. */
  private static byte[] answer(List<String> ips) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode envelope = json.createObjectNode();
    envelope.putArray("errors");
    envelope.putArray("messages");
    ObjectNode result = envelope.putObject("result");
    result.put("editable", true);
    result.put("id", "origin_public_cloud_region");
    result.put("modified_on", "2026-03-01T12:00:00.123456Z");
    ObjectNode value = result.putObject("value");
    ArrayNode failed = value.putArray("failed");
    ArrayNode succeeded = value.putArray("succeeded");
    for (int i = 0; i < ips.size(); i++) {
      if (i % 20 == 19) {
        failed.addObject().put("origin-ip", ips.get(i)).put("error", "not found");
      } else {
        succeeded.addObject().put("origin-ip", ips.get(i)).put("region", "us-east-1").put("vendor", "aws");
      }
    }
    envelope.put("success", true);
    return envelope.toString().getBytes(StandardCharsets.UTF_8);
  }
}
