package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version users see on the wire: the project's own, not a placeholder (PackagingIT checks the jars). */
class PackagingTest {
  @Test
  void theUserAgentNamesTheRealVersion() {
    String version = System.getProperty("sdk.version");
    assertThat(version).as("surefire passes the project version").isNotBlank();
    try (var server = new RecordingServer()) {
      server.enqueue(200, Fixtures.V2_LIST_EMPTY);
      Fixtures.clientOf(server).build().listPage(Fixtures.ZONE, 1, 20);

      assertThat(server.takeRequest().header("user-agent"))
          .isEqualTo("origin-cloud-regions-java/" + version + " Java/" + System.getProperty("java.version"));
    }
  }
}
