package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.SUPPORTED_REGIONS_200;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_PUT_200;
import static dev.origincloudregions.sdk.Fixtures.V2_DELETED_200;
import static dev.origincloudregions.sdk.Fixtures.V2_LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.V2_PATH;
import static dev.origincloudregions.sdk.Fixtures.V2_SINGLE_200;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static dev.origincloudregions.sdk.WireAssertions.assertBodyless;
import static dev.origincloudregions.sdk.WireAssertions.assertJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact request of every v2 operation, as a real server receives it: method, raw path, query,
 * headers and body bytes. Every body uses the key {@code origin_ip} (VK1).
 */
class V2RequestEncodingTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("VP1: put sends PUT /{ip} with the body {origin_ip, region, vendor}, Cloudflare's example byte for byte")
  void putSendsThePathIpAndTheBodyWithOriginIp() {
    server.enqueue(200, V2_SINGLE_200);

    client.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1"));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/192.0.2.1");
    assertThat(request.rawQuery()).isNull();
    assertJsonBody(request, "{\"origin_ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "2001:DB8:0:0::1", "::ffff:192.0.2.1", "fe80::1"})
  @DisplayName("VP1: put of an IPv6 address percent-encodes the path and sends the same text in the body")
  void putOfAnIpv6AddressEncodesThePathAndKeepsTheBodyText(String ip) {
    server.enqueue(200, V2_SINGLE_200);

    client.put(ZONE, MappingRequest.of(ip, "gcp", "us-central1"));

    var request = server.takeRequest();
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/" + ip.replace(":", "%3A"));
    assertThat(request.path()).isEqualTo(V2_PATH + "/" + ip);
    assertJsonBody(request, "{\"origin_ip\":\"" + ip + "\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}");
  }

  @Test
  void getSendsTheIpAsOnePathSegmentAndNoBody() {
    server.enqueue(200, V2_SINGLE_200);

    client.get(ZONE, "192.0.2.1");

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/192.0.2.1");
    assertThat(request.rawQuery()).isNull();
    assertBodyless(request);
  }

  @Test
  void deleteSendsTheIpAsOnePathSegmentAndNoBody() {
    server.enqueue(200, V2_DELETED_200);

    client.delete(ZONE, "192.0.2.1");

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/192.0.2.1");
    assertBodyless(request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "::ffff:192.0.2.1", "2001:DB8:0:0::1", "::"})
  @DisplayName("VG1: an IPv6 path value of get and delete is percent-encoded and reaches the server as the same text")
  void ipv6PathValuesArePercentEncoded(String ip) {
    server.enqueue(200, V2_SINGLE_200);
    server.enqueue(200, V2_DELETED_200);

    client.get(ZONE, ip);
    client.delete(ZONE, ip);

    for (var request : List.of(server.takeRequest(), server.takeRequest())) {
      assertThat(request.rawPath()).isEqualTo(V2_PATH + "/" + ip.replace(":", "%3A"));
      assertThat(request.path()).isEqualTo(V2_PATH + "/" + ip);
    }
  }

  @Test
  @DisplayName("VL1: listPage sends GET with page and per_page in the query, and no body")
  void listPageSendsPageAndPerPage() {
    server.enqueue(200, V2_LIST_EMPTY);

    client.listPage(ZONE, 3, 25);

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo(V2_PATH);
    assertThat(request.rawQuery()).isEqualTo("page=3&per_page=25");
    assertBodyless(request);
  }

  @Test
  @DisplayName("VL1: list asks for page 1 with the largest page size, 100, unless told otherwise")
  void listAsksForPageOneOfOneHundredByDefault() {
    server.enqueue(200, V2_LIST_EMPTY);
    server.enqueue(200, V2_LIST_EMPTY);

    assertThat(client.list(ZONE).iterator().hasNext()).isFalse();
    assertThat(client.list(ZONE, 7).stream().toList()).isEmpty();

    assertThat(server.takeAll())
        .extracting(RecordingServer.Recorded::rawQuery)
        .containsExactly("page=1&per_page=100", "page=1&per_page=7");
  }

  @Test
  @DisplayName("VBU1: bulkPut sends PUT /batch with a JSON array of {origin_ip, region, vendor}")
  void bulkPutSendsAnArrayOfV2Requests() {
    server.enqueue(200, V2_BATCH_PUT_200);

    client.bulkPut(
        ZONE,
        List.of(
            MappingRequest.of("192.0.2.1", "aws", "us-east-1"),
            MappingRequest.of("2001:db8::1", "gcp", "us-central1")));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/batch");
    // Cloudflare's documented request example (notes 4.13), byte for byte.
    assertJsonBody(
        request,
        "[{\"origin_ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"},"
            + "{\"origin_ip\":\"2001:db8::1\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}]");
  }

  @Test
  @DisplayName("VBD1: bulkDelete sends DELETE /batch with the IPs as a JSON array of strings, unlike the official SDKs")
  void bulkDeleteSendsTheIpsAsTheDeleteBody() {
    server.enqueue(200, V2_BATCH_DELETE_200);

    client.bulkDelete(ZONE, List.of("192.0.2.1", "2001:db8::1"));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/batch");
    assertJsonBody(request, "[\"192.0.2.1\",\"2001:db8::1\"]");
  }

  @Test
  @DisplayName("VBD1, BD9: an empty bulkDelete still sends the empty array; an empty bulkPut too")
  void emptyBatchesSendAnEmptyArray() {
    server.enqueue(200, V2_BATCH_DELETE_200);
    server.enqueue(200, V2_BATCH_PUT_200);

    client.bulkDelete(ZONE, List.of());
    client.bulkPut(ZONE, List.of());

    assertJsonBody(server.takeRequest(), "[]");
    assertJsonBody(server.takeRequest(), "[]");
  }

  @Test
  void supportedRegionsSendsAGetToTheV2Path() {
    server.enqueue(200, SUPPORTED_REGIONS_200);

    client.supportedRegions(ZONE);

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo(V2_PATH + "/supported_regions");
    assertBodyless(request);
  }

  @Test
  @DisplayName("A1: email and key reach v2 requests as X-Auth-Email and X-Auth-Key, without Authorization")
  void emailAndKeyAreSentOnV2Requests() {
    server.enqueue(200, V2_BATCH_DELETE_200);

    Fixtures.clientOf(server)
        .emailAndKey("user@example.com", "144c9defac04969c7bfad8efaa8ea194")
        .userAgent("conformance-kit/1.0")
        .build()
        .bulkDelete(ZONE, List.of("192.0.2.1"));

    var request = server.takeRequest();
    assertThat(request.headers("x-auth-email")).containsExactly("user@example.com");
    assertThat(request.headers("x-auth-key")).containsExactly("144c9defac04969c7bfad8efaa8ea194");
    assertThat(request.headers("user-agent")).containsExactly("conformance-kit/1.0");
    assertThat(request.headers()).doesNotContainKey("authorization");
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.0/24", "192.0.2.1?x=1", "192.0.2.1#frag", "fe80::1%eth0", "a\\b", " 192.0.2.1", ".", "..", ""})
  void pathValuesThatWouldChangeThePathAreRefusedBeforeSending(String ip) {
    assertThatThrownBy(() -> client.get(ZONE, ip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got '" + ip + "'");
    assertThatThrownBy(() -> client.delete(ZONE, ip)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.put(ZONE, MappingRequest.of(ip, "aws", "us-east-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.list(ip)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zoneId");
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
  @DisplayName("VL1: a page size outside 1 to 100 is refused before sending")
  void pageSizesOutsideOneToOneHundredAreRefused(int perPage) {
    assertThatThrownBy(() -> client.list(ZONE, perPage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perPage must be between 1 and 100, got " + perPage);
    assertThatThrownBy(() -> client.listPage(ZONE, 1, perPage)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  @DisplayName("VL1: a page number below 1 is refused before sending")
  void pageNumbersBelowOneAreRefused(int page) {
    assertThatThrownBy(() -> client.listPage(ZONE, page, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be 1 or more, got " + page);
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @Test
  void nullArgumentsAreRefusedBeforeSendingWithTheirName() {
    assertThatThrownBy(() -> client.put(ZONE, null)).hasMessage("request == null");
    assertThatThrownBy(() -> client.get(ZONE, null)).hasMessage("ip == null");
    assertThatThrownBy(() -> client.delete(null, "192.0.2.1")).hasMessage("zoneId == null");
    assertThatThrownBy(() -> client.list(null)).hasMessage("zoneId == null");
    assertThatThrownBy(() -> client.bulkPut(ZONE, null)).hasMessage("items == null");
    assertThatThrownBy(() -> client.bulkDelete(ZONE, null)).hasMessage("IPs == null");
    assertThatThrownBy(() -> client.bulkPutAll(ZONE, null)).hasMessage("items == null");
    assertThatThrownBy(() -> client.bulkDeleteAll(ZONE, null)).hasMessage("ips == null");
    assertThatThrownBy(() -> client.bulkDeleteAll(ZONE, List.of("192.0.2.1"), null)).hasMessage("listener == null");
    assertThatThrownBy(() -> client.bulkPut(ZONE, java.util.Arrays.asList(MappingRequest.of("192.0.2.1", "aws", "x"), null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(server.requestCount()).as("requests sent").isZero();
  }
}
