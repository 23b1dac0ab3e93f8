package dev.origincloudregions.sdk.pact;

import static dev.origincloudregions.sdk.pact.Contract.AWS;
import static dev.origincloudregions.sdk.pact.Contract.CONSUMER;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_TIMESTAMP;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_ZONE;
import static dev.origincloudregions.sdk.pact.Contract.GCP;
import static dev.origincloudregions.sdk.pact.Contract.M;
import static dev.origincloudregions.sdk.pact.Contract.MAPPINGS_EXIST;
import static dev.origincloudregions.sdk.pact.Contract.NO_MAPPING_FOR;
import static dev.origincloudregions.sdk.pact.Contract.PROVIDER;
import static dev.origincloudregions.sdk.pact.Contract.ZONE_EXISTS;
import static dev.origincloudregions.sdk.pact.Contract.client;
import static dev.origincloudregions.sdk.pact.Contract.exactMapping;
import static dev.origincloudregions.sdk.pact.Contract.failure;
import static dev.origincloudregions.sdk.pact.Contract.ipsParam;
import static dev.origincloudregions.sdk.pact.Contract.jsonRequest;
import static dev.origincloudregions.sdk.pact.Contract.mappingBody;
import static dev.origincloudregions.sdk.pact.Contract.mappingListResult;
import static dev.origincloudregions.sdk.pact.Contract.mappingResult;
import static dev.origincloudregions.sdk.pact.Contract.mappingsParam;
import static dev.origincloudregions.sdk.pact.Contract.path;
import static dev.origincloudregions.sdk.pact.Contract.resultHeader;
import static dev.origincloudregions.sdk.pact.Contract.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import dev.origincloudregions.sdk.ApiError;
import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.MappingList;
import dev.origincloudregions.sdk.MappingRequest;
import dev.origincloudregions.sdk.Region;
import dev.origincloudregions.sdk.SupportedRegions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the pact for the single-mapping operations and the catalogue: each test drives the real SDK
 * against Pact's mock server, which answers as the interaction says and checks that the SDK's request is the one
 * described. The interactions are written to target/pacts.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class MappingsConsumerPactTest {
  /**
   * {@code 2001:DB8:0:0:0:0:0:1} as the SDK puts it in a path: colons percent-encoded. Pact's mock server
   * compares the raw path, so the pact holds this form, and the verifier sends it as is (docs/pact.md).
   */
  static final String SDK_ENCODED_NON_CANONICAL_IPV6 = "2001%3ADB8%3A0%3A0%3A0%3A0%3A0%3A1";

  @Pact(consumer = CONSUMER)
  V4Pact list(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(AWS, GCP))
            .uponReceiving("list: the zone's mappings include those that exist [L1, M1]")
            .method("GET"), "")
        .willRespondWith()
        .status(200)
        .body(mappingListResult(AWS, GCP)) // the two it created, and maybe others the zone held already
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "list")
  @DisplayName("L1, M1: list reads every mapping with its vendor, region and timestamp")
  void listReadsEveryMapping(MockServer server) {
    MappingList list = client(server).list(EXAMPLE_ZONE);

    assertThat(list.modifiedOn()).isEqualTo(EXAMPLE_TIMESTAMP);
    assertThat(list.mappings())
        .containsExactly(
            new Mapping("192.0.2.1", "aws", "us-east-1", EXAMPLE_TIMESTAMP),
            new Mapping("2001:db8::1", "gcp", "us-central1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact create(PactDslWithProvider p) {
    M created = new M("192.0.2.10", "aws", "us-east-1");
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam(created.ip()))
            .uponReceiving("create: a new mapping [C1, M1]"),
            "POST", "", mappingBody(created))
        .willRespondWith()
        .status(200)
        .body(mappingResult(created))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "create")
  @DisplayName("C1: create sends {ip, vendor, region} and reads back the mapping")
  void createSendsTheMappingAndReadsItBack(MockServer server) {
    Mapping created = client(server).create(EXAMPLE_ZONE, new MappingRequest("192.0.2.10", "aws", "us-east-1"));

    assertThat(created).isEqualTo(new Mapping("192.0.2.10", "aws", "us-east-1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact createExisting(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .uponReceiving("create: an IP that is mapped already answers 400 with code 1145 [C1, E5]"),
            "POST", "", mappingBody(new M("192.0.2.1", "gcp", "us-central1")))
        .willRespondWith()
        .status(400)
        .body(failure(1145, "Unable to create new origin_public_cloud_region setting. The zone setting already exists."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createExisting")
  @DisplayName("C1: creating an existing mapping throws ApiException with status 400 and code 1145")
  void createOfAnExistingMappingThrows(MockServer server) {
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> client(server).create(EXAMPLE_ZONE, new MappingRequest("192.0.2.1", "gcp", "us-central1")));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errors()).extracting(ApiError::code).containsExactly(1145);
  }

  @Pact(consumer = CONSUMER)
  V4Pact upsert(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .given(NO_MAPPING_FOR, ipsParam(GCP.ip()))
            .uponReceiving("upsert: creates a mapping and answers the whole list [U1, M1]"),
            "PATCH", "", mappingBody(GCP))
        .willRespondWith()
        .status(200)
        .body(mappingListResult(AWS, GCP)) // the one that existed, the one it created, and maybe others
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "upsert")
  @DisplayName("U1: upsert sends {ip, vendor, region} and reads the whole list back")
  void upsertReadsTheWholeListBack(MockServer server) {
    MappingList list = client(server).upsert(EXAMPLE_ZONE, new MappingRequest("2001:db8::1", "gcp", "us-central1"));

    assertThat(list.modifiedOn()).isEqualTo(EXAMPLE_TIMESTAMP);
    assertThat(list.mappings())
        .containsExactly(
            new Mapping("192.0.2.1", "aws", "us-east-1", EXAMPLE_TIMESTAMP),
            new Mapping("2001:db8::1", "gcp", "us-central1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact get(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .uponReceiving("get: one mapping [G1, M1]")
            .method("GET"), "/192.0.2.1")
        .willRespondWith()
        .status(200)
        .body(mappingResult(AWS))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "get")
  @DisplayName("G1, M1: get reads the hyphenated origin-ip key into Mapping.originIp")
  void getReadsOneMapping(MockServer server) {
    Mapping mapping = client(server).get(EXAMPLE_ZONE, "192.0.2.1");

    assertThat(mapping).isEqualTo(new Mapping("192.0.2.1", "aws", "us-east-1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getNonCanonical(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(GCP))
            .uponReceiving("get: an IPv6 address in another text form finds its mapping, answered canonical [G1, IP2, IP3]")
            .method("GET"), "/" + SDK_ENCODED_NON_CANONICAL_IPV6)
        .willRespondWith()
        .status(200)
        .body(mappingResult(GCP))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getNonCanonical")
  @DisplayName("G1, IP3: get passes a non-canonical IPv6 path through unchanged and reads the canonical form")
  void getPassesTheIpAsWrittenAndReadsTheCanonicalForm(MockServer server) {
    Mapping mapping = client(server).get(EXAMPLE_ZONE, "2001:DB8:0:0:0:0:0:1");

    assertThat(mapping.originIp()).isEqualTo("2001:db8::1");
  }

  @Pact(consumer = CONSUMER)
  V4Pact getMissing(PactDslWithProvider p) {
    return path(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.9"))
            .uponReceiving("get: a missing mapping answers 404 with code 1142 [G1]")
            .method("GET"), "/192.0.2.9")
        .willRespondWith()
        .status(404)
        .body(failure(1142,
            "Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getMissing")
  @DisplayName("G1: get of a missing mapping throws ApiException with status 404 and code 1142")
  void getOfAMissingMappingThrows(MockServer server) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> client(server).get(EXAMPLE_ZONE, "192.0.2.9"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errors()).extracting(ApiError::code).containsExactly(1142);
  }

  @Pact(consumer = CONSUMER)
  V4Pact delete(PactDslWithProvider p) {
    return path(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .uponReceiving("delete: removes one mapping and answers it [G2]")
            .method("DELETE"), "/192.0.2.1")
        .willRespondWith()
        .status(200)
        .body(success(r -> {
          resultHeader(r);
          r.object("value", exactMapping(AWS));
        }))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "delete")
  @DisplayName("G2: delete reads back the mapping it removed")
  void deleteReadsBackTheRemovedMapping(MockServer server) {
    Mapping deleted = client(server).delete(EXAMPLE_ZONE, "192.0.2.1");

    assertThat(deleted).isEqualTo(new Mapping("192.0.2.1", "aws", "us-east-1", EXAMPLE_TIMESTAMP));
  }

  @Pact(consumer = CONSUMER)
  V4Pact supportedRegions(PactDslWithProvider p) {
    return path(p.given(ZONE_EXISTS)
            .uponReceiving("supported regions: vendors and their regions [S1]")
            .method("GET"), "/supported_regions")
        .willRespondWith()
        .status(200)
        .body(catalogue())
        .toPact(V4Pact.class);
  }

  /**
   * Any vendor key, each mapped to a list of at least one region: the catalogue is the target's own (S1). Pact
   * JVM's {@code eachKeyMappedToAnArrayLike} puts no rule on the lists themselves, so a literal one-element list
   * would demand exactly one region per vendor; the explicit {@code min: 1} type rule lets the lists grow.
   */
  static DslPart catalogue() {
    DslPart body = success(r -> {
      r.booleanType("obtained_codes", true);
      r.object("vendors", v -> v.eachKeyMappedToAnArrayLike("aws", region -> {
        region.stringType("name", "us-east-1");
        region.minArrayLike("upper_tier_colos", 0, PactDslJsonRootValue.stringType("IAD"), 1);
      }));
    });
    body.getMatchers().addRule("$.result.vendors.*", new MinTypeMatcher(1));
    return body;
  }

  @Test
  @PactTestFor(pactMethod = "supportedRegions")
  @DisplayName("S1: supported regions reads each vendor's regions and colocations")
  void supportedRegionsReadsTheCatalogue(MockServer server) {
    SupportedRegions regions = client(server).supportedRegions(EXAMPLE_ZONE);

    assertThat(regions.obtainedCodes()).isTrue();
    assertThat(regions.vendors()).containsOnlyKeys("aws");
    assertThat(regions.vendors().get("aws")).containsExactly(new Region("us-east-1", java.util.List.of("IAD")));
    assertThat(regions.supports("aws", "us-east-1")).isTrue();
  }
}
