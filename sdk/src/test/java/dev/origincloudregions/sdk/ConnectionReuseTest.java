package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One client keeps one connection for sequential calls, whatever the answers. Before the SDK read
 * every answer whole, about one call in 40 closed its connection (the body stream was closed before
 * the JDK client had seen its end) and the next call paid for a new one.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class ConnectionReuseTest {
  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sequentialCallsShareOneConnection() {
    server.dispatch(
        request ->
            request.method().equals("GET")
                ? Reply.json(404, Fixtures.NOT_FOUND_1142)
                : EchoBatches.answer(request));
    var client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build().v1();
    List<String> ips = BatchTest.ips(100);

    for (int i = 0; i < 300; i++) {
      if (i % 10 == 9) {
        ErrorMappingTest.apiException(() -> client.get(ZONE, "192.0.2.1"));
      } else {
        client.bulkDelete(ZONE, ips);
      }
    }

    List<Recorded> requests = server.takeAll();
    assertThat(requests).hasSize(300);
    assertThat(requests.stream().map(Recorded::remotePort).collect(Collectors.toSet()))
        .as("client ports, one per connection")
        .hasSize(1);
  }
}
