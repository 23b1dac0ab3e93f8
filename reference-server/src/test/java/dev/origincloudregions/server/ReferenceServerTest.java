package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedding API: start, base URL, port 0, base path, close; and the seam that test code plants defects through. */
class ReferenceServerTest {

  @Test
  void startsOnAnEphemeralLoopbackPortWithTheDefaultBasePath() {
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { }))) {
      URI base = server.baseUrl();
      assertThat(base.getScheme()).isEqualTo("http");
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
      assertThat(base.getPort()).isPositive().isEqualTo(server.port());
      assertThat(base.getPath()).isEqualTo("/client/v4");
      assertThat(server.token()).isEqualTo("T");
      RawHttp http = new RawHttp(base, "T");
      assertThat(http.get("/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions").status()).isEqualTo(200);
    }
  }

  @Test
  void generatesATokenWhenNoneIsGiven() {
    try (ReferenceServer a = ReferenceServer.start(Options.defaults().requestLog(line -> { }));
        ReferenceServer b = ReferenceServer.start(Options.defaults().requestLog(line -> { }))) {
      assertThat(a.token()).hasSize(40).matches("[A-Za-z0-9_-]+").isNotEqualTo(b.token());
      assertThat(a.port()).isNotEqualTo(b.port());
    }
  }

  @Test
  void servesUnderAnotherBasePathOrAtTheRoot() {
    for (String basePath : List.of("/api/", "/")) {
      try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("T").basePath(basePath).requestLog(line -> { }))) {
        String expected = basePath.equals("/") ? "" : "/api";
        assertThat(server.baseUrl().getPath()).isEqualTo(expected);
        RawHttp http = new RawHttp(server.baseUrl(), "T");
        assertThat(http.get("/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions/supported_regions").status())
            .isEqualTo(200);
        RawHttp root = new RawHttp(URI.create("http://127.0.0.1:" + server.port()), "T", expected);
        assertThat(root.get("/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions").status())
            .as("the default base path is not served when another is set").isEqualTo(404);
      }
    }
  }

  @Test
  void closeFreesThePortAndStopsAnswering() throws IOException {
    ReferenceServer server = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { }));
    int port = server.port();
    server.close();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    try (ReferenceServer again = ReferenceServer.start(Options.defaults().port(port).token("T").requestLog(line -> { }))) {
      assertThat(again.port()).isEqualTo(port);
    }
  }

  @Test
  void aTakenPortFailsWithAClearMessage() {
    try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { }))) {
      assertThatThrownBy(() -> ReferenceServer.start(Options.defaults().port(server.port()).requestLog(line -> { })))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }
  }

  @Test
  void optionsRefuseBadValues() {
    assertThatThrownBy(() -> Options.defaults().port(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.defaults().port(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.defaults().basePath("api")).hasMessageContaining("start with '/'");
    assertThatThrownBy(() -> Options.defaults().basePath("/a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.defaults().basePath("/a//b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.defaults().token("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.defaults().token("has space")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.defaults().host(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Seams: a part made by a ServerParts subclass is the one that answers (BD2's limit becomes 101)")
  void aPartFromServerPartsIsTheOneThatAnswers() {
    String body = Fixtures.jsonStrings(java.util.stream.IntStream.range(0, 101).mapToObj(Fixtures::docIpv4).toList());
    String path = "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions/batch";
    ServerParts offByOne = new ServerParts() {
      @Override
      Bodies bodies() {
        return new Bodies() {
          @Override
          boolean exceedsBatchLimit(int items) {
            return items > MAX_BATCH_ITEMS + 1;
          }
        };
      }
    };
    try (ReferenceServer correct = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { }));
        ReferenceServer standardParts = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { }),
            new ServerParts());
        ReferenceServer planted = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { }), offByOne)) {
      assertThat(new RawHttp(correct.baseUrl(), "T").send("DELETE", path, body).status()).isEqualTo(400);
      assertThat(new RawHttp(standardParts.baseUrl(), "T").send("DELETE", path, body).status()).isEqualTo(400);
      assertThat(new RawHttp(planted.baseUrl(), "T").send("DELETE", path, body).status()).isEqualTo(200);
    }
  }
}
