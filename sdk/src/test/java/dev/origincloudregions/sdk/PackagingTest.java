package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void everyDependencyBlockOfTheReadmesHasTheSdksCoordinates() throws IOException {
    Pattern xml = Pattern.compile("(?s)```xml\n(.*?)```");
    List<String> blocks = new ArrayList<>();
    for (Path readme : List.of(Path.of("../README.md"), Path.of("README.md"))) {
      Matcher m = xml.matcher(Files.readString(readme));
      while (m.find()) {
        blocks.add(m.group(1));
      }
    }
    assertThat(blocks).as("the root README shows the coordinates").isNotEmpty();
    assertThat(blocks).allSatisfy(block -> assertThat(block).isEqualTo("""
        <dependency>
          <groupId>dev.origincloudregions</groupId>
          <artifactId>origin-cloud-regions-sdk</artifactId>
          <version>%s</version>
        </dependency>
        """.formatted(System.getProperty("sdk.version"))));
  }
}
