package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.EXISTS_1145;
import static dev.origincloudregions.sdk.Fixtures.INTERNAL_1141;
import static dev.origincloudregions.sdk.Fixtures.NOT_FOUND_1142;
import static dev.origincloudregions.sdk.Fixtures.TOO_MANY_1164;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.net.ConnectException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How each kind of failed answer surfaces: {@link ApiException} when the server refused the request
 * (with the status and every code and message), {@link TransportException} when there was no usable
 * answer. Retries are off here ({@link RetryPolicy#NONE}) except where the test says otherwise.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class ErrorMappingTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegionsV1 client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build().v1();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("C1: a 400 with one error carries its status, code and message")
  void a400WithOneErrorCarriesItsCodeAndMessage() {
    server.enqueue(400, EXISTS_1145);

    ApiException e = apiException(() -> client.create(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1")));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errors())
        .containsExactly(
            new ApiError(1145, "Unable to create new origin_public_cloud_region setting. The zone setting already exists."));
    assertThat(e.hasCode(1145)).isTrue();
    assertThat(e.hasCode(1146)).isFalse();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e)
        .hasMessage(
            "create: HTTP 400 [1145 Unable to create new origin_public_cloud_region setting. The zone setting already exists.]")
        .hasNoCause()
        .isInstanceOf(OriginCloudRegionsException.class);
  }

  @Test
  void a400WithSeveralErrorsCarriesEveryOneInOrder() {
    server.enqueue(
        400,
        """
        {"errors":[{"code":1146,"message":"Invalid or missing origin IP address."},
                   {"code":1157,"message":"The vendor provided doesn't exist","documentation_url":"https://d","source":{"pointer":"/vendor"}},
                   {"code":7003,"message":"No route for the URI"}],
         "messages":[],"result":null,"success":false}
        """);

    ApiException e = apiException(() -> client.upsert(ZONE, MappingRequest.of("x", "ibm", "y")));

    assertThat(e.errors())
        .containsExactly(
            new ApiError(1146, "Invalid or missing origin IP address."),
            new ApiError(1157, "The vendor provided doesn't exist"),
            new ApiError(7003, "No route for the URI"));
    assertThat(e.hasCode(1146)).isTrue();
    assertThat(e.hasCode(1157)).isTrue();
    assertThat(e.hasCode(7003)).isTrue();
    assertThat(e.hasCode(1145)).isFalse();
    assertThat(e.getMessage())
        .isEqualTo(
            "upsert: HTTP 400 [1146 Invalid or missing origin IP address., 1157 The vendor provided doesn't exist, 7003 No route for the URI]");
  }

  @Test
  @DisplayName("A2: 401 and 403 are ApiExceptions with code 10000")
  void authenticationFailuresAreApiExceptions() {
    server.enqueue(401, Fixtures.error(10000, "Authentication error"));
    server.enqueue(403, Fixtures.error(10000, "Authentication error"));

    ApiException missing = apiException(() -> client.list(ZONE));
    ApiException wrong = apiException(() -> client.list(ZONE));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(List.of(missing, wrong)).allSatisfy(e -> assertThat(e.hasCode(10000)).isTrue());
  }

  @Test
  @DisplayName("M2: the zone limit is a 403 with code 1164")
  void theZoneLimitIsA403WithCode1164() {
    server.enqueue(403, TOO_MANY_1164);

    ApiException e = apiException(() -> client.bulkUpsert(ZONE, List.of(MappingRequest.of("192.0.2.1", "aws", "us-east-1"))));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.errors()).containsExactly(new ApiError(1164, "Maximum number of IP mappings configured for zone."));
  }

  @Test
  @DisplayName("G1: a missing mapping is a 404 with code 1142, for get and delete")
  void aMissingMappingIsA404WithCode1142() {
    server.enqueue(404, NOT_FOUND_1142);
    server.enqueue(404, NOT_FOUND_1142);

    ApiException get = apiException(() -> client.get(ZONE, "192.0.2.9"));
    ApiException delete = apiException(() -> client.delete(ZONE, "192.0.2.9"));

    assertThat(List.of(get, delete))
        .allSatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.hasCode(1142)).isTrue();
            });
    assertThat(get).hasMessageStartingWith("get: HTTP 404 [1142 ");
    assertThat(delete).hasMessageStartingWith("delete: HTTP 404 [1142 ");
  }

  @Test
  @DisplayName("E4: a body over the server's limit is a 413 with code 1192")
  void aTooLargeBodyIsA413() {
    server.enqueue(413, Fixtures.error(1192, "Request body too large"));

    ApiException e = apiException(() -> client.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(e.status()).isEqualTo(413);
    assertThat(e.errors()).containsExactly(new ApiError(1192, "Request body too large"));
  }

  @Test
  void a429WithRetriesOffIsThrownWithItsRetryAfter() {
    server.enqueue(Reply.json(429, Fixtures.error(971, "Please wait and consider throttling your request speed")).withHeader("Retry-After", "7"));

    ApiException e = apiException(() -> client.list(ZONE));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.hasCode(971)).isTrue();
    assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsAreApiExceptionsWithTheirStatus(int status) {
    server.enqueue(status, INTERNAL_1141);

    ApiException e = apiException(() -> client.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.errors())
        .containsExactly(new ApiError(1141, "Unable to delete origin_public_cloud_region setting. Internal error."));
  }

  @Test
  void anErrorWithANonJsonBodyKeepsItsStatusAndHasNoErrors() {
    server.enqueue(Reply.text(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"));

    ApiException e = apiException(() -> client.list(ZONE));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.errors()).isEmpty();
    assertThat(e.hasCode(502)).isFalse();
    assertThat(e).hasMessage("list: HTTP 502 []");
  }

  @Test
  void anErrorWithAnEmptyBodyKeepsItsStatusAndHasNoErrors() {
    server.enqueue(Reply.empty(404));

    ApiException e = apiException(() -> client.get(ZONE, "192.0.2.1"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void anErrorEnvelopeWithMalformedEntriesKeepsTheWellFormedOnes() {
    server.enqueue(
        400,
        """
        {"errors":[{"message":"no code"},{"code":"1190x","message":"bad code"},{"code":1190,"message":"A JSON array of IP strings is required"},{"code":1191}],
         "messages":[],"result":null,"success":false}
        """);

    ApiException e = apiException(() -> client.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(e.errors())
        .containsExactly(new ApiError(1190, "A JSON array of IP strings is required"), new ApiError(1191, ""));
  }

  @Test
  @DisplayName("E1: a 200 whose envelope says success false is an ApiException, not retried")
  void a200WithSuccessFalseIsAnApiException() {
    server.enqueue(200, NOT_FOUND_1142);
    var retrying = Fixtures.clientOf(server).retryPolicy(Fixtures.fastRetries(3)).build().v1();

    ApiException e = apiException(() -> retrying.get(ZONE, "192.0.2.1"));

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.hasCode(1142)).isTrue();
    assertThat(server.takeAll()).hasSize(1);
  }

  @Test
  void a200WhoseBodyIsNotJsonIsATransportException() {
    server.enqueue(Reply.text(200, "text/html", "<html>captive portal</html>"));

    TransportException e = transportException(() -> client.list(ZONE));

    assertThat(e).hasMessageStartingWith("list: unreadable response: ").hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void a200WithAnEmptyBodyIsATransportException() {
    server.enqueue(Reply.empty(200));

    TransportException e = transportException(() -> client.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(e).hasMessageStartingWith("bulkDelete: unreadable response: ");
  }

  @Test
  @DisplayName("E1: a 200 envelope without result, or with a result of the wrong shape, is a TransportException")
  void a200WithoutAUsableResultIsATransportException() {
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":null}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"id\":\"origin_public_cloud_region\"}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":[]}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"value\":{\"succeeded\":[]}}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"value\":{\"vendor\":\"aws\",\"region\":\"us-east-1\"}}}");

    assertThat(transportException(() -> client.list(ZONE))).hasMessageContaining("'result'");
    assertThat(transportException(() -> client.get(ZONE, "192.0.2.1"))).hasMessageContaining("'result'");
    assertThat(transportException(() -> client.delete(ZONE, "192.0.2.1"))).hasMessageContaining("'result.value'");
    assertThat(transportException(() -> client.supportedRegions(ZONE))).hasMessageStartingWith("supportedRegions: unreadable response");
    assertThat(transportException(() -> client.bulkDelete(ZONE, List.of()))).hasMessageContaining("'result.value.failed'");
    assertThat(transportException(() -> client.get(ZONE, "192.0.2.1"))).hasMessageContaining("'origin-ip'");
  }

  @Test
  void aRefusedConnectionIsATransportExceptionNamingTheRequest() {
    var refused =
        OriginCloudRegions.builder()
            .baseUrl(RecordingServer.refusingBaseUrl())
            .apiToken(Fixtures.TOKEN)
            .retryPolicy(Fixtures.fastRetries(3))
            .build().v1();

    TransportException e = transportException(() -> refused.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(e)
        .hasMessageStartingWith("bulkDelete: ConnectException (DELETE http://127.0.0.1:")
        .hasMessageEndingWith("/client/v4/zones/" + ZONE + "/cache/origin_cloud_regions/batch)");
    assertThat(e.getCause()).as("Feign's wrapper").hasCauseInstanceOf(ConnectException.class);
  }

  static ApiException apiException(ThrowingCallable call) {
    return thrown(ApiException.class, call);
  }

  static TransportException transportException(ThrowingCallable call) {
    return thrown(TransportException.class, call);
  }

  /** What {@code call} threw, failing with the actual outcome unless it is a {@code type}. */
  static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("what the call threw").isInstanceOf(type);
    return type.cast(t);
  }
}
