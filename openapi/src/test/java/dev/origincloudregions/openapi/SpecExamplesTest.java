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
    assertThat(names).as("parameter schema examples")
        .contains("/zones/{zone_id}/cache/origin_cloud_regions/{origin_ip} parameter origin_ip"
            + " schema example");
    assertThat(names).hasSizeGreaterThan(40);
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

  // --- Helpers ----------------------------------------------------------------------------------------

  private static final String COLLECTION = "/paths/~1zones~1{zone_id}~1cache~1origin_cloud_regions";
  private static final String LIST_200 =
      COLLECTION + "/get/responses/200/content/application~1json/schema";
  private static final String BATCH_DELETE_BODY =
      COLLECTION + "~1batch/delete/requestBody/content/application~1json/schema";

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
