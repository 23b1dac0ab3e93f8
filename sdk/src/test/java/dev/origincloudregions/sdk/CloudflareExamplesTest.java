package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origincloudregions.sdk.generated.invoker.ApiClient;
import dev.origincloudregions.sdk.generated.model.CacheRulesMessage;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionBatchItemResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseBatch;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseList;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseSingle;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionSingleResult.IdEnum;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseBatch;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseDelete;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseList;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseSingle;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegion;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegionsResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cloudflare's documented bodies of both families ({@code src/test/resources/cloudflare-examples},
 * verbatim) decode with the generated models and re-encode to the same JSON tree: nothing Cloudflare
 * sends is dropped, renamed or reshaped by the generated layer.
 *
 * <p>Absent versus null. The generated {@code ApiClient}'s ObjectMapper, as generated, writes every
 * optional plain field that is unset as an explicit {@code null}; Cloudflare omits such fields (a
 * batch item's {@code error} on success, a message's {@code documentation_url}). Those fields are not
 * {@code nullable} in the spec, so the re-encoded {@code "error": null} would not even validate. The
 * fix is NON_NULL inclusion on that same mapper, which {@link OriginCloudRegions} sets: with
 * it every example round-trips exactly, and the one field whose null carries meaning, a nullable
 * {@code modified_on} (JsonNullable), keeps its explicit {@code null} (L1). The tests prove both: the
 * exact round trip with NON_NULL, and that without it the only differences are absent→null ones.
 */
@DisplayName("Cloudflare's documented v1 and v2 examples and the generated models")
class CloudflareExamplesTest {


  /** A documented success body and the generated response model of its operation. */
  record Example(String file, Class<?> model) {
    @Override
    public String toString() {
      return file + " as " + model.getSimpleName();
    }
  }

  static Stream<Example> successBodies() {
    return Stream.of(
        new Example("list-empty-200.json", CacheRulesOriginCloudRegionResponseList.class),
        new Example("create-200.json", CacheRulesOriginCloudRegionResponseSingle.class),
        new Example("get-200.json", CacheRulesOriginCloudRegionResponseSingle.class),
        new Example("upsert-200.json", CacheRulesOriginCloudRegionResponseList.class),
        new Example("batch-upsert-200.json", CacheRulesOriginCloudRegionResponseBatch.class),
        new Example("batch-delete-200.json", CacheRulesOriginCloudRegionResponseBatch.class),
        new Example("supported-regions-200.json", CacheRulesSupportedCloudRegionsResponse.class),
        new Example("v2-list-empty-200.json", CacheRulesOriginCloudRegionV2ResponseList.class),
        new Example("v2-list-two-mappings-200.json", CacheRulesOriginCloudRegionV2ResponseList.class),
        new Example("v2-get-200.json", CacheRulesOriginCloudRegionV2ResponseSingle.class),
        new Example("v2-put-200.json", CacheRulesOriginCloudRegionV2ResponseSingle.class),
        new Example("v2-delete-200.json", CacheRulesOriginCloudRegionV2ResponseDelete.class),
        new Example("v2-batch-put-200.json", CacheRulesOriginCloudRegionV2ResponseBatch.class),
        new Example("v2-batch-delete-200.json", CacheRulesOriginCloudRegionV2ResponseBatch.class));
  }

  static Stream<String> errorBodies() {
    return Stream.of(
        "create-400-1145-already-exists.json",
        "create-400-1146-invalid-ip.json",
        "create-400-1157-invalid-vendor-region.json",
        "upsert-403-1164-too-many-mappings.json",
        "get-404-1142-not-found.json",
        "batch-upsert-5xx-1140-internal-error.json",
        "batch-upsert-5xx-1156-region-validation.json",
        "batch-delete-5xx-1141-internal-error.json",
        "v2-list-400-1146-invalid-pagination.json",
        "v2-get-404-1142-not-found.json",
        "v2-put-400-1146-ip-mismatch.json",
        "v2-put-400-1157-invalid-vendor-region.json",
        "v2-put-403-1164-too-many-mappings.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("successBodies")
  @DisplayName("a success body decodes and re-encodes to the same JSON (NON_NULL inclusion)")
  void successBodyRoundTripsExactly(Example example) throws IOException {
    JsonNode original = sdkMapper().readTree(body(example.file()));

    JsonNode reEncoded = roundTrip(sdkMapper(), example.file(), example.model());

    assertThat(differences(original, reEncoded)).as("differences after the round trip").isEmpty();
    assertThat(reEncoded).isEqualTo(original);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("successBodies")
  @DisplayName("the generated mapper as generated only adds nulls for fields Cloudflare omits")
  void generatedMapperAsIsOnlyWritesAbsentOptionalFieldsAsNull(Example example) throws IOException {
    ObjectMapper asGenerated = new ApiClient().getObjectMapper();
    JsonNode original = asGenerated.readTree(body(example.file()));

    JsonNode reEncoded = roundTrip(asGenerated, example.file(), example.model());

    assertThat(differences(original, reEncoded))
        .allSatisfy(d -> assertThat(d).startsWith("absent→null "));
  }

  @Test
  void withoutNonNullABatchItemGainsANullErrorThatTheSpecDoesNotAllow() throws IOException {
    ObjectMapper asGenerated = new ApiClient().getObjectMapper();
    JsonNode original = asGenerated.readTree(body("batch-upsert-200.json"));

    JsonNode reEncoded =
        roundTrip(asGenerated, "batch-upsert-200.json", CacheRulesOriginCloudRegionResponseBatch.class);

    assertThat(differences(original, reEncoded)).containsExactly(
        "absent→null /result/value/succeeded/0/error",
        "absent→null /result/value/succeeded/1/error");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorBodies")
  @DisplayName("E1: an error body decodes and re-encodes to the same JSON")
  void errorBodyRoundTripsExactly(String file) throws IOException {
    // The generator maps the failure envelope to JsonNode (its `result: {enum: [null]}` cannot be
    // generated; see generator-config/java-feign.yaml); each error in it is a generated CacheRulesMessage.
    ObjectMapper mapper = sdkMapper();
    JsonNode original = mapper.readTree(body(file));
    ObjectNode envelope = (ObjectNode) mapper.readTree(body(file));

    ArrayNode errors = mapper.createArrayNode();
    for (JsonNode error : envelope.get("errors")) {
      CacheRulesMessage message = strict(mapper).treeToValue(error, CacheRulesMessage.class);
      errors.add(mapper.readTree(mapper.writeValueAsString(message)));
      assertThat(message.getCode()).as("the code in the file name").isEqualTo(codeIn(file));
      assertThat(message.getMessage()).isNotBlank();
    }
    envelope.set("errors", errors);

    assertThat(differences(original, envelope)).isEmpty();
    assertThat(envelope.get("success").asBoolean()).isFalse();
    assertThat(envelope.get("result").isNull()).as("result is an explicit null").isTrue();
  }

  @Test
  @DisplayName("M1: the hyphenated key origin-ip reaches the typed getter, in a mapping and in batch items")
  void readsTheHyphenatedOriginIpKey() throws IOException {
    CacheRulesOriginCloudRegionResponseSingle created =
        decode("create-200.json", CacheRulesOriginCloudRegionResponseSingle.class);
    CacheRulesOriginCloudRegionResponseBatch deleted =
        decode("batch-delete-200.json", CacheRulesOriginCloudRegionResponseBatch.class);

    assertThat(created.getResult().getValue().getOriginIp()).isEqualTo("192.0.2.1");
    assertThat(deleted.getResult().getValue().getSucceeded())
        .extracting(CacheRulesOriginCloudRegionBatchItemResult::getOriginIp,
            CacheRulesOriginCloudRegionBatchItemResult::getVendor,
            CacheRulesOriginCloudRegionBatchItemResult::getRegion,
            CacheRulesOriginCloudRegionBatchItemResult::getError)
        .containsExactly(
            tuple("192.0.2.1", "aws", "us-east-1", null),
            tuple("2001:db8::1", "gcp", "us-central1", null));
    assertThat(deleted.getResult().getValue().getFailed()).isEmpty();
  }

  @Test
  @DisplayName("L1: an empty zone's modified_on stays an explicit null, not an absent field")
  void keepsTheExplicitNullModifiedOnOfAnEmptyZone() throws IOException {
    CacheRulesOriginCloudRegionResponseList empty =
        decode("list-empty-200.json", CacheRulesOriginCloudRegionResponseList.class);

    assertThat(empty.getResult().getModifiedOn_JsonNullable().isPresent()).as("present").isTrue();
    assertThat(empty.getResult().getModifiedOn()).isNull();
    assertThat(empty.getResult().getValue()).isEmpty();
    JsonNode reEncoded = sdkMapper().valueToTree(empty);
    assertThat(reEncoded.at("/result/modified_on").isNull()).as("written as null").isTrue();
  }

  @Test
  void readsTimestampsAndTheResultIdAsTypedValues() throws IOException {
    CacheRulesOriginCloudRegionResponseSingle created =
        decode("create-200.json", CacheRulesOriginCloudRegionResponseSingle.class);

    OffsetDateTime documented = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    assertThat(created.getResult().getModifiedOn()).isEqualTo(documented);
    assertThat(created.getResult().getValue().getModifiedOn()).isEqualTo(documented);
    // enumUnknownDefaultCase would turn an unexpected id into UNKNOWN_DEFAULT_OPEN_API silently.
    assertThat(created.getResult().getId()).isEqualTo(IdEnum.ORIGIN_PUBLIC_CLOUD_REGION);
  }

  @Test
  @DisplayName("S1: supported_regions decodes into a map of vendor to regions with their colos")
  void readsTheVendorsMapOfSupportedRegions() throws IOException {
    CacheRulesSupportedCloudRegionsResponse supported =
        decode("supported-regions-200.json", CacheRulesSupportedCloudRegionsResponse.class);

    assertThat(supported.getResult().getObtainedCodes()).isTrue();
    assertThat(supported.getResult().getVendors()).containsOnlyKeys("aws", "gcp");
    assertThat(supported.getResult().getVendors().get("aws"))
        .extracting(CacheRulesSupportedCloudRegion::getName,
            CacheRulesSupportedCloudRegion::getUpperTierColos)
        .containsExactly(tuple("us-east-1", List.of("IAD", "EWR")), tuple("us-west-2", List.of("SEA")));
  }

  @Test
  void theStrictReaderRejectsAKeyThatNoGeneratedPropertyDeclares() {
    String renamed = body("create-200.json").replace("\"origin-ip\"", "\"origin_ip\"");

    assertThatThrownBy(() ->
            strict(sdkMapper()).readValue(renamed, CacheRulesOriginCloudRegionResponseSingle.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("origin_ip");
  }

  @Test
  @DisplayName("VK1: the v2 models read the key origin_ip; v1's origin-ip is not theirs")
  void theV2ModelsReadTheUnderscoreKeyOnly() throws IOException {
    String hyphenated = body("v2-get-200.json").replace("\"origin_ip\"", "\"origin-ip\"");

    assertThat(decode("v2-get-200.json", CacheRulesOriginCloudRegionV2ResponseSingle.class).getResult().getOriginIp())
        .isEqualTo("192.0.2.1");
    assertThatThrownBy(() ->
            strict(sdkMapper()).readValue(hyphenated, CacheRulesOriginCloudRegionV2ResponseSingle.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("origin-ip");
  }

  // --- Helpers ----------------------------------------------------------------------------------------

  /** The generated ApiClient's own ObjectMapper with NON_NULL inclusion, as OriginCloudRegions sets it. */
  private static ObjectMapper sdkMapper() {
    ObjectMapper mapper = new ApiClient().getObjectMapper();
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }

  /** Fails on any JSON key that no generated property declares, so nothing can vanish unnoticed. */
  private static ObjectMapper strict(ObjectMapper mapper) {
    return mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static <T> T decode(String file, Class<T> model) throws IOException {
    return strict(sdkMapper()).readValue(body(file), model);
  }

  private static JsonNode roundTrip(ObjectMapper mapper, String file, Class<?> model) throws IOException {
    Object decoded = strict(mapper).readValue(body(file), model);
    assertThat(decoded).isInstanceOf(model);
    return mapper.readTree(mapper.writeValueAsString(decoded));
  }

  private static String body(String file) {
    return Fixtures.example(file);
  }

  private static int codeIn(String file) {
    Matcher m = Pattern.compile("-(\\d{4})-").matcher(file);
    assertThat(m.find()).as("a four-digit code in %s", file).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * Every difference between two JSON trees, one line each with its JSON pointer. An object key
   * missing from {@code original} whose value in {@code reEncoded} is null is reported as
   * "absent→null"; anything else is "changed", "dropped" or "added".
   */
  static List<String> differences(JsonNode original, JsonNode reEncoded) {
    List<String> out = new ArrayList<>();
    diff("", original, reEncoded, out);
    return out;
  }

  private static void diff(String at, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String child = at + "/" + key.replace("~", "~0").replace("/", "~1");
        if (!a.has(key)) {
          out.add((b.get(key).isNull() ? "absent→null " : "added ") + child);
        } else if (!b.has(key)) {
          out.add("dropped " + child);
        } else {
          diff(child, a.get(key), b.get(key), out);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext(); i++) {
        diff(at + "/" + i, ia.next(), ib.next(), out);
      }
    } else if (!a.equals(b)) {
      out.add("changed " + at + ": " + a + " → " + b);
    }
  }
}
