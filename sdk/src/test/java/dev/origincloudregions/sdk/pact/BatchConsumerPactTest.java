package dev.origincloudregions.sdk.pact;

import static dev.origincloudregions.sdk.pact.Contract.AWS;
import static dev.origincloudregions.sdk.pact.Contract.CONSUMER;
import static dev.origincloudregions.sdk.pact.Contract.CONSUMER_TOKEN;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_TIMESTAMP;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_ZONE;
import static dev.origincloudregions.sdk.pact.Contract.GCP;
import static dev.origincloudregions.sdk.pact.Contract.M;
import static dev.origincloudregions.sdk.pact.Contract.MAPPINGS_EXIST;
import static dev.origincloudregions.sdk.pact.Contract.NO_CREDENTIALS;
import static dev.origincloudregions.sdk.pact.Contract.NO_MAPPING_FOR;
import static dev.origincloudregions.sdk.pact.Contract.PROVIDER;
import static dev.origincloudregions.sdk.pact.Contract.ZONE_EXISTS;
import static dev.origincloudregions.sdk.pact.Contract.batchResult;
import static dev.origincloudregions.sdk.pact.Contract.client;
import static dev.origincloudregions.sdk.pact.Contract.failed;
import static dev.origincloudregions.sdk.pact.Contract.failure;
import static dev.origincloudregions.sdk.pact.Contract.ipsBody;
import static dev.origincloudregions.sdk.pact.Contract.ipsParam;
import static dev.origincloudregions.sdk.pact.Contract.jsonRequest;
import static dev.origincloudregions.sdk.pact.Contract.mappingsBody;
import static dev.origincloudregions.sdk.pact.Contract.mappingsParam;
import static dev.origincloudregions.sdk.pact.Contract.path;
import static dev.origincloudregions.sdk.pact.Contract.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.ApiError;
import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.BatchItem;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.MappingRequest;
import dev.origincloudregions.sdk.OriginCloudRegionsV1;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the pact for the two batch operations, batch delete above all: every outcome the SDK must
 * read (all succeed, partial failure, all fail, canonical IPv6) and the whole-request refusals. Refusals that
 * the SDK cannot provoke (a body over 100 items, a malformed body) are sent with a raw HTTP client, since the
 * pact is also the provider's checklist.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class BatchConsumerPactTest {
  static final String BATCH = "/batch";

  /** 192.0.2.0 to 192.0.2.100: one more than a batch may hold, all documentation addresses (SAFE2). */
  static final List<String> HUNDRED_AND_ONE =
      IntStream.rangeClosed(0, 100).mapToObj(i -> "192.0.2." + i).toList();

  // ---------------------------------------------------------------- batch upsert

  @Pact(consumer = CONSUMER)
  V4Pact batchUpsert(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam(AWS.ip(), GCP.ip()))
            .uponReceiving("batch upsert: every item applied, in request order [BU1, BU2, BD4]"),
            "PATCH", BATCH, mappingsBody(AWS, GCP))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(succeeded(AWS), succeeded(GCP)), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchUpsert")
  @DisplayName("BU1, BU2: bulkUpsert sends [{ip, vendor, region}] and reads every applied item")
  void bulkUpsertReadsEveryAppliedItem(MockServer server) {
    BatchResult result = client(server).bulkUpsert(EXAMPLE_ZONE, List.of(
        new MappingRequest(AWS.ip(), AWS.vendor(), AWS.region()),
        new MappingRequest(GCP.ip(), GCP.vendor(), GCP.region())));

    assertThat(result.modifiedOn()).isEqualTo(EXAMPLE_TIMESTAMP);
    assertThat(result.succeeded()).containsExactly(
        new BatchItem(AWS.ip(), AWS.vendor(), AWS.region(), null),
        new BatchItem(GCP.ip(), GCP.vendor(), GCP.region(), null));
    assertThat(result.failed()).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchUpsertPartial(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.1", "192.0.2.2"))
            .uponReceiving("batch upsert: an invalid IP and an unsupported region fail alone [BU2, BD6, M3]"),
            "PATCH", BATCH,
            mappingsBody(AWS, new M("not-an-ip", "aws", "us-east-1"), new M("192.0.2.2", "aws", "no-such-region")))
        .willRespondWith()
        .status(200)
        .body(batchResult(
            List.of(succeeded(AWS)),
            List.of(failed("not-an-ip", "invalid IP address"), failed("192.0.2.2", "unsupported vendor or region"))))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchUpsertPartial")
  @DisplayName("BU2: bulkUpsert reads per-item failures beside the applied item")
  void bulkUpsertReadsPerItemFailures(MockServer server) {
    BatchResult result = client(server).bulkUpsert(EXAMPLE_ZONE, List.of(
        new MappingRequest(AWS.ip(), AWS.vendor(), AWS.region()),
        new MappingRequest("not-an-ip", "aws", "us-east-1"),
        new MappingRequest("192.0.2.2", "aws", "no-such-region")));

    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactly(AWS.ip());
    assertThat(result.failed()).containsExactly(
        new BatchItem("not-an-ip", null, null, "invalid IP address"),
        new BatchItem("192.0.2.2", null, null, "unsupported vendor or region"));
  }

  // ---------------------------------------------------------------- batch delete: outcomes

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteAll(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS, GCP))
            .uponReceiving("batch delete: every IP mapped, all succeed with their vendor and region [BD1, BD3, BD4, BD5, BD7]"),
            "DELETE", BATCH, ipsBody(List.of(AWS.ip(), GCP.ip())))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(succeeded(AWS), succeeded(GCP)), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteAll")
  @DisplayName("BD1, BD5: bulkDelete sends a JSON array of IPs on DELETE and reads the removed mappings")
  void bulkDeleteReadsTheRemovedMappings(MockServer server) {
    BatchResult result = client(server).bulkDelete(EXAMPLE_ZONE, List.of(AWS.ip(), GCP.ip()));

    assertThat(result.modifiedOn()).isEqualTo(EXAMPLE_TIMESTAMP);
    assertThat(result.succeeded()).containsExactly(
        new BatchItem(AWS.ip(), AWS.vendor(), AWS.region(), null),
        new BatchItem(GCP.ip(), GCP.vendor(), GCP.region(), null));
    assertThat(result.allSucceeded()).isTrue();
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeletePartial(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .given(NO_MAPPING_FOR, ipsParam("192.0.2.9"))
            .uponReceiving("batch delete: present, missing and invalid IPs together, each judged alone [BD3, BD4, BD5, BD6]"),
            "DELETE", BATCH, ipsBody(List.of(AWS.ip(), "192.0.2.9", "not-an-ip")))
        .willRespondWith()
        .status(200)
        .body(batchResult(
            List.of(succeeded(AWS)),
            List.of(failed("192.0.2.9", "not found"), failed("not-an-ip", "invalid IP address"))))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeletePartial")
  @DisplayName("BD3, BD5, BD6: a partial failure is a result, not an exception, with each failed IP and its error")
  void bulkDeleteReadsAPartialFailure(MockServer server) {
    BatchResult result = client(server).bulkDelete(EXAMPLE_ZONE, List.of(AWS.ip(), "192.0.2.9", "not-an-ip"));

    assertThat(result.modifiedOn()).isEqualTo(EXAMPLE_TIMESTAMP);
    assertThat(result.succeeded()).containsExactly(new BatchItem(AWS.ip(), AWS.vendor(), AWS.region(), null));
    assertThat(result.failed()).containsExactly(
        new BatchItem("192.0.2.9", null, null, "not found"),
        new BatchItem("not-an-ip", null, null, "invalid IP address"));
    assertThat(result.allSucceeded()).isFalse();
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteNone(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.9"))
            .uponReceiving("batch delete: every item fails, still 200, modified_on null [BD3, BD7]"),
            "DELETE", BATCH, ipsBody(List.of("192.0.2.9", "not-an-ip")))
        .willRespondWith()
        .status(200)
        .body(batchResult(
            List.of(),
            List.of(failed("192.0.2.9", "not found"), failed("not-an-ip", "invalid IP address"))))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteNone")
  @DisplayName("BD3, BD7: when every item fails the result has no timestamp and no exception is thrown")
  void bulkDeleteReadsATotalFailureAsAResult(MockServer server) {
    BatchResult result = client(server).bulkDelete(EXAMPLE_ZONE, List.of("192.0.2.9", "not-an-ip"));

    assertThat(result.modifiedOn()).isNull();
    assertThat(result.succeeded()).isEmpty();
    assertThat(result.failed()).extracting(BatchItem::originIp).containsExactly("192.0.2.9", "not-an-ip");
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteNonCanonical(PactDslWithProvider p) {
    M canonical = new M("2001:db8::5", "gcp", "us-central1");
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(canonical))
            .uponReceiving("batch delete: an IPv6 address in non-canonical form deletes its mapping, answered canonical [BD5, IP2, IP3]"),
            "DELETE", BATCH, ipsBody(List.of("2001:0DB8:0:0:0:0:0:5")))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(succeeded(canonical)), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteNonCanonical")
  @DisplayName("IP2, IP3: bulkDelete sends the IPv6 text as given and reads back the canonical form")
  void bulkDeleteSendsIpv6AsGivenAndReadsTheCanonicalForm(MockServer server) {
    BatchResult result = client(server).bulkDelete(EXAMPLE_ZONE, List.of("2001:0DB8:0:0:0:0:0:5"));

    assertThat(result.succeeded()).containsExactly(new BatchItem("2001:db8::5", "gcp", "us-central1", null));
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteEmpty(PactDslWithProvider p) {
    return jsonRequest(p.given(ZONE_EXISTS)
            .uponReceiving("batch delete: an empty array changes nothing [BD9]"),
            "DELETE", BATCH, ipsBody(List.of()))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteEmpty")
  @DisplayName("BD9: bulkDelete of no IPs sends [] and reads an empty result")
  void bulkDeleteOfNothingReadsAnEmptyResult(MockServer server) {
    BatchResult result = client(server).bulkDelete(EXAMPLE_ZONE, List.of());

    assertThat(result).isEqualTo(new BatchResult(null, List.of(), List.of()));
  }

  // ---------------------------------------------------------------- batch delete: refused as a whole

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteTooMany(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam(HUNDRED_AND_ONE.toArray(String[]::new)))
            .uponReceiving("batch delete: 101 items are refused with 400 and code 1191 [BD2, E5]"),
            "DELETE", BATCH, ipsBody(HUNDRED_AND_ONE))
        .willRespondWith()
        .status(400)
        .body(failure(1191, "A batch holds at most 100 items; this one has 101."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteTooMany")
  @DisplayName("BD2: the SDK refuses 101 IPs before sending; a raw 101-item body gets 400 with code 1191")
  void moreThanOneHundredItemsAreRefusedOnBothSides(MockServer server) throws Exception {
    OriginCloudRegionsV1 client = client(server);

    assertThatThrownBy(() -> client.bulkDelete(EXAMPLE_ZONE, HUNDRED_AND_ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 100");
    // Had the SDK sent the body, the mock server would have matched it (or recorded a mismatch).
    assertThat(server.validateMockServerState(null))
        .as("the mock server's state after the SDK refused")
        .isInstanceOf(PactVerificationResult.ExpectedButNotReceived.class);

    HttpResponse<String> raw = rawDelete(server, new ObjectMapper().writeValueAsString(HUNDRED_AND_ONE));

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(Contract.errorCode(raw)).isEqualTo(1191);
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteMalformed(PactDslWithProvider p) {
    return path(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.1"))
            .uponReceiving("batch delete: a body that is not a JSON array is refused with 400 and code 1190 [BD1, E5]")
            .method("DELETE"), BATCH)
        .headers("Content-Type", "application/json")
        .body("{\"ips\":[\"192.0.2.1\"]}", "application/json")
        .willRespondWith()
        .status(400)
        .body(failure(1190, "Request body must be a JSON array of IP address strings."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteMalformed")
  @DisplayName("BD1: a raw body that is an object, not an array, gets 400 with code 1190")
  void aMalformedBodyIsRefused(MockServer server) throws Exception {
    HttpResponse<String> raw = rawDelete(server, "{\"ips\":[\"192.0.2.1\"]}");

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(Contract.errorCode(raw)).isEqualTo(1190);
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteWithoutCredentials(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_CREDENTIALS)
            .given(NO_MAPPING_FOR, ipsParam("192.0.2.1"))
            .uponReceiving("batch delete: without credentials it is refused with 401 and code 10000 [A2, E5]"),
            "DELETE", BATCH, ipsBody(List.of("192.0.2.1")))
        .willRespondWith()
        .status(401)
        .body(failure(10000, "Authentication error"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteWithoutCredentials")
  @DisplayName("A2: a client built with noCredentials() gets ApiException 401 with code 10000")
  void missingCredentialsAreRefused(MockServer server) {
    OriginCloudRegionsV1 anonymous = Contract.anonymous(server).v1();

    ApiException e = catchThrowableOfType(ApiException.class,
        () -> anonymous.bulkDelete(EXAMPLE_ZONE, List.of("192.0.2.1")));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.errors()).extracting(ApiError::code).containsExactly(10000);
  }

  private static HttpResponse<String> rawDelete(MockServer server, String body)
      throws IOException, InterruptedException {
    return Contract.raw(server, "DELETE", "/zones/" + EXAMPLE_ZONE + "/cache/origin_cloud_regions/batch", body);
  }
}
