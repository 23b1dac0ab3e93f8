package dev.origincloudregions.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.origincloudregions.openapi.SpecExamples.Case;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example in the spec satisfies its schema, validated with the OpenAPI 3.0 dialect of
 * networknt's JSON Schema validator (which knows {@code nullable}) against the spec as packaged:
 * the classpath resource {@code openapi/origin-cloud-regions.yaml}.
 */
@DisplayName("Spec examples")
class SpecExamplesTest {

  private static final String PACKAGED_SPEC = "classpath:openapi/origin-cloud-regions.yaml";
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
  private static final SpecExamples EXAMPLES = SpecExamples.of(SpecFiles.read(SpecFiles.SPEC));

  static Stream<Case> examples() {
    return EXAMPLES.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("every example validates against its schema")
  void exampleValidatesAgainstItsSchema(Case example) {
    assertThat(errors(example.schemaPointer(), example.value()))
        .as("%s%n  example: %s%n  schema: %s#%s", example.name(), example.value(), PACKAGED_SPEC,
            example.schemaPointer())
        .isEmpty();
  }

  @Test
  void everyKindOfExampleInTheSpecIsFound() {
    List<String> names = EXAMPLES.cases().stream().map(Case::name).toList();

    assertThat(names).as("media-type examples, through $ref to components/examples")
        .contains("GET /zones/{zone_id}/cache/origin_cloud_regions 200 application/json example 'empty'"
            + " (#/components/examples/list_empty)");
    assertThat(names).as("inline request examples")
        .contains("DELETE /zones/{zone_id}/cache/origin_cloud_regions/batch request application/json"
            + " example 'batch_delete'");
    assertThat(names).as("examples of shared error responses")
        .contains("components.responses.too_many_requests application/json example 'rate_limited'");
    assertThat(names).as("schema-level examples, nested ones included")
        .contains("components.schemas.cache-rules_identifier example",
            "components.schemas.cache-rules_supported_cloud_region.upper_tier_colos example",
            "DELETE /zones/{zone_id}/cache/origin_cloud_regions/batch request application/json"
                + " schema[] example");
    assertThat(names).as("parameter examples")
        .contains("/zones/{zone_id}/cache/origin_cloud_regions/{origin_ip} parameter origin_ip example",
            "GET /zones/{zone_id}/origin/cloud_regions parameter per_page example");
    assertThat(names).as("examples inside anyOf branches and referenced schemas")
        .contains("components.schemas.cache-rules_origin_ip_address example");
    assertThat(names).hasSizeGreaterThan(80);
  }

  /**
   * Every operation shows what it takes and what it answers: an example for its request body (if it has
   * one) and for its 200 response. For v2 these are Cloudflare's documented bodies, plus the project's
   * partial-failure batches.
   */
  @Test
  void everyOperationHasRequestAndSuccessExamples() {
    JsonNode paths = SpecFiles.read(SpecFiles.SPEC).path("paths");
    List<String> names = EXAMPLES.cases().stream().map(Case::name).toList();
    List<String> missing = new java.util.ArrayList<>();
    paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!op.getValue().has("responses")) {
        return; // path-level parameters
      }
      String operation = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
      if (op.getValue().has("requestBody")
          && names.stream().noneMatch(n -> n.startsWith(operation + " request application/json example '"))) {
        missing.add(operation + " request");
      }
      if (names.stream().noneMatch(n -> n.startsWith(operation + " 200 application/json example '"))) {
        missing.add(operation + " 200");
      }
    }));

    assertThat(missing).as("operations without examples").isEmpty();
    assertThat(names).as("v2 operations are among them")
        .anySatisfy(n -> assertThat(n).startsWith("DELETE /zones/{zone_id}/origin/cloud_regions/batch 200"
            + " application/json example 'partial_failure'"));
  }

  @Test
  void everyComponentExampleIsUsedAndSoChecked() {
    assertThat(EXAMPLES.unusedComponentExamples()).isEmpty();
  }

  // The validator itself: these prove that the test above can fail, and that it reads `nullable` as
  // OpenAPI 3.0 defines it.

  @Test
  void rejectsAnExampleMissingARequiredProperty() {
    ObjectNode mapping = listWithOneMapping();
    ((ObjectNode) mapping.at("/result/value/0")).remove("origin-ip");

    assertThat(messages(errors(LIST_200, mapping))).anySatisfy(m -> assertThat(m).contains("origin-ip"));
  }

  @Test
  @DisplayName("L1: accepts a null modified_on where the spec says nullable (the list of an empty zone)")
  void acceptsNullWhereTheSpecSaysNullable() {
    ObjectNode empty = listWithOneMapping();
    ((ArrayNode) empty.at("/result/value")).removeAll();
    ((ObjectNode) empty.get("result")).putNull("modified_on");

    assertThat(errors(LIST_200, empty)).isEmpty();
  }

  @Test
  void rejectsNullWhereTheSpecDoesNotSayNullable() {
    ObjectNode mapping = listWithOneMapping();
    ((ObjectNode) mapping.at("/result/value/0")).putNull("modified_on");

    assertThat(messages(errors(LIST_200, mapping)))
        .anySatisfy(m -> assertThat(m).contains("modified_on").contains("null"));
  }

  @Test
  void rejectsATimestampThatIsNotRfc3339() {
    ObjectNode mapping = listWithOneMapping();
    ((ObjectNode) mapping.at("/result/value/0")).put("modified_on", "2026-03-01 12:00");

    assertThat(messages(errors(LIST_200, mapping))).anySatisfy(m -> assertThat(m).contains("date-time"));
  }

  @Test
  @DisplayName("BD2: rejects a batch delete body of 101 IPs")
  void rejectsABatchDeleteBodyOverTheLimit() {
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 101; i++) {
      body.add("192.0.2." + i);
    }

    assertThat(messages(errors(BATCH_DELETE_BODY, body))).anySatisfy(m -> assertThat(m).contains("100"));
    body.remove(100);
    assertThat(errors(BATCH_DELETE_BODY, body)).isEmpty();
  }

  // The input descriptions: what the spec calls valid is what the contract accepts (and so the server).

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8::1", "2001:DB8:0:0::1",
      "::", "::1", "::ffff:192.0.2.1", "64:ff9b::198.51.100.7", "fe80:0:0:0:0:0:0:1"})
  @DisplayName("IP1: the origin IP description accepts an IP address in any accepted text form")
  void theOriginIpDescriptionAcceptsAnIpAddress(String ip) {
    assertThat(errors(ORIGIN_IP, JsonNodeFactory.instance.textNode(ip))).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"010.0.0.1", "192.0.2.01", "256.0.0.1", "192.0.2", "192.0.2.1.5", " 192.0.2.1",
      "192.0.2.1 ", "[2001:db8::1]", "fe80::1%eth0", "192.0.2.0/24", "2001:db8::/32", "", "not-an-ip",
      "2001:db8::g", "1:2:3:4:5:6:7:8:9"})
  @DisplayName("IP1: the origin IP description refuses what the server refuses with 1146")
  void theOriginIpDescriptionRefusesWhatIsNotAnIpAddress(String text) {
    assertThat(errors(ORIGIN_IP, JsonNodeFactory.instance.textNode(text))).isNotEmpty();
  }

  @Test
  @DisplayName("Z1: a zone_id is exactly 32 lowercase hex digits")
  void aZoneIdIsThirtyTwoLowercaseHexDigits() {
    assertThat(errors(ZONE_ID, JsonNodeFactory.instance.textNode("023e105f4ecef8ad9ca31a8372d0c353"))).isEmpty();
    for (String bad : List.of("023E105F4ECEF8AD9CA31A8372D0C353", "023e105f4ecef8ad9ca31a8372d0c35",
        "023e105f4ecef8ad9ca31a8372d0c353a", "023e105f4ecef8ad9ca31a8372d0c35g", "zone")) {
      assertThat(errors(ZONE_ID, JsonNodeFactory.instance.textNode(bad))).as(bad).isNotEmpty();
    }
  }

  @Test
  @DisplayName("BD3, BU2: batch items stay open, since a bad item fails alone inside a 200 answer")
  void batchItemsAcceptAnyText() {
    ArrayNode deletes = JsonNodeFactory.instance.arrayNode().add("not-an-ip").add("010.0.0.1");
    ArrayNode upserts = JsonNodeFactory.instance.arrayNode();
    upserts.addObject().put("origin_ip", "not-an-ip").put("vendor", "ibm").put("region", "mars-north-1");

    assertThat(errors(V2_COLLECTION + "~1batch/delete/requestBody/content/application~1json/schema", deletes))
        .isEmpty();
    assertThat(errors(V2_COLLECTION + "~1batch/put/requestBody/content/application~1json/schema", upserts))
        .isEmpty();
    assertThat(errors(V2_PUT_BODY, upserts.get(0))).as("the single put body is strict").isNotEmpty();
  }

  @Test
  @DisplayName("VL1: per_page is 1 to 100 and page at least 1")
  void pageAndPerPageBounds() {
    String parameters = V2_COLLECTION + "/get/parameters/";
    JsonNodeFactory json = JsonNodeFactory.instance;
    assertThat(errors(parameters + "0/schema", json.numberNode(1))).isEmpty();
    assertThat(errors(parameters + "0/schema", json.numberNode(0))).isNotEmpty();
    assertThat(errors(parameters + "1/schema", json.numberNode(100))).isEmpty();
    assertThat(errors(parameters + "1/schema", json.numberNode(101))).isNotEmpty();
    assertThat(errors(parameters + "1/schema", json.numberNode(0))).isNotEmpty();
  }

  // --- Helpers ----------------------------------------------------------------------------------------

  private static final String COLLECTION = "/paths/~1zones~1{zone_id}~1cache~1origin_cloud_regions";
  private static final String LIST_200 =
      COLLECTION + "/get/responses/200/content/application~1json/schema";
  private static final String BATCH_DELETE_BODY =
      COLLECTION + "~1batch/delete/requestBody/content/application~1json/schema";
  private static final String V2_COLLECTION = "/paths/~1zones~1{zone_id}~1origin~1cloud_regions";
  private static final String V2_PUT_BODY =
      V2_COLLECTION + "~1{origin_ip}/put/requestBody/content/application~1json/schema";
  private static final String ORIGIN_IP = "/components/schemas/cache-rules_origin_ip_address";
  private static final String ZONE_ID = "/components/schemas/cache-rules_identifier";

  private static List<Error> errors(String schemaPointer, JsonNode value) {
    Schema schema = SCHEMAS.getSchema(SchemaLocation.of(PACKAGED_SPEC + "#" + schemaPointer));
    return schema.validate(value);
  }

  private static List<String> messages(List<Error> errors) {
    assertThat(errors).as("validation errors").isNotEmpty();
    return errors.stream().map(Error::toString).collect(Collectors.toList());
  }

  /** Cloudflare's documented list example (two mappings), cut down to one mapping. */
  private static ObjectNode listWithOneMapping() {
    ObjectNode list =
        SpecFiles.read(SpecFiles.SPEC).at("/components/examples/list_two_mappings/value").deepCopy();
    ((ArrayNode) list.at("/result/value")).remove(1);
    assertThat(errors(LIST_200, list)).as("the unedited example is valid").isEmpty();
    return list;
  }
}
