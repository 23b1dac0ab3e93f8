package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

/** What every request of either family carries on the wire: its headers and its exact body bytes. */
final class WireAssertions {
  private WireAssertions() {}

  /** Headers every request carries, besides Host and Content-Length, which the JDK client adds. */
  static final Set<String> BASE_HEADERS = Set.of("accept", "authorization", "user-agent");

  /** The headers of a request without a body: no Content-Type, nothing in the body. */
  static void assertBodyless(RecordingServer.Recorded request) {
    assertCommonHeaders(request);
    assertThat(headerNames(request)).isEqualTo(new TreeSet<>(BASE_HEADERS));
    assertThat(request.body()).isEmpty();
  }

  /** The headers and exact body bytes of a JSON request; no field is ever sent as null. */
  static void assertJsonBody(RecordingServer.Recorded request, String json) {
    assertCommonHeaders(request);
    var expected = new TreeSet<>(BASE_HEADERS);
    expected.add("content-type");
    assertThat(headerNames(request)).isEqualTo(expected);
    assertThat(request.headers("content-type")).containsExactly("application/json");
    assertThat(request.bodyText()).isEqualTo(json).doesNotContain("null");
    assertThat(request.headers("content-length")).containsExactly(String.valueOf(request.body().length));
  }

  private static void assertCommonHeaders(RecordingServer.Recorded request) {
    assertThat(request.headers("authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(request.headers("accept")).containsExactly("application/json");
    assertThat(request.headers("user-agent"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("origin-cloud-regions-java/\\S+ Java/\\S+");
    assertThat(request.headers()).doesNotContainKeys("x-auth-email", "x-auth-key", "upgrade");
  }

  /** Header names the client chose: without Host and Content-Length, which the JDK client adds. */
  private static Set<String> headerNames(RecordingServer.Recorded request) {
    var names = new TreeSet<>(request.headers().keySet());
    names.remove("host");
    names.remove("content-length");
    return names;
  }
}
