package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pact agrees with the OpenAPI spec: every interaction's request and response, as the pact file spells them,
 * is validated with swagger-request-validator against {@code openapi/origin-cloud-regions.yaml}. A consumer
 * expectation the spec does not allow fails the build before any provider is asked.
 *
 * <p>swagger-request-validator's own Pact module does not resolve at 2.46.1 (and its later releases need Java
 * 21), so the test builds each request and response from the pact JSON and calls the core validator directly.
 *
 * <p>Three interactions send a request that breaks the spec on purpose, to check that the provider refuses it;
 * for those the validator must report exactly that breach, and the response must still be valid.
 */
class PactAgreesWithSpecTest {
  static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
      .createFor(withGlobalSecurityOnEachOperation(spec()))
      .withBasePathOverride("/") // the pact's paths are relative to the base URL, like the spec's
      .build();

  /**
   * The spec, with its top-level {@code security} copied onto every operation that has none. OpenAPI says the
   * top-level requirement applies to those operations, but swagger-request-validator 2.46.1 only reads
   * {@code Operation.security} and would let a request without credentials pass.
   */
  static OpenAPI withGlobalSecurityOnEachOperation(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true); // components/responses too, as the validator does with a spec it parses itself
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
    OpenAPI api = parsed.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("the spec does not parse: " + parsed.getMessages());
    }
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getSecurity() == null) {
        op.setSecurity(api.getSecurity());
      }
    }));
    return api;
  }

  /** Interactions whose request breaks the spec on purpose, and the validator key of that breach. */
  static final Map<String, String> DELIBERATELY_INVALID_REQUESTS = Map.of(
      "batch delete: 101 items are refused with 400 and code 1191 [BD2, E5]",
      "validation.request.body.schema.maxItems",
      "batch delete: a body that is not a JSON array is refused with 400 and code 1190 [BD1, E5]",
      "validation.request.body.schema.type",
      "batch delete: without credentials it is refused with 401 and code 10000 [A2, E5]",
      "validation.request.security.missing",
      "v2 batch delete: 101 items are refused with 400 and code 1191 [VBD1, E5]",
      "validation.request.body.schema.maxItems",
      "v2 batch delete: a body that is not a JSON array is refused with 400 and code 1190 [VBD1, E5]",
      "validation.request.body.schema.type",
      "v2 batch delete: without credentials it is refused with 401 and code 10000 [A2, E5]",
      "validation.request.security.missing",
      "v2 list: per_page 101 is refused with 400 and code 1146 [VL1]",
      "validation.request.parameter.schema.maximum");

  @TestFactory
  @DisplayName("every interaction of the pact is valid by the spec")
  Stream<DynamicTest> everyInteractionAgreesWithTheSpec() {
    JsonNode pact = PactFiles.read(PactFiles.committed());
    return stream(pact.path("interactions")).map(i -> DynamicTest.dynamicTest(i.path("description").asText(), () -> {
      String description = i.path("description").asText();
      assertThat(errors(validate(i).response())).as("the response of '%s' by the spec", description).isEmpty();
      String expected = DELIBERATELY_INVALID_REQUESTS.get(description);
      if (expected == null) {
        assertThat(errors(validate(i).request())).as("the request of '%s' by the spec", description).isEmpty();
      } else {
        assertThat(errors(validate(i).request())).as("the deliberately invalid request of '%s'", description)
            .isNotEmpty()
            .allSatisfy(e -> assertThat(e).startsWith(expected));
      }
    }));
  }

  @Test
  @DisplayName("A1: the validator refuses a request without credentials (so the check above means something)")
  void theValidatorChecksCredentials() {
    SimpleRequest anonymous = new SimpleRequest.Builder("GET", "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions")
        .build();
    SimpleRequest withToken = new SimpleRequest.Builder("GET", "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions")
        .withAuthorization("Bearer t").build();

    assertThat(errors(VALIDATOR.validateRequest(anonymous))).singleElement().asString()
        .startsWith("validation.request.security.missing");
    assertThat(errors(VALIDATOR.validateRequest(withToken))).isEmpty();
  }

  @Test
  @DisplayName("every deliberately invalid request is in the pact")
  void theDeliberatelyInvalidRequestsExist() {
    List<String> descriptions = stream(PactFiles.read(PactFiles.committed()).path("interactions"))
        .map(i -> i.path("description").asText()).toList();

    assertThat(descriptions).containsAll(DELIBERATELY_INVALID_REQUESTS.keySet());
  }

  @Test
  @DisplayName("every operation of the spec, v1 and v2, has at least one interaction in the pact")
  void everyOperationOfTheSpecHasAnInteraction() {
    OpenAPI api = withGlobalSecurityOnEachOperation(spec());
    List<String> operations = new ArrayList<>();
    api.getPaths().forEach((template, item) -> item.readOperationsMap()
        .forEach((method, op) -> operations.add(method + " " + template)));
    java.util.Set<String> covered = new java.util.TreeSet<>();
    PactFiles.read(PactFiles.committed()).path("interactions").forEach(i -> covered.add(
        i.at("/request/method").asText() + " " + template(api, i.at("/request/path").asText())));

    assertThat(operations).as("the spec's operations").hasSize(15)
        .contains("DELETE /zones/{zone_id}/origin/cloud_regions/batch", "GET /zones/{zone_id}/origin/cloud_regions");
    assertThat(operations).as("operations without an interaction").allSatisfy(op -> assertThat(covered).contains(op));
  }

  @Test
  @DisplayName("the coverage test tells the literal paths from the templated ones")
  void theCoverageTestTellsLiteralPathsFromTemplatedOnes() {
    OpenAPI api = withGlobalSecurityOnEachOperation(spec());
    String zone = "/zones/023e105f4ecef8ad9ca31a8372d0c353";

    assertThat(template(api, zone + "/origin/cloud_regions/batch")).isEqualTo("/zones/{zone_id}/origin/cloud_regions/batch");
    assertThat(template(api, zone + "/origin/cloud_regions/2001%3Adb8%3A%3A1"))
        .isEqualTo("/zones/{zone_id}/origin/cloud_regions/{origin_ip}");
    assertThat(template(api, zone + "/cache/origin_cloud_regions")).isEqualTo("/zones/{zone_id}/cache/origin_cloud_regions");
    assertThat(template(api, zone + "/origin/cloud_region")).isEqualTo("(no path of the spec)");
  }

  /**
   * The spec's path template that a concrete path belongs to: of the templates it matches, the one with the fewest
   * parameters, as OpenAPI matches concrete paths before templated ones ({@code /batch} is not an {@code
   * {origin_ip}}).
   */
  static String template(OpenAPI api, String path) {
    return api.getPaths().keySet().stream()
        .filter(t -> path.matches("^" + t.replaceAll("\\{[^/}]+}", "[^/]+") + "$"))
        .min(java.util.Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()))
        .orElse("(no path of the spec)");
  }

  /** Ways to make an interaction wrong; each must be caught. */
  static Stream<Mutation> mutations() {
    return Stream.of(
        new Mutation("get: one mapping [G1, M1]", "response key origin_ip instead of origin-ip",
            i -> {
              ObjectNode value = (ObjectNode) i.at("/response/body/content/result/value");
              value.set("origin_ip", value.remove("origin-ip"));
            }),
        new Mutation("get: one mapping [G1, M1]", "success as a string",
            i -> ((ObjectNode) i.at("/response/body/content")).put("success", "yes")),
        new Mutation("get: one mapping [G1, M1]", "a status the operation does not document",
            i -> ((ObjectNode) i.path("response")).put("status", 201)),
        new Mutation("batch delete: every IP mapped, all succeed with their vendor and region [BD1, BD3, BD4, BD5, BD7]",
            "a number among the IPs of the request", i -> ((ArrayNode) i.at("/request/body/content")).add(7)),
        new Mutation("batch delete: every IP mapped, all succeed with their vendor and region [BD1, BD3, BD4, BD5, BD7]",
            "a path the spec does not have", i -> ((ObjectNode) i.path("request")).put("path",
                i.path("request").path("path").asText().replace("origin_cloud_regions", "origin_cloud_region"))),
        new Mutation("list: the zone's mappings include those that exist [L1, M1]", "a vendor outside the enum",
            i -> ((ObjectNode) i.at("/response/body/content/result/value/0")).put("vendor", "digitalocean")),
        new Mutation("batch delete: every item fails, still 200, modified_on null [BD3, BD7]",
            "result without value", i -> ((ObjectNode) i.at("/response/body/content/result")).remove("value")),
        new Mutation(V2_GET, "v2: response key origin-ip instead of origin_ip", i -> {
          ObjectNode result = (ObjectNode) i.at("/response/body/content/result");
          result.set("origin-ip", result.remove("origin_ip"));
        }),
        new Mutation(V2_BATCH_DELETE, "v2: a batch result wrapped as v1's setting, {id, editable, value}", i -> {
          ObjectNode content = (ObjectNode) i.at("/response/body/content");
          ObjectNode setting = content.putObject("wrapped");
          setting.put("id", "origin_public_cloud_region").put("editable", true).set("value", content.remove("result"));
          content.set("result", content.remove("wrapped"));
        }),
        new Mutation(V2_BATCH_DELETE, "v2: a request item that is an object, not an IP string",
            i -> ((ArrayNode) i.at("/request/body/content")).addObject().put("origin_ip", "192.0.2.7")),
        new Mutation("v2 list: page 1 of two holds the first two mappings by address, with result_info [VL1, M4]",
            "v2: a list without result_info", i -> ((ObjectNode) i.at("/response/body/content")).remove("result_info")),
        new Mutation("v2 list: page 1 of two holds the first two mappings by address, with result_info [VL1, M4]",
            "v2: per_page 0 in the query", i -> ((ArrayNode) i.at("/request/query/per_page")).set(0, "0")));
  }

  static final String V2_GET = "v2 get: one mapping, flat, under origin_ip [VG1, VK1]";
  static final String V2_BATCH_DELETE = "v2 batch delete: an IPv4 and an IPv6 mapping, both succeed with their vendor"
      + " and region under origin_ip [VBD1, VK1]";

  record Mutation(String interaction, String change, Consumer<JsonNode> apply) {
    @Override
    public String toString() {
      return change;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  @DisplayName("a deliberately wrong interaction is caught")
  void aWrongInteractionIsCaught(Mutation m) {
    JsonNode interaction = stream(PactFiles.read(PactFiles.committed()).path("interactions"))
        .filter(i -> i.path("description").asText().equals(m.interaction()))
        .findFirst().orElseThrow(() -> new AssertionError("no interaction '" + m.interaction() + "' in the pact"));
    assertThat(errors(validate(interaction).request())).as("before the change").isEmpty();
    assertThat(errors(validate(interaction).response())).as("before the change").isEmpty();

    m.apply().accept(interaction);

    Validation after = validate(interaction);
    List<String> all = new ArrayList<>(errors(after.request()));
    all.addAll(errors(after.response()));
    assertThat(all).as("errors after: %s", m.change()).isNotEmpty();
  }

  /** The validator's verdict on one interaction's request and on its response. */
  record Validation(ValidationReport request, ValidationReport response) {}

  static Validation validate(JsonNode interaction) {
    JsonNode req = interaction.path("request");
    String description = interaction.path("description").asText();
    boolean anonymous = stream(interaction.path("providerStates"))
        .anyMatch(s -> s.path("name").asText().equals(PactStates.NO_CREDENTIALS));
    SimpleRequest.Builder r = new SimpleRequest.Builder(req.path("method").asText(), req.path("path").asText());
    req.path("headers").fields().forEachRemaining(h -> r.withHeader(h.getKey(), values(h.getValue())));
    req.path("query").fields().forEachRemaining(q -> r.withQueryParam(q.getKey(), values(q.getValue())));
    if (!anonymous) {
      r.withAuthorization("Bearer injected-by-the-verifier"); // the pact stores no credentials
    }
    if (req.path("body").has("content")) {
      r.withBody(body(req.path("body")));
    }
    SimpleRequest request = r.build();

    JsonNode res = interaction.path("response");
    SimpleResponse.Builder s = SimpleResponse.Builder.status(res.path("status").asInt());
    res.path("headers").fields().forEachRemaining(h -> s.withHeader(h.getKey(), values(h.getValue())));
    if (res.path("body").has("content")) {
      s.withBody(body(res.path("body")));
    }
    ValidationReport requestReport = VALIDATOR.validateRequest(request);
    ValidationReport responseReport = VALIDATOR.validateResponse(
        req.path("path").asText(), Request.Method.valueOf(req.path("method").asText()), s.build());
    if (description.isEmpty()) {
      throw new AssertionError("an interaction without a description");
    }
    return new Validation(requestReport, responseReport);
  }

  /** The report's errors as "key: message". */
  static List<String> errors(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList();
  }

  private static String body(JsonNode body) {
    JsonNode content = body.path("content");
    return content.isTextual() && !body.path("contentType").asText().contains("json") ? content.asText()
        : content.toString();
  }

  private static List<String> values(JsonNode header) {
    return header.isArray() ? stream(header).map(JsonNode::asText).toList() : List.of(header.asText());
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }

  private static String spec() {
    try (InputStream in = PactAgreesWithSpecTest.class.getClassLoader()
        .getResourceAsStream("openapi/origin-cloud-regions.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/origin-cloud-regions.yaml is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
