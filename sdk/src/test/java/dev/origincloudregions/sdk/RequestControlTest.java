package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.ErrorMappingTest.transportException;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-call control: {@code withOptions} (timeout, headers, retry policy) and {@code withRawResponse}. */
@SuppressWarnings("deprecation") // also drives the v1 family through a view
class RequestControlTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("Extra headers reach the server on every attempt of the view's calls, and only there")
  void extraHeadersAreSentByTheViewOnly() {
    server.enqueue(503, Fixtures.INTERNAL_1141);
    server.enqueue(200, Fixtures.V2_BATCH_DELETE_200);
    server.enqueue(200, Fixtures.V2_BATCH_DELETE_200);
    OriginCloudRegions tagged = client.withOptions(
        RequestOptions.builder().header("X-Request-Source", "nightly").header("x-request-source", "cleanup").build());

    tagged.bulkDelete(ZONE, List.of("192.0.2.1"));
    client.bulkDelete(ZONE, List.of("192.0.2.1"));

    List<RecordingServer.Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0).headers("x-request-source")).containsExactly("cleanup");
    assertThat(requests.get(1).headers("x-request-source")).as("the retry").containsExactly("cleanup");
    assertThat(requests.get(2).header("x-request-source")).as("the client itself").isNull();
    assertThat(requests.get(0).header("authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @Test
  void aViewsV1FamilyHasTheViewsOptions() {
    server.enqueue(200, Fixtures.LIST_EMPTY);

    client.withOptions(RequestOptions.builder().header("X-Trace", "t1").build()).v1().list(ZONE);

    assertThat(server.takeRequest().header("x-trace")).isEqualTo("t1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "x-auth-key", "X-Auth-Email", "User-Agent", "Content-Type", "Host",
      "Content-Length", "Connection"})
  void headersTheClientSetsItselfAreRefused(String name) {
    assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client itself");
  }

  @Test
  void malformedHeadersAreRefused() {
    assertThatThrownBy(() -> RequestOptions.builder().header("Bad Name", "x")).hasMessageContaining("HTTP token");
    assertThatThrownBy(() -> RequestOptions.builder().header("X-A", "line\r\nbreak")).hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  @DisplayName("A per-call retry policy replaces the client's for the view's calls")
  void aPerCallRetryPolicy() {
    server.dispatch(request -> Reply.json(503, Fixtures.INTERNAL_1141));

    ApiException e = apiException(() ->
        client.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.NONE).build()).get(ZONE, "192.0.2.1"));

    assertThat(e.status()).isEqualTo(503);
    assertThat(server.takeAll()).as("one attempt, where the client would make 3").hasSize(1);
  }

  @Test
  @DisplayName("A per-call timeout bounds the whole call, across attempts, however many the policy allows")
  void aPerCallTimeoutBoundsEveryAttempt() {
    server.dispatch(request -> {
      sleep(150);
      return Reply.json(503, Fixtures.INTERNAL_1141);
    });
    OriginCloudRegions bounded = client.withOptions(RequestOptions.builder()
        .timeout(Duration.ofMillis(700)).retryPolicy(Fixtures.fastRetries(1_000)).build());

    TransportException e = transportException(() -> bounded.get(ZONE, "192.0.2.1"));

    assertThat(e).hasMessageContaining("get: the call's timeout of PT0.7S leaves no time for attempt");
    assertThat(e.getCause()).as("the last failure").isInstanceOf(OriginCloudRegionsException.class);
    int attempts = server.takeAll().size();
    assertThat(attempts).as("attempts of at least 150 ms in 700 ms, where the policy allows 1,000").isBetween(1, 5);
  }

  @Test
  @DisplayName("An attempt is cut short by what is left of the call's timeout, not only by readTimeout")
  void anAttemptEndsAtTheCallsDeadline() {
    server.dispatch(request -> {
      sleep(3_000);
      return Reply.json(200, Fixtures.V2_SINGLE_200);
    });
    OriginCloudRegions bounded = Fixtures.clientOf(server).readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofMillis(400)).build();
    long start = System.nanoTime();

    TransportException e = transportException(() -> bounded.get(ZONE, "192.0.2.1"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("ended by the deadline, far before 3 s")
        .isLessThan(Duration.ofMillis(2_500));
    assertThat(e).hasMessageContaining("leaves no time");
  }

  @Test
  @DisplayName("withRawResponse: the status, headers, cf-ray and attempts of a success")
  void rawResponseOfASuccess() {
    server.enqueue(Reply.json(502, Fixtures.INTERNAL_1141));
    server.enqueue(Reply.json(200, Fixtures.V2_BATCH_DELETE_200).withHeader("cf-ray", "7d1a2b3c4d5e6f70-LHR")
        .withHeader("X-Other", "1"));

    RawResponse<BatchResult> raw = client.withRawResponse(c -> c.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.cfRay()).contains("7d1a2b3c4d5e6f70-LHR");
    assertThat(raw.header("x-other")).contains("1");
    assertThat(raw.headers()).containsKey("CF-Ray");
    assertThat(raw.attempts()).isEqualTo(2);
    assertThat(raw.value().succeeded()).isNotEmpty();
  }

  @Test
  void rawResponseOfAViewAndOfV1() {
    server.enqueue(Reply.json(200, Fixtures.LIST_EMPTY).withHeader("cf-ray", "r1"));

    RawResponse<MappingList> raw = client.withOptions(RequestOptions.builder().header("X-A", "b").build())
        .withRawResponse(c -> c.v1().list(ZONE));

    assertThat(raw.cfRay()).contains("r1");
    assertThat(raw.value().mappings()).isEmpty();
    assertThat(server.takeRequest().header("x-a")).isEqualTo("b");
  }

  @Test
  void rawResponseOfACallThatSentNothing() {
    assertThatThrownBy(() -> client.withRawResponse(c -> c.list(ZONE)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no answer");
  }

  @Test
  @DisplayName("A failed call inside withRawResponse throws as usual, with its cf-ray")
  void rawResponseOfAFailure() {
    server.enqueue(Reply.json(404, Fixtures.NOT_FOUND_1142).withHeader("cf-ray", "r404"));

    NotFoundException e = ErrorMappingTest.thrown(NotFoundException.class,
        () -> client.withRawResponse(c -> c.get(ZONE, "192.0.2.1")));

    assertThat(e.cfRay()).contains("r404");
  }

  @Test
  @DisplayName("The attempt hook hears every attempt: method, URL, number, status, cf-ray, failure")
  void theAttemptListenerHearsEveryAttempt() {
    server.enqueue(Reply.json(503, Fixtures.INTERNAL_1141).withHeader("cf-ray", "a1"));
    server.enqueue(Reply.json(200, Fixtures.V2_DELETED_200).withHeader("cf-ray", "a2"));
    List<AttemptListener.Attempt> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    var listened = Fixtures.clientOf(server).attemptListener(heard::add).build();

    listened.delete(ZONE, "2001:db8::1");

    assertThat(heard).hasSize(2);
    assertThat(heard).extracting(AttemptListener.Attempt::operation, AttemptListener.Attempt::method,
            AttemptListener.Attempt::number, AttemptListener.Attempt::status, AttemptListener.Attempt::cfRay)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("delete", "DELETE", 1, 503, "a1"),
            org.assertj.core.groups.Tuple.tuple("delete", "DELETE", 2, 200, "a2"));
    assertThat(heard.get(0).url()).endsWith("/origin/cloud_regions/2001%3Adb8%3A%3A1");
    assertThat(heard.get(0).failure()).isInstanceOf(ApiException.class);
    assertThat(heard.get(1).failure()).isNull();
    assertThat(heard.get(1).durationNanos()).isPositive();
  }

  @Test
  void aFailingListenerDoesNotChangeTheOutcome() {
    server.enqueue(200, Fixtures.V2_DELETED_200);
    var listened = Fixtures.clientOf(server).attemptListener(a -> {
      throw new IllegalStateException("listener bug");
    }).build();

    assertThat(listened.delete(ZONE, "192.0.2.1")).isEqualTo("192.0.2.1"); // the documented answer's IP
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
