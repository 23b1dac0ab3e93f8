package dev.origincloudregions.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Raw HTTP against one server, in zones of its own, with the few steps the mutants' behaviour tests take: what a
 * client of either family sends, and the parts of the answers they compare.
 */
final class Probe {
  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ReferenceServer server;
  private String zone = newZone();

  Probe(ReferenceServer server) {
    this.server = server;
  }

  /** An answer: its status and JSON body. */
  record Answer(int status, JsonNode json) {
    JsonNode result() {
      return json.path("result");
    }

    /** The first error's message, or the empty string. */
    String message() {
      return json.path("errors").path(0).path("message").asText();
    }
  }

  static String newZone() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Moves to a fresh, empty zone. */
  Probe freshZone() {
    zone = newZone();
    return this;
  }

  String zone() {
    return zone;
  }

  /** The v1 collection of the current zone. */
  String v1() {
    return "/zones/" + zone + "/cache/origin_cloud_regions";
  }

  /** The v2 collection of the current zone. */
  String v2() {
    return "/zones/" + zone + "/origin/cloud_regions";
  }

  /** Sends with the server's token as a Bearer credential. */
  Answer send(String method, String path, String body) {
    return sendWith(method, path, body, "Authorization", "Bearer " + server.token());
  }

  /** Sends with exactly these headers (name, value, name, value, ...) as credentials. */
  Answer sendWith(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  // ---------------------------------------------------------------- writes

  /** v1 create of {@code ip} (aws, us-east-1). */
  Answer create(String ip) {
    return send("POST", v1(), "{\"ip\":\"" + ip + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
  }

  /** v2 put of {@code ip} at the path {@code pathIp} (aws, us-east-1). */
  Answer put(String pathIp, String ip) {
    return put(pathIp, ip, "aws", "us-east-1");
  }

  Answer put(String pathIp, String ip, String vendor, String region) {
    return send("PUT", v2() + "/" + pathIp,
        "{\"origin_ip\":\"" + ip + "\",\"vendor\":\"" + vendor + "\",\"region\":\"" + region + "\"}");
  }

  /** v1 batch upsert of {@code ips} (aws, us-east-1). */
  Answer upsertAll(List<String> ips) {
    return send("PATCH", v1() + "/batch", ips.stream()
        .map(ip -> "{\"ip\":\"" + ip + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}")
        .collect(Collectors.joining(",", "[", "]")));
  }

  /** v2 batch put of {@code ips} (aws, us-east-1). */
  Answer putAll(List<String> ips) {
    return send("PUT", v2() + "/batch", ips.stream()
        .map(ip -> "{\"origin_ip\":\"" + ip + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}")
        .collect(Collectors.joining(",", "[", "]")));
  }

  // ---------------------------------------------------------------- reads

  /** The IPs of the v1 list, in its order. */
  List<String> v1Ips() {
    List<String> ips = new ArrayList<>();
    get(v1()).result().path("value").forEach(m -> ips.add(m.path("origin-ip").asText()));
    return ips;
  }

  /** The IPs of the v2 list's first page of 100, in its order. */
  List<String> v2Ips() {
    List<String> ips = new ArrayList<>();
    get(v2() + "?per_page=100").result().forEach(m -> ips.add(m.path("origin_ip").asText()));
    return ips;
  }

  // ---------------------------------------------------------------- JSON

  /** {@code n} distinct IPv4 addresses, as JSON strings in an array. */
  static String ipArray(int n) {
    return quoted(ips(n));
  }

  /** {@code n} distinct IPv4 addresses. */
  static List<String> ips(int n) {
    return IntStream.range(0, n).mapToObj(i -> "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff)).toList();
  }

  static String quoted(List<String> texts) {
    return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  /** An object's keys, in order. */
  static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The values of {@code field} of each element of {@code array}. */
  static List<String> each(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.path(field).asText()));
    return values;
  }
}
