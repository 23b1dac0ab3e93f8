package dev.origincloudregions.sdk.pact;

import static dev.origincloudregions.sdk.pact.Contract.AWS;
import static dev.origincloudregions.sdk.pact.Contract.CONSUMER;
import static dev.origincloudregions.sdk.pact.Contract.CONSUMER_TOKEN;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_ZONE;
import static dev.origincloudregions.sdk.pact.Contract.GCP;
import static dev.origincloudregions.sdk.pact.Contract.M;
import static dev.origincloudregions.sdk.pact.Contract.MAPPINGS_EXIST;
import static dev.origincloudregions.sdk.pact.Contract.NO_CREDENTIALS;
import static dev.origincloudregions.sdk.pact.Contract.NO_MAPPING_FOR;
import static dev.origincloudregions.sdk.pact.Contract.PROVIDER;
import static dev.origincloudregions.sdk.pact.Contract.ZONE_EXISTS;
import static dev.origincloudregions.sdk.pact.Contract.failure;
import static dev.origincloudregions.sdk.pact.Contract.ipsBody;
import static dev.origincloudregions.sdk.pact.Contract.ipsParam;
import static dev.origincloudregions.sdk.pact.Contract.mappingsParam;
import static dev.origincloudregions.sdk.pact.V2Contract.EXAMPLE_RESOURCE;
import static dev.origincloudregions.sdk.pact.V2Contract.batchResult;
import static dev.origincloudregions.sdk.pact.V2Contract.failed;
import static dev.origincloudregions.sdk.pact.V2Contract.jsonRequest;
import static dev.origincloudregions.sdk.pact.V2Contract.mappingsBody;
import static dev.origincloudregions.sdk.pact.V2Contract.path;
import static dev.origincloudregions.sdk.pact.V2Contract.sdk;
import static dev.origincloudregions.sdk.pact.V2Contract.succeeded;
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
import dev.origincloudregions.sdk.OriginCloudRegions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the pact for the v2 batches, batch delete at the centre ({@code DELETE
 * /zones/{zone_id}/origin/cloud_regions/batch} with a JSON array of IPs): the flat {@code {succeeded, failed}}
 * answer under the key {@code origin_ip} (VBD1, VK1), IPv4 and IPv6 in one batch, a partial failure, canonical
 * forms, and the whole-request refusals. The first rule of each description is the one a failed verification
 * names unless the answer breaks another (a missing {@code origin_ip} key is VK1).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class V2BatchConsumerPactTest {
  static final String BATCH = "/batch";

  /** A second IPv6 mapping, for the batch that mixes text forms. */
  static final M GCP5 = new M("2001:db8::5", "gcp", "us-central1");

  // ---------------------------------------------------------------- batch delete: outcomes

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteMixed(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS, GCP))
            .uponReceiving("v2 batch delete: an IPv4 and an IPv6 mapping, both succeed with their vendor and region"
                + " under origin_ip [VBD1, VK1]"),
            "DELETE", BATCH, ipsBody(List.of(AWS.ip(), GCP.ip())))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(succeeded(AWS), succeeded(GCP)), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteMixed")
  @DisplayName("VBD1: bulkDelete sends the IPs as a JSON array on DELETE and reads the removed mappings, flat")
  void bulkDeleteReadsTheRemovedMappings(MockServer server) {
    BatchResult result = sdk(server).bulkDelete(EXAMPLE_ZONE, List.of(AWS.ip(), GCP.ip()));

    assertThat(result.modifiedOn()).as("v2 batch results carry no time").isNull();
    assertThat(result.succeeded()).containsExactly(
        new BatchItem(AWS.ip(), AWS.vendor(), AWS.region(), null),
        new BatchItem(GCP.ip(), GCP.vendor(), GCP.region(), null));
    assertThat(result.allSucceeded()).isTrue();
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeletePartial(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS))
            .given(NO_MAPPING_FOR, ipsParam("192.0.2.9"))
            .uponReceiving("v2 batch delete: a mapped, a missing and an invalid IP together, each judged alone"
                + " [VBD1, VK1]"),
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
  @DisplayName("VBD1: a partial failure is a result, not an exception, with each failed IP and its error")
  void bulkDeleteReadsAPartialFailure(MockServer server) {
    BatchResult result = sdk(server).bulkDelete(EXAMPLE_ZONE, List.of(AWS.ip(), "192.0.2.9", "not-an-ip"));

    assertThat(result.succeeded()).containsExactly(new BatchItem(AWS.ip(), AWS.vendor(), AWS.region(), null));
    assertThat(result.failed()).containsExactly(
        new BatchItem("192.0.2.9", null, null, "not found"),
        new BatchItem("not-an-ip", null, null, "invalid IP address"));
    assertThat(result.allSucceeded()).isFalse();
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteTextForms(PactDslWithProvider p) {
    return jsonRequest(p.given(MAPPINGS_EXIST, mappingsParam(AWS, GCP5))
            .given(NO_MAPPING_FOR, ipsParam("2001:db8::9"))
            .uponReceiving("v2 batch delete: IPv4 and IPv6 in several text forms, a repeat and a missing address,"
                + " answered canonical in request order [VBD1, BD4, BD6]"),
            "DELETE", BATCH, ipsBody(List.of(AWS.ip(), "2001:DB8:0:0:0:0:0:5", "2001:db8::5", "2001:0db8::9")))
        .willRespondWith()
        .status(200)
        .body(batchResult(
            List.of(succeeded(AWS), succeeded(GCP5)),
            List.of(failed("2001:db8::5", "duplicate in request"), failed("2001:db8::9", "not found"))))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteTextForms")
  @DisplayName("VBD1, IP2: bulkDelete sends each text as given and reads canonical forms, a repeat failing")
  void bulkDeleteSendsTextsAsGivenAndReadsCanonicalForms(MockServer server) {
    BatchResult result = sdk(server).bulkDelete(EXAMPLE_ZONE,
        List.of(AWS.ip(), "2001:DB8:0:0:0:0:0:5", "2001:db8::5", "2001:0db8::9"));

    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactly("192.0.2.1", "2001:db8::5");
    assertThat(result.succeeded()).extracting(BatchItem::vendor).containsExactly("aws", "gcp");
    assertThat(result.failed()).containsExactly(
        new BatchItem("2001:db8::5", null, null, "duplicate in request"),
        new BatchItem("2001:db8::9", null, null, "not found"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteEmpty(PactDslWithProvider p) {
    return jsonRequest(p.given(ZONE_EXISTS)
            .uponReceiving("v2 batch delete: an empty array answers both arrays empty [VBD1]"),
            "DELETE", BATCH, ipsBody(List.of()))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteEmpty")
  @DisplayName("VBD1: bulkDelete of no IPs sends [] and reads an empty result")
  void bulkDeleteOfNothingReadsAnEmptyResult(MockServer server) {
    assertThat(sdk(server).bulkDelete(EXAMPLE_ZONE, List.of())).isEqualTo(new BatchResult(null, List.of(), List.of()));
  }

  // ---------------------------------------------------------------- batch delete: refused as a whole

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteTooMany(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam(BatchConsumerPactTest.HUNDRED_AND_ONE.toArray(String[]::new)))
            .uponReceiving("v2 batch delete: 101 items are refused with 400 and code 1191 [VBD1, E5]"),
            "DELETE", BATCH, ipsBody(BatchConsumerPactTest.HUNDRED_AND_ONE))
        .willRespondWith()
        .status(400)
        .body(failure(1191, "A batch holds at most 100 items; this one has 101."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteTooMany")
  @DisplayName("VBD1: the SDK refuses 101 IPs before sending; a raw 101-item body gets 400 with code 1191")
  void moreThanOneHundredItemsAreRefusedOnBothSides(MockServer server) throws Exception {
    OriginCloudRegions client = sdk(server);

    assertThatThrownBy(() -> client.bulkDelete(EXAMPLE_ZONE, BatchConsumerPactTest.HUNDRED_AND_ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 100");
    assertThat(server.validateMockServerState(null))
        .as("the mock server's state after the SDK refused")
        .isInstanceOf(PactVerificationResult.ExpectedButNotReceived.class);

    HttpResponse<String> raw = rawDelete(server,
        new ObjectMapper().writeValueAsString(BatchConsumerPactTest.HUNDRED_AND_ONE));

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(Contract.errorCode(raw)).isEqualTo(1191);
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteMalformed(PactDslWithProvider p) {
    return path(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.1"))
            .uponReceiving("v2 batch delete: a body that is not a JSON array is refused with 400 and code 1190"
                + " [VBD1, E5]")
            .method("DELETE"), BATCH)
        .headers("Content-Type", "application/json")
        .body("{\"origin_ip\":\"192.0.2.1\"}", "application/json")
        .willRespondWith()
        .status(400)
        .body(failure(1190, "Request body must be a JSON array of IP address strings."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteMalformed")
  @DisplayName("VBD1: a raw body that is an object, not an array, gets 400 with code 1190")
  void aMalformedBodyIsRefused(MockServer server) throws Exception {
    HttpResponse<String> raw = rawDelete(server, "{\"origin_ip\":\"192.0.2.1\"}");

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(Contract.errorCode(raw)).isEqualTo(1190);
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchDeleteWithoutCredentials(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_CREDENTIALS)
            .given(NO_MAPPING_FOR, ipsParam("192.0.2.1"))
            .uponReceiving("v2 batch delete: without credentials it is refused with 401 and code 10000 [A2, E5]"),
            "DELETE", BATCH, ipsBody(List.of("192.0.2.1")))
        .willRespondWith()
        .status(401)
        .body(failure(10000, "Authentication error"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchDeleteWithoutCredentials")
  @DisplayName("A2: a v2 client built with noCredentials() gets ApiException 401 with code 10000")
  void missingCredentialsAreRefused(MockServer server) {
    OriginCloudRegions anonymous = Contract.anonymous(server);

    ApiException e = catchThrowableOfType(ApiException.class,
        () -> anonymous.bulkDelete(EXAMPLE_ZONE, List.of("192.0.2.1")));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.errors()).extracting(ApiError::code).containsExactly(10000);
  }

  // ---------------------------------------------------------------- batch put

  @Pact(consumer = CONSUMER)
  V4Pact batchPut(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam(AWS.ip(), GCP.ip()))
            .uponReceiving("v2 batch put: every item applied, under origin_ip, in request order [VBU1, VK1]"),
            "PUT", BATCH, mappingsBody(AWS, GCP))
        .willRespondWith()
        .status(200)
        .body(batchResult(List.of(succeeded(AWS), succeeded(GCP)), List.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchPut")
  @DisplayName("VBU1, VK1: bulkPut sends [{origin_ip, vendor, region}] on PUT and reads every applied item")
  void bulkPutReadsEveryAppliedItem(MockServer server) {
    BatchResult result = sdk(server).bulkPut(EXAMPLE_ZONE, List.of(
        MappingRequest.of(AWS.ip(), AWS.vendor(), AWS.region()),
        MappingRequest.of(GCP.ip(), GCP.vendor(), GCP.region())));

    assertThat(result).isEqualTo(new BatchResult(null, List.of(
        new BatchItem(AWS.ip(), AWS.vendor(), AWS.region(), null),
        new BatchItem(GCP.ip(), GCP.vendor(), GCP.region(), null)), List.of()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact batchPutPartial(PactDslWithProvider p) {
    return jsonRequest(p.given(NO_MAPPING_FOR, ipsParam("192.0.2.1", "192.0.2.2"))
            .uponReceiving("v2 batch put: an invalid IP and an unsupported region fail alone [VBU1, VK1]"),
            "PUT", BATCH,
            mappingsBody(AWS, new M("not-an-ip", "aws", "us-east-1"), new M("192.0.2.2", "aws", "no-such-region")))
        .willRespondWith()
        .status(200)
        .body(batchResult(
            List.of(succeeded(AWS)),
            List.of(failed("not-an-ip", "invalid IP address"), failed("192.0.2.2", "unsupported vendor or region"))))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "batchPutPartial")
  @DisplayName("VBU1: bulkPut reads per-item failures beside the applied item")
  void bulkPutReadsPerItemFailures(MockServer server) {
    BatchResult result = sdk(server).bulkPut(EXAMPLE_ZONE, List.of(
        MappingRequest.of(AWS.ip(), AWS.vendor(), AWS.region()),
        MappingRequest.of("not-an-ip", "aws", "us-east-1"),
        MappingRequest.of("192.0.2.2", "aws", "no-such-region")));

    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactly(AWS.ip());
    assertThat(result.failed()).containsExactly(
        new BatchItem("not-an-ip", null, null, "invalid IP address"),
        new BatchItem("192.0.2.2", null, null, "unsupported vendor or region"));
  }

  private static HttpResponse<String> rawDelete(MockServer server, String body)
      throws IOException, InterruptedException {
    return Contract.raw(server, "DELETE", EXAMPLE_RESOURCE + BATCH, body);
  }
}
