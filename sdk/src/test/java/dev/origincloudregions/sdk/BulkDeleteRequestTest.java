package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class BulkDeleteRequestTest {
  static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
  final RecordingServer server = new RecordingServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsTheIpsAsAJsonArrayBodyOnDelete() {
    server.enqueue(200, """
        {"errors":[],"messages":[],"result":{"editable":true,"id":"origin_public_cloud_region","modified_on":"2026-03-01T12:00:00Z","value":{"failed":[],"succeeded":[{"origin-ip":"192.0.2.1","region":"us-east-1","vendor":"aws"},{"origin-ip":"2001:db8::1","region":"us-central1","vendor":"gcp"}]}},"success":true}
        """);
    var client = OriginCloudRegions.builder().baseUrl(server.baseUrl()).apiToken("tok-123").build().v1();

    BatchResult result = client.bulkDelete(ZONE, List.of("192.0.2.1", "2001:db8::1"));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo("/client/v4/zones/" + ZONE + "/cache/origin_cloud_regions/batch");
    assertThat(request.bodyText()).isEqualTo("[\"192.0.2.1\",\"2001:db8::1\"]");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(result.succeeded()).extracting(BatchItem::originIp).containsExactly("192.0.2.1", "2001:db8::1");
    assertThat(result.succeeded().get(1).vendor()).isEqualTo("gcp");
    assertThat(result.failed()).isEmpty();
    assertThat(result.modifiedOn()).hasToString("2026-03-01T12:00Z");
  }
}
