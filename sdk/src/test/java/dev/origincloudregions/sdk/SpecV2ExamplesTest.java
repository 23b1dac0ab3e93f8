package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example the spec gives for a v2 operation, read from the spec itself (the {@code
 * origin-cloud-regions-openapi} artifact), so that an example added there is checked here without a
 * copy: each answer example, served by a real local server, decodes through the SDK into what the
 * example's JSON says (read here independently of the SDK), or into an {@link ApiException} with the
 * example's errors; each request example is what the SDK sends for the same input.
 */
@DisplayName("The spec's v2 examples through the SDK")
class SpecV2ExamplesTest {
  static final String V2_PREFIX = "/zones/{zone_id}/origin/cloud_regions";
  static final JsonNode SPEC = readSpec();

  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();

  @AfterEach
  void stop() {
    server.close();
  }

  /** One example of a v2 operation: an answer ({@code status} set) or a request body ({@code status} null). */
  record Example(String operationId, String status, String name, JsonNode value) {
    @Override
    public String toString() {
      return operationId + " " + (status == null ? "request" : status) + " " + name;
    }
  }

  static Stream<Example> successAnswers() {
    return examples().stream().filter(e -> "200".equals(e.status()));
  }

  /** Each distinct error example once (the operations share their error responses). */
  static Stream<Example> errorAnswers() {
    Map<String, Example> distinct = new LinkedHashMap<>();
    examples().stream()
        .filter(e -> e.status() != null && !e.status().equals("200"))
        .forEach(e -> distinct.putIfAbsent(e.status() + " " + e.value(), e));
    return distinct.values().stream();
  }

  static Stream<Example> requestBodies() {
    return examples().stream().filter(e -> e.status() == null);
  }

  @Test
  @DisplayName("the spec has answer examples for all seven v2 operations, errors included")
  void everyV2OperationHasExamples() {
    assertThat(successAnswers().map(Example::operationId).distinct())
        .containsExactlyInAnyOrder(
            "origin-cloud-regions-v2-list", "origin-cloud-regions-v2-get", "origin-cloud-regions-v2-upsert",
            "origin-cloud-regions-v2-delete", "origin-cloud-regions-v2-batch-upsert",
            "origin-cloud-regions-v2-batch-delete", "origin-cloud-regions-v2-supported-regions");
    assertThat(errorAnswers()).isNotEmpty();
    assertThat(requestBodies().map(Example::operationId).distinct())
        .containsExactlyInAnyOrder(
            "origin-cloud-regions-v2-upsert", "origin-cloud-regions-v2-batch-upsert", "origin-cloud-regions-v2-batch-delete");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("successAnswers")
  @DisplayName("VK1, VL1, VG1, VP1, VBD1, VBU1, S1: a 200 example decodes into what its JSON says")
  void successExampleDecodes(Example example) {
    server.enqueue(200, example.value().toString());
    JsonNode result = example.value().path("result");

    Object decoded =
        switch (example.operationId()) {
          case "origin-cloud-regions-v2-list" -> client.listPage(ZONE, 1, 20);
          case "origin-cloud-regions-v2-get" -> client.get(ZONE, "192.0.2.1");
          case "origin-cloud-regions-v2-upsert" -> client.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1"));
          case "origin-cloud-regions-v2-delete" -> client.delete(ZONE, "192.0.2.1");
          case "origin-cloud-regions-v2-batch-upsert" -> client.bulkPut(ZONE, List.of());
          case "origin-cloud-regions-v2-batch-delete" -> client.bulkDelete(ZONE, List.of());
          case "origin-cloud-regions-v2-supported-regions" -> client.supportedRegions(ZONE);
          default -> throw new AssertionError("an operation this test does not know: " + example);
        };

    Object expected =
        switch (example.operationId()) {
          case "origin-cloud-regions-v2-list" -> new MappingPage(
              mappings(result),
              example.value().at("/result_info/page").intValue(),
              example.value().at("/result_info/per_page").intValue(),
              example.value().at("/result_info/total_count").intValue(),
              example.value().at("/result_info/total_pages").intValue());
          case "origin-cloud-regions-v2-get", "origin-cloud-regions-v2-upsert" -> mapping(result);
          case "origin-cloud-regions-v2-delete" -> result.path("origin_ip").textValue();
          case "origin-cloud-regions-v2-batch-upsert", "origin-cloud-regions-v2-batch-delete" ->
              new BatchResult(null, items(result.path("succeeded")), items(result.path("failed")));
          default -> supportedRegions(result);
        };
    assertThat(decoded).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorAnswers")
  @DisplayName("E1: an error example becomes an ApiException with its status and every code and message")
  void errorExampleBecomesAnApiException(Example example) {
    int status = example.status().equals("4XX") ? 400 : example.status().equals("5XX") ? 500 : Integer.parseInt(example.status());
    server.enqueue(Reply.json(status, example.value().toString()));

    ApiException e = apiException(() -> client.get(ZONE, "192.0.2.1"));

    List<ApiError> errors = new ArrayList<>();
    example.value().path("errors").forEach(err -> errors.add(new ApiError(err.path("code").intValue(), err.path("message").textValue())));
    assertThat(errors).isNotEmpty();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.errors()).isEqualTo(errors);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestBodies")
  @DisplayName("VK1, VP1, VBU1, VBD1: the SDK sends a request example's body for the same input")
  void requestExampleIsWhatTheSdkSends(Example example) throws IOException {
    JsonNode body = example.value();
    switch (example.operationId()) {
      case "origin-cloud-regions-v2-upsert" -> {
        server.enqueue(200, Fixtures.V2_SINGLE_200);
        client.put(ZONE, request(body));
      }
      case "origin-cloud-regions-v2-batch-upsert" -> {
        server.enqueue(200, Fixtures.V2_BATCH_PUT_200);
        List<MappingRequest> items = new ArrayList<>();
        body.forEach(item -> items.add(request(item)));
        client.bulkPut(ZONE, items);
      }
      case "origin-cloud-regions-v2-batch-delete" -> {
        server.enqueue(200, Fixtures.V2_BATCH_DELETE_200);
        List<String> ips = new ArrayList<>();
        body.forEach(ip -> ips.add(ip.textValue()));
        client.bulkDelete(ZONE, ips);
      }
      default -> throw new AssertionError("an operation this test does not know: " + example);
    }

    assertThat(new ObjectMapper().readTree(server.takeRequest().body())).isEqualTo(body);
  }

  // ---- The expected values, read from the example's JSON without the SDK. ----

  private static MappingRequest request(JsonNode item) {
    return MappingRequest.of(item.path("origin_ip").textValue(), item.path("vendor").textValue(), item.path("region").textValue());
  }

  private static Mapping mapping(JsonNode entry) {
    JsonNode modified = entry.path("modified_on");
    return new Mapping(
        entry.path("origin_ip").textValue(),
        entry.path("vendor").textValue(),
        entry.path("region").textValue(),
        modified.isTextual() ? OffsetDateTime.parse(modified.textValue()).withOffsetSameInstant(ZoneOffset.UTC) : null);
  }

  private static List<Mapping> mappings(JsonNode entries) {
    List<Mapping> out = new ArrayList<>();
    entries.forEach(e -> out.add(mapping(e)));
    return out;
  }

  private static List<BatchItem> items(JsonNode items) {
    List<BatchItem> out = new ArrayList<>();
    items.forEach(i -> out.add(new BatchItem(
        i.path("origin_ip").textValue(), i.path("vendor").textValue(), i.path("region").textValue(), i.path("error").textValue())));
    return out;
  }

  private static SupportedRegions supportedRegions(JsonNode result) {
    Map<String, List<Region>> vendors = new LinkedHashMap<>();
    result.path("vendors").properties().forEach(vendor -> {
      List<Region> regions = new ArrayList<>();
      vendor.getValue().forEach(r -> {
        List<String> colos = new ArrayList<>();
        r.path("upper_tier_colos").forEach(c -> colos.add(c.textValue()));
        regions.add(new Region(r.path("name").textValue(), colos));
      });
      vendors.put(vendor.getKey(), regions);
    });
    return new SupportedRegions(result.path("obtained_codes").booleanValue(), vendors);
  }

  // ---- Reading the spec. ----

  private static JsonNode readSpec() {
    try (InputStream in = SpecV2ExamplesTest.class.getClassLoader().getResourceAsStream("openapi/origin-cloud-regions.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/origin-cloud-regions.yaml is not on the test classpath");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every example of every v2 operation: request bodies, then answers by status, {@code $ref}s followed. */
  static List<Example> examples() {
    List<Example> out = new ArrayList<>();
    SPEC.path("paths").properties().forEach(path -> {
      if (!path.getKey().startsWith(V2_PREFIX)) {
        return;
      }
      path.getValue().properties().forEach(operation -> {
        String id = operation.getValue().path("operationId").textValue();
        if (id == null) {
          return; // the path's shared parameters
        }
        collect(out, id, null, operation.getValue().path("requestBody"));
        operation.getValue().path("responses").properties()
            .forEach(response -> collect(out, id, response.getKey(), resolve(response.getValue())));
      });
    });
    return out;
  }

  private static void collect(List<Example> out, String operationId, String status, JsonNode withContent) {
    withContent.path("content").path("application/json").path("examples").properties()
        .forEach(e -> out.add(new Example(operationId, status, e.getKey(), resolve(e.getValue()).path("value"))));
  }

  /** A {@code $ref} within the spec, followed; anything else as is. */
  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isTextual() ? SPEC.at(ref.textValue().substring(1)) : node;
  }
}
