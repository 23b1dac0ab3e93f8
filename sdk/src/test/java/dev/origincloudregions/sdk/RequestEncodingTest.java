package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.BATCH_UPSERT_200;
import static dev.origincloudregions.sdk.Fixtures.LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.PATH;
import static dev.origincloudregions.sdk.Fixtures.SINGLE_200;
import static dev.origincloudregions.sdk.Fixtures.SUPPORTED_REGIONS_200;
import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static dev.origincloudregions.sdk.Fixtures.UPSERT_200;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static dev.origincloudregions.sdk.WireAssertions.assertBodyless;
import static dev.origincloudregions.sdk.WireAssertions.assertJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact request of every operation, as a real server receives it: method, raw path, headers and
 * body bytes.
 *
 * <p>Path encoding, as observed on the wire: Feign percent-encodes every character of a path value
 * outside RFC 3986's unreserved set, so {@code 2001:db8::1} is sent as {@code 2001%3Adb8%3A%3A1}, which
 * any server decodes back to the address before routing. Values that would change the path itself
 * ({@code /}, {@code ?}, {@code #}, {@code %}, {@code \}, whitespace, {@code .} and {@code ..}) are
 * refused before anything is sent.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class RequestEncodingTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegionsV1 client = Fixtures.clientOf(server).build().v1();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listSendsAGetWithTheTokenAndNoBody() {
    server.enqueue(200, LIST_EMPTY);

    client.list(ZONE);

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo(PATH);
    assertBodyless(request);
  }

  @Test
  void createPostsTheMappingAsJsonWithTheKeyIp() {
    server.enqueue(200, SINGLE_200);

    client.create(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1"));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo(PATH);
    assertJsonBody(request, "{\"ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"}");
  }

  @Test
  void upsertPatchesTheMappingAsJson() {
    server.enqueue(200, UPSERT_200);

    client.upsert(ZONE, MappingRequest.of("2001:db8::1", "gcp", "us-central1"));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.rawPath()).isEqualTo(PATH);
    assertJsonBody(request, "{\"ip\":\"2001:db8::1\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}");
  }

  @Test
  void getSendsTheIpAsOnePathSegment() {
    server.enqueue(200, SINGLE_200);

    client.get(ZONE, "192.0.2.1");

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo(PATH + "/192.0.2.1");
    assertBodyless(request);
  }

  @Test
  void deleteSendsTheIpAsOnePathSegmentAndNoBody() {
    server.enqueue(200, SINGLE_200);

    client.delete(ZONE, "192.0.2.1");

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo(PATH + "/192.0.2.1");
    assertBodyless(request);
  }

  @Test
  @DisplayName("BU1: bulkUpsert patches a JSON array of {ip, region, vendor} to /batch")
  void bulkUpsertPatchesAJsonArrayOfMappings() {
    server.enqueue(200, BATCH_UPSERT_200);

    client.bulkUpsert(
        ZONE,
        List.of(
            MappingRequest.of("192.0.2.1", "aws", "us-east-1"),
            MappingRequest.of("2001:db8::1", "gcp", "us-central1")));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.rawPath()).isEqualTo(PATH + "/batch");
    // Cloudflare's documented request example, byte for byte.
    assertJsonBody(
        request,
        "[{\"ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"},{\"ip\":\"2001:db8::1\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}]");
  }

  @Test
  @DisplayName("BD1: bulkDelete sends a JSON array of IP strings as the body of a DELETE to /batch")
  void bulkDeleteSendsAJsonArrayOfIpsAsTheDeleteBody() {
    server.enqueue(200, BATCH_DELETE_200);

    client.bulkDelete(ZONE, List.of("192.0.2.1", "2001:db8::1"));

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo(PATH + "/batch");
    assertJsonBody(request, "[\"192.0.2.1\",\"2001:db8::1\"]");
  }

  @Test
  @DisplayName("BD9: an empty bulkDelete still sends the empty array")
  void emptyBulkDeleteSendsAnEmptyArray() {
    server.enqueue(200, BATCH_DELETE_200);

    client.bulkDelete(ZONE, List.of());

    assertJsonBody(server.takeRequest(), "[]");
  }

  @Test
  void bulkDeleteSendsAnyItemTextAsEscapedUtf8Json() {
    server.enqueue(200, BATCH_DELETE_200);

    client.bulkDelete(ZONE, List.of("not-an-ip", "quote\"back\\slash", "ünï €"));

    var request = server.takeRequest();
    assertThat(request.body())
        .isEqualTo("[\"not-an-ip\",\"quote\\\"back\\\\slash\",\"ünï €\"]".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void supportedRegionsSendsAGetToItsOwnPath() {
    server.enqueue(200, SUPPORTED_REGIONS_200);

    client.supportedRegions(ZONE);

    var request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo(PATH + "/supported_regions");
    assertBodyless(request);
  }

  @Test
  @DisplayName("A1: email and key are sent as X-Auth-Email and X-Auth-Key, without Authorization")
  void emailAndKeyAreSentAsTheTwoLegacyHeaders() {
    server.enqueue(200, LIST_EMPTY);
    var legacy =
        Fixtures.clientOf(server).emailAndKey("user@example.com", "144c9defac04969c7bfad8efaa8ea194").build().v1();

    legacy.list(ZONE);

    var request = server.takeRequest();
    assertThat(request.headers("x-auth-email")).containsExactly("user@example.com");
    assertThat(request.headers("x-auth-key")).containsExactly("144c9defac04969c7bfad8efaa8ea194");
    assertThat(request.headers()).doesNotContainKey("authorization");
  }

  @Test
  @DisplayName("A2: noCredentials sends no authentication header at all")
  void noCredentialsSendsNoAuthenticationHeader() {
    server.enqueue(200, LIST_EMPTY);

    Fixtures.clientOf(server).noCredentials().build().v1().list(ZONE);

    assertThat(server.takeRequest().headers())
        .doesNotContainKeys("authorization", "x-auth-email", "x-auth-key");
  }

  @Test
  void theDefaultUserAgentNamesTheSdkAndTheJavaVersion() {
    server.enqueue(200, LIST_EMPTY);

    client.list(ZONE);

    assertThat(server.takeRequest().headers("user-agent"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("origin-cloud-regions-java/\\S+ Java/\\S+");
  }

  @Test
  void aCustomUserAgentReplacesTheDefault() {
    server.enqueue(200, LIST_EMPTY);

    Fixtures.clientOf(server).userAgent("conformance-kit/1.0 (+ci)").build().v1().list(ZONE);

    assertThat(server.takeRequest().headers("user-agent")).containsExactly("conformance-kit/1.0 (+ci)");
  }

  @Test
  void aTrailingSlashOnTheBaseUrlDoesNotDoubleTheSlash() {
    server.enqueue(200, LIST_EMPTY);

    Fixtures.clientOf(server).baseUrl(server.baseUrl() + "/").build().v1().list(ZONE);

    assertThat(server.takeRequest().rawPath()).isEqualTo(PATH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "::ffff:192.0.2.1", "2001:DB8:0:0::1", "fe80::1"})
  @DisplayName("G1: an IPv6 path value is percent-encoded and reaches the server as the same text")
  void ipv6PathValuesArePercentEncodedAndDecodeBackToTheAddress(String ip) {
    server.enqueue(200, SINGLE_200);
    server.enqueue(200, SINGLE_200);

    client.get(ZONE, ip);
    client.delete(ZONE, ip);

    for (var request : List.of(server.takeRequest(), server.takeRequest())) {
      assertThat(request.rawPath()).isEqualTo(PATH + "/" + ip.replace(":", "%3A"));
      assertThat(request.path()).isEqualTo(PATH + "/" + ip);
    }
  }

  @Test
  void reservedCharactersThatAreNotSeparatorsAreEncodedNotRefused() {
    server.enqueue(200, SINGLE_200);

    // Not an IP; the server answers 400 (code 1146) for it. The client only makes sure it stays one
    // path segment.
    client.get(ZONE, "[::1];a+b|{c}");

    var request = server.takeRequest();
    assertThat(request.rawPath()).isEqualTo(PATH + "/%5B%3A%3A1%5D%3Ba%2Bb%7C%7Bc%7D");
    assertThat(request.path()).isEqualTo(PATH + "/[::1];a+b|{c}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.0/24", "192.0.2.1?x=1", "192.0.2.1#frag", "fe80::1%eth0", "%2F", "a\\b", "192.0.2.1 ",
        "a\tb", "é", ".", "..", ""
      })
  void pathValuesThatWouldChangeThePathAreRefusedBeforeSending(String ip) {
    assertThatThrownBy(() -> client.get(ZONE, ip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got '" + ip + "'");
    assertThatThrownBy(() -> client.delete(ZONE, ip)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.list(ip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zoneId");
    assertThatThrownBy(() -> client.bulkDelete(ip, List.of("192.0.2.1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requestCount()).as("requests sent").isZero();
  }

  @Test
  void nullArgumentsAreRefusedBeforeSendingWithTheirName() {
    assertThatThrownBy(() -> client.get(ZONE, null)).hasMessage("ip == null");
    assertThatThrownBy(() -> client.list(null)).hasMessage("zoneId == null");
    assertThatThrownBy(() -> client.create(ZONE, null)).hasMessage("request == null");
    assertThatThrownBy(() -> client.bulkDelete(ZONE, null)).hasMessage("IPs == null");
    assertThatThrownBy(() -> client.bulkDeleteAll(ZONE, null)).hasMessage("ips == null");
    assertThatThrownBy(() -> client.bulkUpsertAll(ZONE, null)).hasMessage("items == null");
    assertThatThrownBy(() -> client.bulkDelete(ZONE, java.util.Arrays.asList("192.0.2.1", null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MappingRequest.of("192.0.2.1", null, "us-east-1")).hasMessage("vendor == null");
    assertThat(server.requestCount()).as("requests sent").isZero();
  }
}
