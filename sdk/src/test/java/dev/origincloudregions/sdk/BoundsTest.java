package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.thrown;
import static dev.origincloudregions.sdk.ErrorMappingTest.transportException;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bounded everything: answer sizes, Retry-After values of any size, and the client's settings. */
class BoundsTest {
  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String bigBody(int bytes) {
    return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"origin_ip\":\"192.0.2.1\",\"vendor\":\"aws\","
        + "\"region\":\"us-east-1\",\"pad\":\"" + "x".repeat(bytes) + "\"}}";
  }

  @Test
  @DisplayName("A body announced larger than maxResponseBytes is refused, not retried")
  void anAnnouncedBodyOverTheCapIsRefused() {
    server.dispatch(request -> Reply.json(200, bigBody(10_000)));
    var client = Fixtures.clientOf(server).maxResponseBytes(4096).build();

    TransportException e = transportException(() -> client.get(ZONE, "192.0.2.1"));

    assertThat(e).hasMessageContaining("larger than the client's limit of 4096 bytes");
    assertThat(server.takeAll()).as("not retried: the server would send it again").hasSize(1);
  }

  @Test
  @DisplayName("A chunked body that grows past maxResponseBytes is cut off while reading")
  void aChunkedBodyOverTheCapIsRefused() {
    server.dispatch(request -> Reply.json(200, bigBody(100_000)).chunked());
    var client = Fixtures.clientOf(server).maxResponseBytes(4096).build();

    TransportException e = transportException(() -> client.get(ZONE, "192.0.2.1"));

    assertThat(e).hasMessageContaining("larger than the client's limit of 4096 bytes");
  }

  @Test
  void aBodyWithinTheCapIsRead() {
    server.dispatch(request -> Reply.json(200, bigBody(2_000)).chunked());
    var client = Fixtures.clientOf(server).maxResponseBytes(4096).build();

    assertThat(client.get(ZONE, "192.0.2.1").originIp()).isEqualTo("192.0.2.1");
  }

  @Test
  void errorBodiesAreCappedToo() {
    server.dispatch(request -> Reply.json(500, bigBody(100_000)));
    var client = Fixtures.clientOf(server).maxResponseBytes(4096).build();

    assertThat(transportException(() -> client.get(ZONE, "192.0.2.1"))).hasMessageContaining("larger than");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "9223372036854775808", "99999999999999999999999999999999999999",
      "31536000000"})
  @DisplayName("A Retry-After of any size is a RateLimitedException at once, with a retryAt that did not overflow")
  void hugeRetryAfterValues(String retryAfter) {
    server.dispatch(request -> Reply.json(429, RetryTest.RATE_LIMITED).withHeader("Retry-After", retryAfter));
    var client = Fixtures.clientOf(server).build();

    RateLimitedException e = thrown(RateLimitedException.class, () -> client.bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(server.takeAll()).as("not waited for, not retried").hasSize(1);
    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofDays(365_000)));
    assertThat(e.retryAt()).hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now().plus(Duration.ofDays(364_999))));
  }

  @Test
  @DisplayName("A Retry-After within maxRetryAfter that does not fit the call's timeout is thrown as a 429 at once")
  void aRetryAfterBeyondTheDeadlineIsThrownAsItIs() {
    server.dispatch(request -> Reply.json(429, RetryTest.RATE_LIMITED).withHeader("Retry-After", "30"));
    var client = Fixtures.clientOf(server).callTimeout(Duration.ofSeconds(5)).build();

    RateLimitedException e = thrown(RateLimitedException.class, () -> client.get(ZONE, "192.0.2.1"));

    assertThat(server.takeAll()).hasSize(1);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void builderBoundsAreChecked() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().maxResponseBytes(10)).hasMessageContaining("at least 1024");
    assertThatThrownBy(() -> OriginCloudRegions.builder().callTimeout(Duration.ofSeconds(-1))).hasMessageContaining("positive");
  }
}
