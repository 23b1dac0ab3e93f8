package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exception subclasses callers branch on, chosen from the status and the codes of a real answer,
 * and Cloudflare's request id ({@code cf-ray}) on every {@link ApiException}.
 */
class TypedErrorsTest {
  static final String RAY = "8a1b2c3d4e5f6789-AMS";

  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
  @CsvSource({
    "404, 1142, NotFoundException",
    "200, 1142, NotFoundException",          // success: false in a 200
    "401, 10000, AuthenticationException",
    "403, 10000, AuthenticationException",
    "400, 10000, AuthenticationException",
    "401, 9106, AuthenticationException",    // 401 whatever the code
    "429, 971, RateLimitedException",
    "403, 1164, ZoneFullException",
    "400, 1164, ZoneFullException",
    "400, 1146, InvalidRequestException",
    "400, 1145, InvalidRequestException",
    "400, 1157, InvalidRequestException",
    "404, 7000, NotFoundException",          // 404 whatever the code
    "403, 1, ApiException",
    "413, 1192, ApiException",
    "500, 1141, ApiException",
  })
  void eachAnswerGetsItsSubclass(int status, int code, String type) {
    server.enqueue(Reply.json(status, Fixtures.error(code, "m")).withHeader("cf-ray", RAY));

    ApiException e = apiException(() -> client.get(ZONE, "192.0.2.1"));

    assertThat(e.getClass().getSimpleName()).as("class of %s", e).isEqualTo(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.hasCode(code)).isTrue();
    assertThat(e.cfRay()).as("cf-ray of %s", e).contains(RAY);
  }

  @Test
  @DisplayName("Every ApiException names the cf-ray in its message, so that a logged message is enough for support")
  void theMessageNamesTheCfRay() {
    server.enqueue(Reply.json(400, Fixtures.error(1146, "invalid IP")).withHeader("CF-RAY", RAY));

    ApiException e = apiException(() -> client.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1")));

    assertThat(e).isInstanceOf(InvalidRequestException.class)
        .hasMessage("put: HTTP 400 [1146 invalid IP] (cf-ray " + RAY + ")");
  }

  @Test
  void anAnswerWithoutCfRayHasNone() {
    server.enqueue(404, Fixtures.NOT_FOUND_1142);

    ApiException e = apiException(() -> client.delete(ZONE, "192.0.2.1"));

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.cfRay()).isEmpty();
    assertThat(((NotFoundException) e).possiblyDeletedByEarlierAttempt()).as("nothing was lost").isFalse();
    assertThat(e.getMessage()).doesNotContain("cf-ray");
  }

  @Test
  @DisplayName("A 429 that is not retried is a RateLimitedException saying when to retry")
  void a429SaysWhenToRetry() {
    server.enqueue(Reply.json(429, RetryTest.RATE_LIMITED).withHeader("Retry-After", "120").withHeader("cf-ray", RAY));

    ApiException e = apiException(() -> client.bulkDelete(ZONE, List.of("192.0.2.1")));

    RateLimitedException r = (RateLimitedException) e;
    assertThat(r.heldBackByClient()).isFalse();
    assertThat(r.retryAfter()).contains(java.time.Duration.ofSeconds(120));
    assertThat(r.retryAt()).hasValueSatisfying(at ->
        assertThat(at).isAfter(java.time.Instant.now().plusSeconds(100)).isBefore(java.time.Instant.now().plusSeconds(121)));
    assertThat(r).hasMessageContaining("retry after PT2M");
  }
}
