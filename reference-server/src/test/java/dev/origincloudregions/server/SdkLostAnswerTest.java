package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origincloudregions.sdk.BatchItem;
import dev.origincloudregions.sdk.BatchItem.Outcome;
import dev.origincloudregions.sdk.BatchResult;
import dev.origincloudregions.sdk.InvalidRequestException;
import dev.origincloudregions.sdk.Mapping;
import dev.origincloudregions.sdk.NotFoundException;
import dev.origincloudregions.sdk.OriginCloudRegions;
import dev.origincloudregions.sdk.OriginCloudRegionsV1;
import dev.origincloudregions.sdk.RetryPolicy;
import dev.origincloudregions.server.FaultProxy.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retries that never lie (issue 12): the SDK against the real reference server behind {@link
 * FaultProxy}, which forwards a request, lets the server apply it, and loses the answer before it reaches
 * the client (connection reset, silence past the read timeout, or a 502 in its place). The SDK retries;
 * the retry's answer reports the lost attempt's work as "not found" (BD10) or "already exists" (C1
 * 1145), and the SDK must say what really happened.
 */
@SuppressWarnings("deprecation") // the v1 family is deprecated in the SDK as in the API
class SdkLostAnswerTest extends ServerTestSupport {
  FaultProxy proxy;
  OriginCloudRegions client;

  @BeforeEach
  void startProxy() {
    // The read timeout is short enough for a quick test and long enough that an answer that is not held
    // never times out on a loaded machine; a held answer is held well past it.
    proxy = new FaultProxy(server.port()).holdFor(Duration.ofSeconds(7));
    client = OriginCloudRegions.builder().baseUrl(proxy.baseUrl()).apiToken(TOKEN)
        .readTimeout(Duration.ofMillis(3_000))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(4)).build())
        .build();
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  private static long requests(String methodAndPath) {
    return REQUEST_LOG.stream().filter(l -> l.startsWith(methodAndPath + " ")).count();
  }

  private static String v2(String zone, String rest) {
    return Options.DEFAULT_BASE_PATH + v2Path(zone) + rest;
  }

  private static String v1(String zone, String rest) {
    return Options.DEFAULT_BASE_PATH + zonePath(zone) + rest;
  }

  @ParameterizedTest(name = "answer lost by {0}")
  @EnumSource(Fault.class)
  @DisplayName("BD10: v2 bulkDelete after a lost answer reports the deleted mappings as possibly applied, not failed")
  void v2BatchDeleteAfterALostAnswer(Fault fault) {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.1", "aws", "us-east-1"));
    sdk.put(zone, request("2001:db8::1", "aws", "us-east-1"));
    proxy.next(fault);

    BatchResult result = client.bulkDelete(zone, List.of("192.0.2.1", "2001:DB8::1", "192.0.2.9", "not-an-ip"));

    assertThat(proxy.faultsApplied()).isEqualTo(1);
    assertThat(requests("DELETE " + v2(zone, "/batch"))).as("the lost attempt and its retry").isEqualTo(2);
    assertThat(result.succeeded()).as("the retry deleted nothing: the lost attempt had").isEmpty();
    assertThat(result.possiblyApplied())
        .extracting(BatchItem::originIp, BatchItem::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("192.0.2.1", Outcome.POSSIBLY_APPLIED),
            org.assertj.core.groups.Tuple.tuple("2001:db8::1", Outcome.POSSIBLY_APPLIED),
            // Never mapped: the client cannot tell it from a lost deletion, so it does not claim either.
            org.assertj.core.groups.Tuple.tuple("192.0.2.9", Outcome.POSSIBLY_APPLIED));
    assertThat(result.failed()).as("an invalid IP fails whatever happened before")
        .extracting(BatchItem::originIp, BatchItem::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("not-an-ip", Outcome.FAILED));
    assertThat(result.allSucceeded()).isFalse();
    assertThat(sdk.listPage(zone, 1, 100).mappings()).as("both mappings are gone").isEmpty();
  }

  @Test
  @DisplayName("Without a lost answer, a mapping that does not exist is a plain failure")
  void v2BatchDeleteWithoutLossKeepsNotFoundAsAFailure() {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.1", "aws", "us-east-1"));

    BatchResult result = client.bulkDelete(zone, List.of("192.0.2.1", "192.0.2.9"));

    assertThat(result.succeeded()).extracting(BatchItem::originIp, BatchItem::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.1", Outcome.SUCCEEDED));
    assertThat(result.failed()).extracting(BatchItem::originIp, BatchItem::error, BatchItem::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.9", "not found", Outcome.FAILED));
    assertThat(result.possiblyApplied()).isEmpty();
  }

  @Test
  @DisplayName("BD10 in v1: bulkDelete after a dropped connection, and bulkDeleteAll merges possibly applied items")
  void v1BatchDeleteAfterALostAnswer() {
    String zone = newZone();
    OriginCloudRegionsV1 v1 = client.v1();
    List<String> ips = Fixtures.docIps(150);
    sdk.bulkPutAll(zone, ips.stream().map(ip -> request(ip, "aws", "us-east-1")).toList());
    proxy.next(Fault.DROP); // the first batch of 100: applied, answer lost

    BatchResult result = v1.bulkDeleteAll(zone, ips);

    assertThat(result.possiblyApplied()).hasSize(100);
    assertThat(result.succeeded()).hasSize(50);
    assertThat(result.failed()).isEmpty();
    assertThat(result.allSucceeded()).isTrue();
    assertThat(sdk.listPage(zone, 1, 100).totalCount()).isZero();
  }

  @ParameterizedTest(name = "answer lost by {0}")
  @EnumSource(Fault.class)
  @DisplayName("C1: a retried v1 create that meets 1145 reads the mapping and returns it when it matches")
  void v1CreateAfterALostAnswer(Fault fault) {
    String zone = newZone();
    proxy.next(fault);

    Mapping created = client.v1().create(zone, request("2001:DB8::5", "aws", "us-east-1"));

    assertThat(created).extracting(Mapping::originIp, Mapping::vendor, Mapping::region)
        .containsExactly("2001:db8::5", "aws", "us-east-1");
    assertThat(created).isEqualTo(sdk.v1().get(zone, "2001:db8::5"));
    assertThat(requests("POST " + v1(zone, ""))).as("the lost attempt and its retry").isEqualTo(2);
  }

  @Test
  @DisplayName("The raw answer of a create recovered from 1145 is the read that found the mapping")
  void v1CreateAfterALostAnswerHasTheReadAsItsRawAnswer() {
    String zone = newZone();
    proxy.next(Fault.DROP);

    var raw = client.withRawResponse(c -> c.v1().create(zone, request("192.0.2.6", "aws", "us-east-1")));

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.value().originIp()).isEqualTo("192.0.2.6");
    assertThat(requests("GET " + v1(zone, "/192.0.2.6"))).isEqualTo(1);
  }

  @Test
  @DisplayName("C1: a retried create that meets 1145 for a different mapping still throws 1145")
  void v1CreateAfterALostAnswerThatDoesNotMatchThrows() {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.7", "gcp", "us-central1"));
    proxy.next(Fault.DROP); // the first attempt already met 1145; its answer is lost

    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> client.v1().create(zone, request("192.0.2.7", "aws", "us-east-1")));

    assertThat(e).isNotNull();
    assertThat(e.hasCode(1145)).isTrue();
    assertThat(sdk.get(zone, "192.0.2.7").vendor()).isEqualTo("gcp");
  }

  @Test
  @DisplayName("Without a lost answer, create of an existing mapping throws 1145 even when it matches")
  void v1CreateWithoutLossThrows1145() {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.7", "aws", "us-east-1"));

    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> client.v1().create(zone, request("192.0.2.7", "aws", "us-east-1")));

    assertThat(e).isNotNull();
    assertThat(e.hasCode(1145)).isTrue();
  }

  @ParameterizedTest(name = "answer lost by {0}")
  @EnumSource(Fault.class)
  @DisplayName("VG1: a retried delete that meets 404 says the lost attempt may have deleted it")
  void v2DeleteAfterALostAnswer(Fault fault) {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.3", "aws", "us-east-1"));
    proxy.next(fault);

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.delete(zone, "192.0.2.3"));

    assertThat(e).isNotNull();
    assertThat(e.possiblyDeletedByEarlierAttempt()).isTrue();
    assertThat(e).hasMessageContaining("an earlier attempt of this call got no answer and may have deleted it");
    assertThat(requests("DELETE " + v2(zone, "/192.0.2.3"))).isEqualTo(2);
  }

  @Test
  void v1DeleteAfterALostAnswer() {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.3", "aws", "us-east-1"));
    proxy.next(Fault.DROP);

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.v1().delete(zone, "192.0.2.3"));

    assertThat(e).isNotNull();
    assertThat(e.possiblyDeletedByEarlierAttempt()).isTrue();
  }

  @Test
  @DisplayName("VP1: put is idempotent: a lost answer is retried and the retry's answer returned")
  void v2PutAfterALostAnswer() {
    String zone = newZone();
    proxy.next(Fault.DROP);

    Mapping stored = client.put(zone, request("192.0.2.4", "gcp", "us-central1"));

    assertThat(stored).isEqualTo(sdk.get(zone, "192.0.2.4"));
    assertThat(requests("PUT " + v2(zone, "/192.0.2.4"))).isEqualTo(2);
  }

  @Test
  @DisplayName("VBU1: batch put is idempotent: after a lost answer every item succeeds on the retry")
  void v2BatchPutAfterALostAnswer() {
    String zone = newZone();
    proxy.next(Fault.HOLD);

    BatchResult result = client.bulkPut(zone, List.of(request("192.0.2.1", "aws", "us-east-1"),
        request("192.0.2.2", "aws", "us-east-1")));

    assertThat(result.succeeded()).hasSize(2);
    assertThat(result.failed()).isEmpty();
    assertThat(result.possiblyApplied()).isEmpty();
  }

  @Test
  @DisplayName("Answers lost on every attempt: the call fails, and says so, after the policy's attempts")
  void everyAnswerLost() {
    String zone = newZone();
    proxy.next(Fault.DROP, Fault.DROP, Fault.DROP);

    var e = catchThrowableOfType(dev.origincloudregions.sdk.TransportException.class,
        () -> client.bulkDelete(zone, List.of("192.0.2.1")));

    assertThat(e).isNotNull().hasMessageStartingWith("bulkDelete: ");
    assertThat(requests("DELETE " + v2(zone, "/batch"))).isEqualTo(3);
  }

  @Test
  @DisplayName("With retries off, nothing is reinterpreted: the lost answer is a TransportException")
  void noRetryNoReinterpretation() {
    String zone = newZone();
    sdk.put(zone, request("192.0.2.1", "aws", "us-east-1"));
    proxy.next(Fault.DROP);

    var e = catchThrowableOfType(dev.origincloudregions.sdk.TransportException.class,
        () -> client.withOptions(dev.origincloudregions.sdk.RequestOptions.builder().retryPolicy(RetryPolicy.NONE).build())
            .bulkDelete(zone, List.of("192.0.2.1")));

    assertThat(e).isNotNull();
    assertThat(sdk.listPage(zone, 1, 100).mappings()).as("applied all the same").isEmpty();
  }
}
