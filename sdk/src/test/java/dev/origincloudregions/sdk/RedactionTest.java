package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.ErrorMappingTest.thrown;
import static dev.origincloudregions.sdk.ErrorMappingTest.transportException;
import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A3 on the client side: credentials reach the server in their headers and nowhere else. Checked on
 * the full printed stack trace of every kind of exception (messages and toString of every cause).
 *
 * <p>Decision: an error message the server sends is quoted as is, even if it repeats a request
 * header; the client cannot know what a message means, and rewriting it would hide what the server
 * said. The client itself never adds a credential to anything it prints.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
@DisplayName("A3: credentials never appear in toString or in exceptions the client makes")
class RedactionTest {
  static final String KEY = "144c9defac04969c7bfad8efaa8ea194";

  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void clientToStringHidesTheToken() {
    var client = Fixtures.clientOf(server).build();

    assertThat(client.toString())
        .contains("credentials=Bearer ****")
        .contains(server.baseUrl())
        .contains("RetryPolicy{maxAttempts=3")
        .doesNotContain(TOKEN);
  }

  @Test
  void clientToStringHidesTheKeyButShowsTheEmail() {
    var client = Fixtures.clientOf(server).emailAndKey("user@example.com", KEY).build();

    assertThat(client.toString())
        .contains("X-Auth-Email user@example.com + X-Auth-Key ****")
        .doesNotContain(KEY);
    assertThat(Fixtures.clientOf(server).noCredentials().build().toString()).contains("credentials=none");
  }

  @Test
  void apiExceptionsNeverContainTheToken() {
    for (int status : new int[] {400, 401, 403, 404, 429, 500, 503}) {
      server.enqueue(status, Fixtures.error(10000, "Authentication error"));
    }
    server.enqueue(Reply.text(502, "text/html", "<html>bad gateway</html>"));
    server.enqueue(200, Fixtures.NOT_FOUND_1142); // success: false
    var client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build().v1();

    List<Throwable> thrown = new ArrayList<>();
    IntStream.range(0, 9).forEach(i -> thrown.add(apiException(() -> client.list(ZONE))));

    assertThat(thrown).allSatisfy(RedactionTest::assertNoSecret);
  }

  @Test
  void transportExceptionsNeverContainTheToken() {
    server.enqueue(Reply.text(200, "text/plain", "Unauthorized")); // not JSON
    server.enqueue(200, "{\"success\":true}"); // no result
    var client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build().v1();
    var refused =
        OriginCloudRegions.builder()
            .baseUrl(RecordingServer.refusingBaseUrl())
            .apiToken(TOKEN)
            .retryPolicy(Fixtures.fastRetries(2))
            .build().v1();

    List<Throwable> thrown =
        List.of(
            transportException(() -> client.list(ZONE)),
            transportException(() -> client.list(ZONE)),
            transportException(() -> refused.bulkDelete(ZONE, List.of("192.0.2.1"))));

    assertThat(thrown).allSatisfy(RedactionTest::assertNoSecret);
  }

  @Test
  void aTimeoutNeverContainsTheKey() {
    server.dispatch(
        request -> {
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Reply.json(200, Fixtures.LIST_EMPTY);
        });
    var client =
        Fixtures.clientOf(server)
            .emailAndKey("user@example.com", KEY)
            .readTimeout(Duration.ofMillis(50))
            .retryPolicy(RetryPolicy.NONE)
            .build().v1();

    assertNoSecret(transportException(() -> client.get(ZONE, "192.0.2.1")));
  }

  @Test
  void batchAbortedExceptionsNeverContainTheToken() {
    server.enqueue(200, Fixtures.BATCH_DELETE_200);
    server.enqueue(403, Fixtures.error(10000, "Authentication error"));
    var client = Fixtures.clientOf(server).build().v1();
    List<String> ips = IntStream.range(0, 150).mapToObj(i -> "192.0.2." + (i % 250)).toList();

    BatchAbortedException e = thrown(BatchAbortedException.class, () -> client.bulkDeleteAll(ZONE, ips));

    assertNoSecret(e);
  }

  @Test
  void builderErrorsNeverContainTheSecret() {
    String almost = TOKEN + "\n";
    assertThatThrownBy(() -> OriginCloudRegions.builder().apiToken(almost))
        .satisfies(RedactionTest::assertNoSecret);
    assertThatThrownBy(() -> OriginCloudRegions.builder().emailAndKey("user@example.com", KEY + " "))
        .satisfies(RedactionTest::assertNoSecret);
  }

  @Test
  void aServerMessageThatEchoesTheTokenIsQuotedAsSentAndTheClientAddsNothing() {
    server.dispatch(
        request ->
            Reply.json(403, Fixtures.error(10000, "Authentication error for " + request.header("authorization"))));
    var client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build().v1();

    ApiException e = apiException(() -> client.list(ZONE));

    assertThat(e.errors()).containsExactly(new ApiError(10000, "Authentication error for Bearer " + TOKEN));
    assertThat(e).hasMessage("list: HTTP 403 [10000 Authentication error for Bearer " + TOKEN + "]");
    assertThat(printed(e).split(TOKEN, -1)).as("occurrences of the token + 1").hasSize(2);
  }

  /** No credential in the exception's printed stack trace (every cause's toString included). */
  private static void assertNoSecret(Throwable e) {
    assertThat(printed(e)).doesNotContain(TOKEN).doesNotContain(KEY);
  }

  private static String printed(Throwable e) {
    var out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
