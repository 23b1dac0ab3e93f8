package dev.origincloudregions.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origincloudregions.openapi.CompatibilityGate.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec may only change compatibly unless the baseline is updated deliberately. The first test is
 * the gate itself; the others prove, on edited copies of the spec, that additive changes pass and that
 * breaking ones fail with a message naming what broke.
 */
@DisplayName("Breaking-change gate")
class BreakingChangeGateTest {

  private static final String COLLECTION = "/paths/~1zones~1{zone_id}~1cache~1origin_cloud_regions";
  private static final String BATCH = COLLECTION + "~1batch";
  private static final String SCHEMAS = "/components/schemas/";
  private static final String ENTRY = SCHEMAS + "cache-rules_origin_cloud_region_entry";
  private static final String REQUEST = SCHEMAS + "cache-rules_origin_cloud_region_request";
  private static final String BATCH_ITEM = SCHEMAS + "cache-rules_origin_cloud_region_batch_item_result";
  private static final String LIST_RESULT = SCHEMAS + "cache-rules_origin_cloud_regions_list_result";
  private static final String SINGLE_RESULT = SCHEMAS + "cache-rules_origin_cloud_region_single_result";
  private static final String SUPPORTED_RESULT = SCHEMAS + "cache-rules_supported_cloud_regions_result";
  private static final String SUPPORTED_REGION = SCHEMAS + "cache-rules_supported_cloud_region";

  private static final String LIST_OP = "GET /zones/{zone_id}/cache/origin_cloud_regions";
  private static final String CREATE_OP = "POST /zones/{zone_id}/cache/origin_cloud_regions";
  private static final String BATCH_DELETE_OP = "DELETE /zones/{zone_id}/cache/origin_cloud_regions/batch";
  private static final String SUPPORTED_OP =
      "GET /zones/{zone_id}/cache/origin_cloud_regions/supported_regions";

  @TempDir Path dir;

  @Test
  @DisplayName("the current spec is backward compatible with the released baseline")
  void currentSpecIsBackwardCompatibleWithTheReleasedBaseline() {
    Verdict verdict = CompatibilityGate.compare(SpecFiles.BASELINE, SpecFiles.SPEC);

    if (verdict.breaking()) {
      fail(verdict.message());
    }
  }

  @Test
  void copiesMadeByTheseTestsDifferFromTheSpecOnlyByTheirEdit() {
    Path copy = SpecFiles.write(SpecFiles.read(SpecFiles.SPEC), dir.resolve("copy.yaml"));

    Verdict verdict = CompatibilityGate.compare(SpecFiles.SPEC, copy);

    assertThat(verdict.openApiDiffSeesChanges())
        .as("openapi-diff sees a difference between the spec and its unedited copy").isFalse();
    assertThat(verdict.breaking()).isFalse();
  }

  /** An edit of the spec, named for the test report. */
  record Edit(String description, Consumer<ObjectNode> apply) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** Which part of the gate reports a breaking change. */
  enum Detector {
    /** openapi-diff 2.1.7 itself, on this OAS 3.0.3 spec. */
    OPENAPI_DIFF,
    /** {@link SchemaGapCheck}: openapi-diff 2.1.7 alone reports the change as compatible. */
    GAP_CHECK
  }

  /** An edit that must be reported as breaking, by whom, and what the report must say. */
  record Breaking(String description, Detector detector, Consumer<ObjectNode> apply,
      List<String> reportMentions) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Edit> additiveChanges() {
    return Stream.of(
        new Edit("a new optional response property", spec ->
            properties(spec, ENTRY).putObject("comment").put("type", "string")),
        new Edit("a new operation", spec -> {
          ObjectNode get = object(spec, COLLECTION + "/get").deepCopy();
          get.put("operationId", "origin-cloud-regions-list-history");
          object(spec, "/paths").putObject("/zones/{zone_id}/cache/origin_cloud_regions/history")
              .set("get", get);
        }),
        new Edit("a new optional request property", spec ->
            properties(spec, REQUEST).putObject("comment").put("type", "string")),
        new Edit("a larger batch limit (maxItems 100 → 200)", spec ->
            object(spec, BATCH + "/delete/requestBody/content/application~1json/schema")
                .put("maxItems", 200)),
        new Edit("a new error status on create (409)", spec ->
            object(spec, COLLECTION + "/post/responses").putObject("409")
                .put("$ref", "#/components/responses/bad_request")),
        new Edit("a changed operationId (the same HTTP call; our own code is checked by the compiler)",
            spec -> object(spec, COLLECTION + "/get").put("operationId", "origin-cloud-regions-list-all")),
        new Edit("a reworded operation description", spec ->
            object(spec, COLLECTION + "/get").put("description", "Lists the zone's mappings [M4, L1].")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("additiveChanges")
  @DisplayName("an additive change passes")
  void additiveChangePasses(Edit edit) {
    Copies copies = copies(edit.apply());

    Verdict verdict = CompatibilityGate.compare(copies.before(), copies.after());

    assertThat(verdict.openApiDiffSeesChanges()).as("the edit really changed the spec").isTrue();
    assertThat(verdict.breaking()).withFailMessage("%s", verdict.message()).isFalse();
  }

  static Stream<Breaking> breakingChanges() {
    String batchDeleteBody = BATCH + "/delete/requestBody/content/application~1json/schema";
    return Stream.of(
        new Breaking("a removed operation (batch delete)", Detector.OPENAPI_DIFF,
            spec -> object(spec, BATCH).remove("delete"),
            List.of("[openapi-diff] " + BATCH_DELETE_OP + ": operation removed")),
        new Breaking("a removed required response field (origin-ip of a batch item)",
            Detector.OPENAPI_DIFF,
            spec -> {
              properties(spec, BATCH_ITEM).remove("origin-ip");
              object(spec, BATCH_ITEM).remove("required");
            },
            List.of("[openapi-diff] " + BATCH_DELETE_OP + " › response 200 application/json"
                + " › result.value.failed[]: properties removed [origin-ip]")),
        new Breaking("a removed optional response field (the list's modified_on) [L1]",
            Detector.GAP_CHECK,
            spec -> properties(spec, LIST_RESULT).remove("modified_on"),
            List.of("[gap check] " + LIST_OP + " › response 200 application/json"
                + " › result.modified_on: optional response property removed")),
        new Breaking("a renamed required response property (origin-ip → origin_ip)",
            Detector.OPENAPI_DIFF,
            spec -> renameRequiredProperty(spec, ENTRY, "origin-ip", "origin_ip"),
            List.of("[openapi-diff] " + LIST_OP + " › response 200 application/json"
                + " › result.value[]: required added [origin_ip]")),
        new Breaking("a response field made optional (the mapping's region)", Detector.OPENAPI_DIFF,
            spec -> ((ArrayNode) spec.at(ENTRY + "/required")).remove(2),
            List.of("[openapi-diff] " + LIST_OP + " › response 200 application/json"
                + " › result.value[]: required removed [region]")),
        new Breaking("a narrowed request type (region: string → integer)", Detector.OPENAPI_DIFF,
            spec -> object(spec, REQUEST + "/properties/region").put("type", "integer"),
            List.of("[openapi-diff] " + CREATE_OP + " › request body application/json"
                + " › region: type string → integer")),
        new Breaking("a narrowed request enum (vendor without oci)", Detector.OPENAPI_DIFF,
            spec -> ((ArrayNode) spec.at(SCHEMAS + "cache-rules_vendor/enum")).remove(3),
            List.of("[openapi-diff] " + CREATE_OP + " › request body application/json"
                + " › vendor: enum removed [oci]")),
        new Breaking("a new required request field", Detector.OPENAPI_DIFF,
            spec -> {
              properties(spec, REQUEST).putObject("comment").put("type", "string");
              ((ArrayNode) spec.at(REQUEST + "/required")).add("comment");
            },
            List.of("[openapi-diff] " + CREATE_OP + " › request body application/json:"
                + " required added [comment]")),
        new Breaking("a lowered batch limit (maxItems 100 → 50) [BD2]", Detector.OPENAPI_DIFF,
            spec -> object(spec, batchDeleteBody).put("maxItems", 50),
            List.of("[openapi-diff] " + BATCH_DELETE_OP + " › request body application/json:"
                + " maxItems 100 → 50")),
        new Breaking("a response field that may now be null (modified_on of a single result)",
            Detector.GAP_CHECK,
            spec -> object(spec, SINGLE_RESULT + "/properties/modified_on").put("nullable", true),
            List.of("[gap check] " + CREATE_OP + " › response 200 application/json"
                + " › result.modified_on: response value may now be null")),
        new Breaking("a removed request field (region)", Detector.GAP_CHECK,
            spec -> {
              properties(spec, REQUEST).remove("region");
              ((ArrayNode) spec.at(REQUEST + "/required")).remove(2);
            },
            List.of("[gap check] " + CREATE_OP + " › request body application/json"
                + " › region: request property removed")),
        new Breaking("a request field restricted to an enum (region) [S1]", Detector.GAP_CHECK,
            spec -> object(spec, REQUEST + "/properties/region").putArray("enum").add("us-east-1"),
            List.of("[gap check] " + CREATE_OP + " › request body application/json"
                + " › region: request value restricted to enum [\"us-east-1\"]")),
        new Breaking("a batch delete body that is no longer an array (items kept) [BD1]",
            Detector.GAP_CHECK,
            spec -> object(spec, batchDeleteBody).put("type", "object"),
            List.of("[gap check] " + BATCH_DELETE_OP + " › request body application/json:"
                + " type array → object (`items` kept)")),
        new Breaking("a response array turned into a string (upper_tier_colos, items kept)",
            Detector.GAP_CHECK,
            spec -> object(spec, SUPPORTED_REGION + "/properties/upper_tier_colos").put("type", "string"),
            List.of("[gap check] " + SUPPORTED_OP + " › response 200 application/json"
                + " › result.vendors{*}[].upper_tier_colos: type array → string (`items` kept)")),
        new Breaking("a changed type of the vendors map values (additionalProperties)",
            Detector.OPENAPI_DIFF,
            spec -> object(spec, SUPPORTED_RESULT + "/properties/vendors").set("additionalProperties",
                JsonNodeFactory.instance.objectNode().put("type", "string")),
            List.of("[openapi-diff] " + SUPPORTED_OP + " › response 200 application/json"
                + " › result.vendors")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakingChanges")
  @DisplayName("a breaking change fails, naming what broke")
  void breakingChangeFailsNamingWhatBroke(Breaking change) {
    Copies copies = copies(change.apply());

    Verdict verdict = CompatibilityGate.compare(copies.before(), copies.after());

    assertThat(verdict.breaking()).as("breaking").isTrue();
    assertThat(verdict.message())
        .contains(change.reportMentions())
        .contains("docs/spec-lifecycle.md");
    // Who catches it. A renamed required response property is a known openapi-diff gap on OAS 3.1
    // documents; on this 3.0.3 spec openapi-diff reports it itself. If an upgrade of openapi-diff starts
    // reporting a GAP_CHECK change, this fails: move the case to OPENAPI_DIFF, drop its gap check.
    if (change.detector() == Detector.OPENAPI_DIFF) {
      assertThat(verdict.openApiDiffAloneIncompatible()).as("openapi-diff reports it").isTrue();
    } else {
      assertThat(verdict.openApiDiffAloneIncompatible()).as("openapi-diff alone misses it").isFalse();
      assertThat(verdict.extraFindings()).as("the gap check catches it").isNotEmpty();
    }
  }

  // --- Helpers ----------------------------------------------------------------------------------------

  private record Copies(Path before, Path after) {}

  private static final ObjectNode SPEC = SpecFiles.read(SpecFiles.SPEC);

  /** Writes the spec as it is, then an edited copy; both go through the same YAML round trip. */
  private Copies copies(Consumer<ObjectNode> edit) {
    ObjectNode spec = SPEC.deepCopy();
    Path before = SpecFiles.write(spec, dir.resolve("before.yaml"));
    edit.accept(spec);
    Path after = SpecFiles.write(spec, dir.resolve("after.yaml"));
    return new Copies(before, after);
  }

  private static ObjectNode object(ObjectNode spec, String pointer) {
    assertThat(spec.at(pointer).isObject()).as("the spec has an object at %s", pointer).isTrue();
    return (ObjectNode) spec.at(pointer);
  }

  private static ObjectNode properties(ObjectNode spec, String schemaPointer) {
    return object(spec, schemaPointer + "/properties");
  }

  private static void renameRequiredProperty(ObjectNode spec, String schema, String from, String to) {
    ObjectNode properties = properties(spec, schema);
    properties.set(to, properties.remove(from));
    ArrayNode required = (ArrayNode) spec.at(schema + "/required");
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i).asText().equals(from)) {
        required.set(i, to);
      }
    }
  }
}
