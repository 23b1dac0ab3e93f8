package dev.origincloudregions.sdk.pact;

import static dev.origincloudregions.sdk.pact.Contract.AWS;
import static dev.origincloudregions.sdk.pact.Contract.CONSUMER;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_TIMESTAMP;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_ZONE;
import static dev.origincloudregions.sdk.pact.Contract.GCP;
import static dev.origincloudregions.sdk.pact.Contract.M;
import static dev.origincloudregions.sdk.pact.Contract.MAPPINGS_EXIST;
import static dev.origincloudregions.sdk.pact.Contract.NO_MAPPING_FOR;
import static dev.origincloudregions.sdk.pact.Contract.NO_OTHER_MAPPING;
import static dev.origincloudregions.sdk.pact.Contract.PROVIDER;
import static dev.origincloudregions.sdk.pact.Contract.ZONE_EXISTS;
import static dev.origincloudregions.sdk.pact.Contract.failure;
import static dev.origincloudregions.sdk.pact.Contract.ipsParam;
import static dev.origincloudregions.sdk.pact.Contract.mappingsParam;
import static dev.origincloudregions.sdk.pact.V2Contract.deletedResult;
import static dev.origincloudregions.sdk.pact.V2Contract.deletedResultWithNoOtherKey;
import static dev.origincloudregions.sdk.pact.V2Contract.entryResult;
import static dev.origincloudregions.sdk.pact.V2Contract.jsonRequest;
import static dev.origincloudregions.sdk.pact.V2Contract.mappingBody;
import static dev.origincloudregions.sdk.pact.V2Contract.page;
import static dev.origincloudregions.sdk.pact.V2Contract.path;
import static dev.origincloudregions.sdk.pact.V2Contract.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import dev.origincloudregions.sdk.ApiError;
import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.MappingPage;
import dev.origincloudregions.sdk.MappingRequest;
import dev.origincloudregions.sdk.Region;
import dev.origincloudregions.sdk.SupportedRegions;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the pact for the v2 single-mapping operations, the paginated list and the catalogue, driven
 * through the SDK's own (v2) methods against Pact's mock server. The first rule of each description is the one a
 * failed verification names unless the answer breaks another (a missing {@code origin_ip} key is VK1).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class V2MappingsConsumerPactTest {
  /** A second IPv4 mapping, so that three mappings fill two pages of two. */
  static final M AWS2 = new M("192.0.2.2", "aws", "us-east-1");

  /** {@code 2001:DB8:0:0:0:0:0:5} as the SDK puts it in a path: colons percent-encoded (docs/pact.md). */
  static final String ENCODED_NON_CANONICAL = "2001%3ADB8%3A0%3A0%3A0%3A0%3A0%3A5";

  static final M GCP5 = new M("2001:db8::5", "gcp", "us-central1");

  // ---------------------------------------------------------------- list, page by page

  /** The first page with the API's default size, in a zone that may hold other mappings too. */
  @Pact(consumer = CONSUMER)
  V4Pact listFirstPage(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(AWS, GCP))
            .uponReceiving("v2 list: the first page of 20 holds the zone's mappings, flat under origin_ip, with"
                + " result_info [VL1, VK1]")
            .method("GET"), "")
        .query("page=1&per_page=20")
        .willRespondWith()
        .status(200)
        .body(page(1, 20, 2, 20, false, 2, 1, AWS, GCP))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listFirstPage")
  @DisplayName("VL1, VK1: listPage sends page and per_page and reads the entries and result_info")
  void listPageReadsEntriesAndResultInfo(MockServer server) {
    MappingPage first = sdk(server).listPage(EXAMPLE_ZONE, 1, 20);

    assertThat(first).isEqualTo(new MappingPage(List.of(
        new Mapping(AWS.ip(), AWS.vendor(), AWS.region(), EXAMPLE_TIMESTAMP),
        new Mapping(GCP.ip(), GCP.vendor(), GCP.region(), EXAMPLE_TIMESTAMP)), 1, 20, 2, 1));
  }

  /**
   * Two full pages of two: the pager's walk through a zone of exactly four mappings, in M4 order across the page
   * boundary. Each page is an interaction of its own with the same provider states; the zone must hold nothing
   * else, so on a zone with other mappings the verifier skips them.
   */
  @Pact(consumer = CONSUMER)
  V4Pact listTwoPages(PactDslWithProvider p) {
    PactDslResponse first = path(p.given(MAPPINGS_EXIST, mappingsParam(AWS, AWS2, GCP, GCP5))
            .given(NO_OTHER_MAPPING)
            .uponReceiving("v2 list: page 1 of two holds the first two mappings by address, with result_info"
                + " [VL1, M4]")
            .method("GET"), "")
        .query("page=1&per_page=2")
        .willRespondWith()
        .status(200)
        .body(exactPage(1, AWS, AWS2));
    return path(first.given(MAPPINGS_EXIST, mappingsParam(AWS, AWS2, GCP, GCP5))
            .given(NO_OTHER_MAPPING)
            .uponReceiving("v2 list: page 2 of two holds the other two, none repeated or skipped, with result_info"
                + " [VL1, M4]")
            .method("GET"), "")
        .query("page=2&per_page=2")
        .willRespondWith()
        .status(200)
        .body(exactPage(2, GCP, GCP5))
        .toPact(V4Pact.class);
  }

  /** Page {@code number} of two of a zone of four mappings, two per page: exactly these entries and counts. */
  private static DslPart exactPage(int number, M... entries) {
    DslPart body = page(number, 2, 2, 2, true, 4, 2, entries);
    MatchingRuleCategory rules = body.getMatchers();
    rules.getMatchingRules().remove("$.result"); // a literal array: exactly these entries, in this order
    rules.getMatchingRules().remove("$.result[*].origin_ip");
    rules.getMatchingRules().remove("$.result[*].vendor");
    rules.getMatchingRules().remove("$.result[*].region");
    rules.getMatchingRules().remove("$.result_info.total_count");
    rules.getMatchingRules().remove("$.result_info.total_pages");
    return body;
  }

  @Test
  @PactTestFor(pactMethod = "listTwoPages")
  @DisplayName("VL1: the pager reads page 1 and page 2 of two, then stops, yielding every mapping once in order")
  void thePagerWalksTwoPages(MockServer server) {
    List<Mapping> all = sdk(server).list(EXAMPLE_ZONE, 2).stream().toList();

    assertThat(all).containsExactly(
        new Mapping(AWS.ip(), AWS.vendor(), AWS.region(), EXAMPLE_TIMESTAMP),
        new Mapping(AWS2.ip(), AWS2.vendor(), AWS2.region(), EXAMPLE_TIMESTAMP),
        new Mapping(GCP.ip(), GCP.vendor(), GCP.region(), EXAMPLE_TIMESTAMP),
        new Mapping(GCP5.ip(), GCP5.vendor(), GCP5.region(), EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listPerPageOutOfRange(PactDslWithProvider p) {
    return path(p.given(ZONE_EXISTS)
            .uponReceiving("v2 list: per_page 101 is refused with 400 and code 1146 [VL1]")
            .method("GET"), "")
        .query("page=1&per_page=101")
        .willRespondWith()
        .status(400)
        .body(failure(1146, "invalid per_page parameter, must be between 1 and 100"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listPerPageOutOfRange")
  @DisplayName("VL1: the SDK refuses per_page 101 before sending; a raw request gets 400 with code 1146")
  void perPageOutOfRangeIsRefusedOnBothSides(MockServer server) throws Exception {
    assertThatThrownBy(() -> sdk(server).listPage(EXAMPLE_ZONE, 1, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 100");

    HttpResponse<String> raw = Contract.raw(server, "GET", V2Contract.EXAMPLE_RESOURCE + "?page=1&per_page=101", null);

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(Contract.errorCode(raw)).isEqualTo(1146);
  }

  // ---------------------------------------------------------------- get

  @Pact(consumer = CONSUMER)
  V4Pact get(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .uponReceiving("v2 get: one mapping, flat, under origin_ip [VG1, VK1]")
            .method("GET"), "/192.0.2.1")
        .willRespondWith()
        .status(200)
        .body(entryResult(AWS))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "get")
  @DisplayName("VG1, VK1: get reads the flat entry's origin_ip into Mapping.originIp")
  void getReadsOneMapping(MockServer server) {
    assertThat(sdk(server).get(EXAMPLE_ZONE, AWS.ip()))
        .isEqualTo(new Mapping(AWS.ip(), AWS.vendor(), AWS.region(), EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getMissing(PactDslWithProvider p) {
    return path(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.9"))
            .uponReceiving("v2 get: a missing mapping answers 404 with code 1142 [VG1]")
            .method("GET"), "/192.0.2.9")
        .willRespondWith()
        .status(404)
        .body(failure(1142,
            "Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getMissing")
  @DisplayName("VG1: get of a missing mapping throws ApiException with status 404 and code 1142")
  void getOfAMissingMappingThrows(MockServer server) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> sdk(server).get(EXAMPLE_ZONE, "192.0.2.9"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errors()).extracting(ApiError::code).containsExactly(1142);
  }

  // ---------------------------------------------------------------- put

  @Pact(consumer = CONSUMER)
  V4Pact put(PactDslWithProvider p) {
    M created = new M("192.0.2.10", "aws", "us-east-1");
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam(created.ip()))
            .uponReceiving("v2 put: creates a mapping and answers the entry [VP1, VK1]"),
            "PUT", "/192.0.2.10", mappingBody(created))
        .willRespondWith()
        .status(200)
        .body(entryResult(created))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "put")
  @DisplayName("VP1: put sends the IP in the path and {origin_ip, vendor, region} in the body, and reads the entry")
  void putSendsTheMappingAndReadsItBack(MockServer server) {
    Mapping created = sdk(server).put(EXAMPLE_ZONE, MappingRequest.of("192.0.2.10", "aws", "us-east-1"));

    assertThat(created).isEqualTo(new Mapping("192.0.2.10", "aws", "us-east-1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact putNonCanonical(PactDslWithProvider p) {
    M replaced = new M("2001:db8::5", "aws", "us-east-1");
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(GCP5))
            .uponReceiving("v2 put: path and body name one IPv6 address in the same other text form; it replaces"
                + " the mapping, answered canonical [VP1, IP2, IP3]"),
            "PUT", "/" + ENCODED_NON_CANONICAL, mappingBody(new M("2001:DB8:0:0:0:0:0:5", "aws", "us-east-1")))
        .willRespondWith()
        .status(200)
        .body(entryResult(replaced))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "putNonCanonical")
  @DisplayName("VP1, IP3: put sends the same text in path and body, as given, and reads the canonical entry")
  void putSendsOneTextInPathAndBody(MockServer server) {
    Mapping replaced = sdk(server).put(EXAMPLE_ZONE, MappingRequest.of("2001:DB8:0:0:0:0:0:5", "aws", "us-east-1"));

    assertThat(replaced).isEqualTo(new Mapping("2001:db8::5", "aws", "us-east-1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact putMismatch(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.11", "192.0.2.12"))
            .uponReceiving("v2 put: a body origin_ip naming another address than the path is refused with 400 and"
                + " code 1146 [VP1]"),
            "PUT", "/192.0.2.11", mappingBody(new M("192.0.2.12", "aws", "us-east-1")))
        .willRespondWith()
        .status(400)
        .body(failure(1146, "body origin_ip does not match URL"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "putMismatch")
  @DisplayName("VP1: the SDK puts one IP in path and body; a raw mismatched put gets 400 with code 1146")
  void aMismatchedPutIsRefused(MockServer server) throws Exception {
    HttpResponse<String> raw = Contract.raw(server, "PUT", V2Contract.EXAMPLE_RESOURCE + "/192.0.2.11",
        "{\"origin_ip\":\"192.0.2.12\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(Contract.errorCode(raw)).isEqualTo(1146);
  }

  // ---------------------------------------------------------------- delete

  @Pact(consumer = CONSUMER)
  V4Pact delete(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .uponReceiving("v2 delete: removes one mapping and answers only its origin_ip [VG1, VK1]")
            .method("DELETE"), "/192.0.2.1")
        .willRespondWith()
        .status(200)
        .body(deletedResultWithNoOtherKey(AWS.ip()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "delete")
  @DisplayName("VG1: delete reads back {origin_ip} of the removed mapping")
  void deleteReadsBackTheRemovedIp(MockServer server) {
    assertThat(sdk(server).delete(EXAMPLE_ZONE, AWS.ip())).isEqualTo(AWS.ip());
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteNonCanonical(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(GCP5))
            .uponReceiving("v2 delete: an IPv6 address in another text form removes its mapping, answered"
                + " canonical [VG1, VK1]")
            .method("DELETE"), "/" + ENCODED_NON_CANONICAL)
        .willRespondWith()
        .status(200)
        .body(deletedResult(GCP5.ip()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteNonCanonical")
  @DisplayName("VG1, IP2: delete passes a non-canonical IPv6 path through and reads the canonical form back")
  void deleteReadsTheCanonicalForm(MockServer server) {
    assertThat(sdk(server).delete(EXAMPLE_ZONE, "2001:DB8:0:0:0:0:0:5")).isEqualTo("2001:db8::5");
  }

  // ---------------------------------------------------------------- supported regions

  @Pact(consumer = CONSUMER)
  V4Pact supportedRegions(PactDslWithProvider p) {
    return path(p.given(ZONE_EXISTS)
            .uponReceiving("v2 supported regions: vendors and their regions [S1]")
            .method("GET"), "/supported_regions")
        .willRespondWith()
        .status(200)
        .body(MappingsConsumerPactTest.catalogue())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "supportedRegions")
  @DisplayName("S1: supported regions (v2 path) reads each vendor's regions and colocations")
  void supportedRegionsReadsTheCatalogue(MockServer server) {
    SupportedRegions regions = sdk(server).supportedRegions(EXAMPLE_ZONE);

    assertThat(regions.obtainedCodes()).isTrue();
    assertThat(regions.vendors().get("aws")).containsExactly(new Region("us-east-1", List.of("IAD")));
    assertThat(regions.supports("aws", "us-east-1")).isTrue();
  }
}
