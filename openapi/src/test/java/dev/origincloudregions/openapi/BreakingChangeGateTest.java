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

    assertThat(CompatibilityGate.openApiDiff(SpecFiles.SPEC, copy).isDifferent())
        .as("openapi-diff sees a difference between the spec and its unedited copy").isFalse();
    assertThat(CompatibilityGate.compare(SpecFiles.SPEC, copy).breaking()).isFalse();
  }

  /** An edit of the spec, named for the test report. */
  record Edit(String description, Consumer<ObjectNode> apply) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** An edit that must be reported as breaking, and what the report must say. */
  record Breaking(String description, Consumer<ObjectNode> apply, List<String> reportMentions) {
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
        new Edit("a reworded operation description", spec ->
            object(spec, COLLECTION + "/get").put("description", "Lists the zone's mappings [M4, L1].")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("additiveChanges")
  @DisplayName("an additive change passes")
  void additiveChangePasses(Edit edit) {
    Copies copies = copies(edit.apply());

    assertThat(CompatibilityGate.openApiDiff(copies.before(), copies.after()).isDifferent())
        .as("the edit really changed the spec").isTrue();
    Verdict verdict = CompatibilityGate.compare(copies.before(), copies.after());
    assertThat(verdict.breaking()).withFailMessage("%s", verdict.message()).isFalse();
  }

  static Stream<Breaking> breakingChanges() {
    return Stream.of(
        new Breaking("a removed operation (batch delete)",
            spec -> object(spec, BATCH).remove("delete"),
            List.of("[openapi-diff] " + BATCH_DELETE_OP + ": operation removed")),
        new Breaking("a removed required response field (origin-ip of a batch item)", spec -> {
          properties(spec, BATCH_ITEM).remove("origin-ip");
          object(spec, BATCH_ITEM).remove("required");
        }, List.of(BATCH_DELETE_OP + " › response 200 application/json", "origin-ip")),
        new Breaking("a removed optional response field (the list's modified_on) [L1]",
            spec -> properties(spec, LIST_RESULT).remove("modified_on"),
            List.of("[gap check] " + LIST_OP + " › response 200 application/json › result.modified_on:"
                + " optional response property removed")),
        new Breaking("a renamed required response property (origin-ip → origin_ip)",
            spec -> renameRequiredProperty(spec, ENTRY, "origin-ip", "origin_ip"),
            List.of("[openapi-diff] " + LIST_OP + " › response 200 application/json › result.value[]:"
                + " required added [origin_ip]")),
        new Breaking("a narrowed request type (region: string → integer)",
            spec -> object(spec, REQUEST + "/properties/region").put("type", "integer"),
            List.of("[openapi-diff] " + CREATE_OP + " › request body application/json › region:"
                + " type string → integer")),
        new Breaking("a narrowed request enum (vendor without oci)",
            spec -> ((ArrayNode) spec.at(SCHEMAS + "cache-rules_vendor/enum")).remove(3),
            List.of("[openapi-diff] " + CREATE_OP + " › request body application/json › vendor:"
                + " enum removed [oci]")),
        new Breaking("a new required request field", spec -> {
          properties(spec, REQUEST).putObject("comment").put("type", "string");
          ((ArrayNode) spec.at(REQUEST + "/required")).add("comment");
        }, List.of("[openapi-diff] " + CREATE_OP + " › request body application/json: required added [comment]")),
        new Breaking("a lowered batch limit (maxItems 100 → 50) [BD2]",
            spec -> object(spec, BATCH + "/delete/requestBody/content/application~1json/schema")
                .put("maxItems", 50),
            List.of("[openapi-diff] " + BATCH_DELETE_OP + " › request body application/json: maxItems 100 → 50")),
        new Breaking("a response field that may now be null (modified_on of a single result)",
            spec -> object(spec, SINGLE_RESULT + "/properties/modified_on").put("nullable", true),
            List.of("[gap check] " + CREATE_OP + " › response 200 application/json › result.modified_on:"
                + " response value may now be null")),
        new Breaking("a removed request field (region)", spec -> {
          properties(spec, REQUEST).remove("region");
          ((ArrayNode) spec.at(REQUEST + "/required")).remove(2);
        }, List.of("[gap check] " + CREATE_OP + " › request body application/json › region: request property removed")),
        new Breaking("a request field restricted to an enum (region) [S1]",
            spec -> object(spec, REQUEST + "/properties/region").putArray("enum").add("us-east-1"),
            List.of("[gap check] " + CREATE_OP + " › request body application/json › region:"
                + " request value restricted to enum [\"us-east-1\"]")),
        new Breaking("a batch delete body that is no longer an array (items kept) [BD1]",
            spec -> object(spec, BATCH + "/delete/requestBody/content/application~1json/schema")
                .put("type", "object"),
            List.of("[gap check] " + BATCH_DELETE_OP + " › request body application/json:"
                + " type array → object (`items` kept)")),
        new Breaking("a response array turned into a string (upper_tier_colos, items kept)",
            spec -> object(spec, SUPPORTED_REGION + "/properties/upper_tier_colos").put("type", "string"),
            List.of("[gap check] " + SUPPORTED_OP + " › response 200 application/json"
                + " › result.vendors{*}[].upper_tier_colos: type array → string (`items` kept)")),
        new Breaking("a changed type of the vendors map values (additionalProperties)",
            spec -> object(spec, SUPPORTED_RESULT + "/properties/vendors")
                .set("additionalProperties", JsonNodeFactory.instance.objectNode().put("type", "string")),
            List.of("[openapi-diff] " + SUPPORTED_OP + " › response 200 application/json › result.vendors")));
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
  }

  static Stream<Edit> changesThatOpenApiDiffMisses() {
    return breakingChanges()
        .filter(change -> change.reportMentions().stream().anyMatch(m -> m.startsWith("[gap check]")))
        .map(change -> new Edit(change.description(), change.apply()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changesThatOpenApiDiffMisses")
  @DisplayName("openapi-diff 2.1.7 alone misses it; the gap check catches it")
  void openApiDiffMissesItAndTheGapCheckCatchesIt(Edit edit) {
    Copies copies = copies(edit.apply());

    assertThat(CompatibilityGate.openApiDiff(copies.before(), copies.after()).isIncompatible())
        .as("openapi-diff reports it by itself now; the gap check for it may be redundant")
        .isFalse();
    assertThat(CompatibilityGate.compare(copies.before(), copies.after()).extraFindings()).isNotEmpty();
  }

  @Test
  @DisplayName("on this OAS 3.0.3 spec openapi-diff itself reports a renamed required response property"
      + " (a known gap on OAS 3.1 documents)")
  void openApiDiffReportsARenamedRequiredResponsePropertyOnOas303() {
    Copies copies = copies(spec -> renameRequiredProperty(spec, ENTRY, "origin-ip", "origin_ip"));

    assertThat(SpecFiles.read(copies.after()).path("openapi").asText()).isEqualTo("3.0.3");
    assertThat(CompatibilityGate.openApiDiff(copies.before(), copies.after()).isIncompatible()).isTrue();
    assertThat(CompatibilityGate.compare(copies.before(), copies.after()).openApiDiffFindings())
        .anySatisfy(line -> assertThat(line).contains("required added [origin_ip]"));
  }

  // --- Helpers ----------------------------------------------------------------------------------------

  private record Copies(Path before, Path after) {}

  /** Writes the spec as it is, then an edited copy; both go through the same YAML round trip. */
  private Copies copies(Consumer<ObjectNode> edit) {
    ObjectNode spec = SpecFiles.read(SpecFiles.SPEC);
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
