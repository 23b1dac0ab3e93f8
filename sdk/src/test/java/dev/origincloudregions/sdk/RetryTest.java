package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.ErrorMappingTest.transportException;
import static dev.origincloudregions.sdk.Fixtures.INTERNAL_1141;
import static dev.origincloudregions.sdk.Fixtures.LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client retries, how often and after how long, against a real server. Backoffs are 1-4 ms
 * here ({@link Fixtures#fastRetries}); only the Retry-After tests wait about a second, and they assert
 * the wait's lower bound (measured by the server between the two arrivals), never an upper one.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class RetryTest {
  static final String RATE_LIMITED = Fixtures.error(971, "Please wait and consider throttling your request speed");

  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  OriginCloudRegionsV1 client(RetryPolicy policy) {
    return Fixtures.clientOf(server).retryPolicy(policy).build().v1();
  }

  @Test
  @DisplayName("SAFE4: a 429 with Retry-After: 1 is sent again after at least a second, and succeeds")
  void a429IsRetriedAfterItsRetryAfterSeconds() {
    server.enqueue(Reply.json(429, RATE_LIMITED).withHeader("Retry-After", "1"));
    server.enqueue(200, LIST_EMPTY);

    MappingList list = client(Fixtures.fastRetries(3)).list(ZONE);

    assertThat(list.mappings()).isEmpty();
    List<RecordingServer.Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(2);
    assertThat(gap(requests)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void a429IsRetriedAfterARetryAfterGivenAsAnHttpDate() {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request ->
            calls.incrementAndGet() == 1
                // Whole seconds only, so the wait is between 1 and 2 s.
                ? Reply.json(429, RATE_LIMITED).withHeader("Retry-After", httpDate(Duration.ofSeconds(2)))
                : Reply.json(200, LIST_EMPTY));

    client(Fixtures.fastRetries(3)).list(ZONE);

    List<RecordingServer.Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(2);
    assertThat(gap(requests)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void anHttpDateRetryAfterBeyondMaxRetryAfterIsThrownAtOnceWithTheWait() {
    server.enqueue(Reply.json(429, RATE_LIMITED).withHeader("Retry-After", httpDate(Duration.ofHours(2))));
    server.enqueue(200, LIST_EMPTY);

    ApiException e = apiException(() -> client(Fixtures.fastRetries(3)).list(ZONE));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).hasValueSatisfying(
        wait -> assertThat(wait).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(120)));
    assertThat(server.takeAll()).hasSize(1);
  }

  @Test
  void aRetryAfterLongerThanMaxRetryAfterIsThrownAtOnce() {
    server.enqueue(Reply.json(429, RATE_LIMITED).withHeader("Retry-After", "120"));
    server.enqueue(Reply.json(429, RATE_LIMITED).withHeader("Retry-After", "2"));
    server.enqueue(200, LIST_EMPTY);

    ApiException byDefault = apiException(() -> client(RetryPolicy.DEFAULT).list(ZONE));
    RetryPolicy patient = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(1)).build();
    ApiException byPolicy = apiException(() -> client(patient).list(ZONE));

    assertThat(byDefault.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(byPolicy.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(server.takeAll()).as("one request per call").hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "soon", "-5", "Sun, 06 Nov 1994 08:49:37 GMT"})
  void a429WithoutAUsableRetryAfterIsRetriedAtOnceOrAfterTheBackoff(String retryAfter) {
    Reply limited = Reply.json(429, RATE_LIMITED);
    server.enqueue(retryAfter.isEmpty() ? limited : limited.withHeader("Retry-After", retryAfter));
    server.enqueue(200, LIST_EMPTY);

    client(Fixtures.fastRetries(3)).list(ZONE);

    assertThat(server.takeAll()).hasSize(2);
  }

  @Test
  void a503IsRetriedAndTheSecondAnswerCounts() {
    server.enqueue(503, INTERNAL_1141);
    server.enqueue(200, Fixtures.BATCH_DELETE_200);

    BatchResult result = client(Fixtures.fastRetries(3)).bulkDelete(ZONE, List.of("192.0.2.1", "2001:db8::1"));

    assertThat(result.succeeded()).hasSize(2);
    List<RecordingServer.Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(2);
    assertThat(requests)
        .extracting(RecordingServer.Recorded::bodyText)
        .as("the same body both times")
        .containsOnly("[\"192.0.2.1\",\"2001:db8::1\"]");
  }

  @Test
  void serverErrorsAreSentMaxAttemptsTimesThenThrown() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(500, INTERNAL_1141);
    }

    ApiException e = apiException(() -> client(Fixtures.fastRetries(3)).bulkDelete(ZONE, List.of("192.0.2.1")));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.hasCode(1141)).isTrue();
    assertThat(server.takeAll()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 422})
  void clientErrorsOtherThan429AreNeverRetried(int status) {
    server.enqueue(status, Fixtures.error(1146, "Invalid or missing origin IP address."));
    server.enqueue(200, Fixtures.SINGLE_200);

    ApiException e = apiException(() -> client(Fixtures.fastRetries(4)).get(ZONE, "192.0.2.1"));

    assertThat(e.status()).isEqualTo(status);
    assertThat(server.takeAll()).hasSize(1);
  }

  @Test
  void retryPolicyNoneSendsExactlyOnce() {
    server.enqueue(503, INTERNAL_1141);
    server.enqueue(Reply.json(429, RATE_LIMITED).withHeader("Retry-After", "0"));
    server.enqueue(200, LIST_EMPTY);
    OriginCloudRegionsV1 once = client(RetryPolicy.NONE);

    assertThat(apiException(() -> once.list(ZONE)).status()).isEqualTo(503);
    assertThat(apiException(() -> once.list(ZONE)).status()).isEqualTo(429);
    assertThat(server.takeAll()).hasSize(2);
  }

  /**
   * The server reads each request's head and then closes the connection without a word. (When it
   * resets the connection before reading, the JDK's HTTP client sometimes reconnects on its own, which
   * would blur the count.)
   */
  @Test
  void aConnectionClosedWithoutAnAnswerIsRetriedUpToMaxAttempts() throws IOException {
    try (DroppingServer dropping = new DroppingServer()) {
      OriginCloudRegions.Builder builder =
          OriginCloudRegions.builder().baseUrl(dropping.baseUrl()).apiToken(Fixtures.TOKEN);

      transportException(() -> builder.retryPolicy(RetryPolicy.NONE).build().v1().bulkDelete(ZONE, List.of("192.0.2.1")));
      int once = dropping.connections();
      TransportException e =
          transportException(
              () -> builder.retryPolicy(Fixtures.fastRetries(3)).build().v1().bulkDelete(ZONE, List.of("192.0.2.1")));

      assertThat(once).as("connections with RetryPolicy.NONE").isEqualTo(1);
      assertThat(dropping.connections() - once).as("connections with maxAttempts 3").isEqualTo(3);
      assertThat(e).hasMessageStartingWith("bulkDelete: IOException").hasMessageContaining("(DELETE http://127.0.0.1:");
    }
  }

  @Test
  void aReadTimeoutIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(
        request -> {
          if (calls.incrementAndGet() == 1) {
            sleep(Duration.ofMillis(700));
          }
          return Reply.json(200, LIST_EMPTY);
        });
    var impatient = Fixtures.clientOf(server).readTimeout(Duration.ofMillis(200)).build().v1();

    assertThat(impatient.list(ZONE).mappings()).isEmpty();

    assertThat(server.takeAll()).hasSize(2);
  }

  @Test
  void aReadTimeoutWithoutRetriesIsATransportExceptionNamingTheRequest() {
    server.dispatch(
        request -> {
          sleep(Duration.ofMillis(500));
          return Reply.json(200, LIST_EMPTY);
        });
    var impatient =
        Fixtures.clientOf(server).readTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.NONE).build().v1();

    TransportException e = transportException(() -> impatient.list(ZONE));

    assertThat(e).hasMessageStartingWith("list: HttpTimeoutException").hasMessageContaining("(GET http://127.0.0.1:");
  }

  /** Time between the arrival of the first and the last request. */
  private static Duration gap(List<RecordingServer.Recorded> requests) {
    return Duration.ofNanos(
        requests.get(requests.size() - 1).receivedAtNanos() - requests.get(0).receivedAtNanos());
  }

  private static String httpDate(Duration fromNow) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(fromNow));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Accepts TCP connections, reads each request's head and then closes the connection without
   * answering; counts the connections.
   */
  static final class DroppingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    DroppingServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                    readHead(s.getInputStream());
                  } catch (IOException closed) {
                    if (socket.isClosed()) {
                      return;
                    }
                  }
                }
              },
              "dropping-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private static void readHead(java.io.InputStream in) throws IOException {
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      for (int b; matched < 4 && (b = in.read()) >= 0; ) {
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/client/v4";
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
