package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.ErrorMappingTest.transportException;
import static dev.origincloudregions.sdk.Fixtures.SUPPORTED_REGIONS_200;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.V2_BATCH_PUT_200;
import static dev.origincloudregions.sdk.Fixtures.V2_DELETED_200;
import static dev.origincloudregions.sdk.Fixtures.V2_LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.V2_LIST_TWO;
import static dev.origincloudregions.sdk.Fixtures.V2_SINGLE_200;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static dev.origincloudregions.sdk.Fixtures.example;
import static dev.origincloudregions.sdk.ResponseDecodingTest.DOCUMENTED_BATCH_ITEMS;
import static dev.origincloudregions.sdk.ResponseDecodingTest.DOCUMENTED_MAPPING;
import static dev.origincloudregions.sdk.ResponseDecodingTest.MARCH_1_NOON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every documented v2 example response (cloudflare-api-notes.md sections 4.8 to 4.14) decodes into the
 * records, field by field, and every documented v2 error example into an {@link ApiException} with its
 * status, code and message; the v2 shapes' unknown fields and missing parts are handled as v1's. The
 * documented v2 bodies hold the same mapping and batch items as the v1 ones, so the expected values are
 * {@link ResponseDecodingTest}'s.
 */
class V2ResponseDecodingTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("VL1: the documented empty list decodes to an empty page with total_pages 0")
  void decodesTheDocumentedEmptyList() {
    server.enqueue(200, V2_LIST_EMPTY);

    assertThat(client.listPage(ZONE, 1, 20)).isEqualTo(new MappingPage(List.of(), 1, 20, 0, 0));
  }

  @Test
  @DisplayName("VL1, VK1: the documented two-mapping page decodes with each mapping's own modified_on")
  void decodesTheDocumentedTwoMappingPage() {
    server.enqueue(200, V2_LIST_TWO);

    MappingPage page = client.listPage(ZONE, 1, 20);

    assertThat(page.mappings())
        .containsExactly(
            DOCUMENTED_MAPPING,
            new Mapping("2001:db8::1", "gcp", "us-central1", OffsetDateTime.parse("2026-03-01T12:30:00Z")));
    assertThat(page).extracting(MappingPage::page, MappingPage::perPage, MappingPage::totalCount, MappingPage::totalPages)
        .containsExactly(1, 20, 2, 1);
  }

  @Test
  @DisplayName("VL1: iterating over the documented two-mapping page yields both and stops (total_pages 1)")
  void theListIteratesOverTheDocumentedPage() {
    server.enqueue(200, V2_LIST_TWO);

    assertThat(client.list(ZONE).stream().map(Mapping::originIp)).containsExactly("192.0.2.1", "2001:db8::1");
    assertThat(server.takeAll()).hasSize(1);
  }

  @Test
  @DisplayName("VG1: the documented get response decodes to the mapping, origin_ip included")
  void decodesTheDocumentedGetResponse() {
    server.enqueue(200, V2_SINGLE_200);

    assertThat(client.get(ZONE, "192.0.2.1")).isEqualTo(DOCUMENTED_MAPPING);
  }

  @Test
  @DisplayName("VP1: the documented put response decodes to the mapping as stored")
  void decodesTheDocumentedPutResponse() {
    server.enqueue(200, example("v2-put-200.json"));

    assertThat(client.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1"))).isEqualTo(DOCUMENTED_MAPPING);
  }

  @Test
  @DisplayName("VG1: the documented delete response decodes to the deleted IP")
  void decodesTheDocumentedDeleteResponse() {
    server.enqueue(200, V2_DELETED_200);

    assertThat(client.delete(ZONE, "192.0.2.1")).isEqualTo("192.0.2.1");
  }

  @Test
  @DisplayName("VBU1: the documented batch put response decodes item by item, without modifiedOn")
  void decodesTheDocumentedBatchPutResponse() {
    server.enqueue(200, V2_BATCH_PUT_200);

    BatchResult result =
        client.bulkPut(
            ZONE,
            List.of(
                MappingRequest.of("192.0.2.1", "aws", "us-east-1"),
                MappingRequest.of("2001:db8::1", "gcp", "us-central1")));

    assertThat(result).isEqualTo(new BatchResult(null, DOCUMENTED_BATCH_ITEMS, List.of()));
    assertThat(result.allSucceeded()).isTrue();
  }

  @Test
  @DisplayName("VBD1: the documented batch delete response decodes item by item, without modifiedOn")
  void decodesTheDocumentedBatchDeleteResponse() {
    server.enqueue(200, V2_BATCH_DELETE_200);

    assertThat(client.bulkDelete(ZONE, List.of("192.0.2.1", "2001:db8::1")))
        .isEqualTo(new BatchResult(null, DOCUMENTED_BATCH_ITEMS, List.of()));
  }

  @Test
  @DisplayName("S1: the documented supported_regions response, the same in both families, decodes from the v2 path")
  void decodesTheDocumentedSupportedRegions() {
    server.enqueue(200, SUPPORTED_REGIONS_200);

    SupportedRegions regions = client.supportedRegions(ZONE);

    assertThat(regions.obtainedCodes()).isTrue();
    assertThat(regions.vendors().keySet()).containsExactly("aws", "gcp");
    assertThat(regions.vendors().get("aws"))
        .containsExactly(new Region("us-east-1", List.of("IAD", "EWR")), new Region("us-west-2", List.of("SEA")));
    assertThat(regions.vendors().get("gcp")).containsExactly(new Region("us-central1", List.of("ORD")));
  }

  /** Each documented v2 error example, answered with the status Cloudflare documents for it. */
  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "v2-list-400-1146-invalid-pagination.json | 400 | listPage         | 1146 | invalid per_page parameter, must be between 1 and 100",
        "v2-get-404-1142-not-found.json          | 404 | get              | 1142 | Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.",
        "v2-get-404-1142-not-found.json          | 404 | delete           | 1142 | Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.",
        "v2-put-400-1146-ip-mismatch.json        | 400 | put              | 1146 | body origin_ip does not match URL",
        "v2-put-400-1157-invalid-vendor-region.json | 400 | put           | 1157 | The vendor provided doesn't exist or the region provided does not exist for the specified cloud vendor",
        "v2-put-403-1164-too-many-mappings.json  | 403 | put              | 1164 | Maximum number of IP mappings configured for zone.",
        "v2-put-403-1164-too-many-mappings.json  | 403 | bulkPut          | 1164 | Maximum number of IP mappings configured for zone.",
      })
  @DisplayName("E1, VL1, VG1, VP1: a documented v2 error becomes an ApiException with its status, code and message")
  void decodesEachDocumentedErrorIntoAnApiException(String file, int status, String operation, int code, String message) {
    server.enqueue(status, example(file));

    ApiException e = apiException(operation(operation));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.errors()).containsExactly(new ApiError(code, message));
    assertThat(e).hasMessage(operation + ": HTTP " + status + " [" + code + " " + message + "]");
  }

  private ThrowingCallable operation(String name) {
    return switch (name) {
      case "listPage" -> () -> client.listPage(ZONE, 1, 20);
      case "get" -> () -> client.get(ZONE, "192.0.2.9");
      case "delete" -> () -> client.delete(ZONE, "192.0.2.9");
      case "put" -> () -> client.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1"));
      case "bulkPut" -> () -> client.bulkPut(ZONE, List.of(MappingRequest.of("192.0.2.1", "aws", "us-east-1")));
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Test
  @DisplayName("VBD1, BD5, BD6: failed v2 items carry their error and no vendor or region")
  void decodesFailedItems() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"result":{"failed":[{"origin_ip":"not-an-ip","error":"invalid IP address"},
         {"origin_ip":"192.0.2.7","error":"not found"}],"succeeded":[]},"success":true}
        """);

    BatchResult result = client.bulkDelete(ZONE, List.of("not-an-ip", "192.0.2.7"));

    assertThat(result)
        .isEqualTo(
            new BatchResult(
                null,
                List.of(),
                List.of(
                    new BatchItem("not-an-ip", null, null, "invalid IP address"),
                    new BatchItem("192.0.2.7", null, null, "not found"))));
    assertThat(result.allSucceeded()).isFalse();
  }

  @Test
  void unknownFieldsAndVendorsInV2AnswersAreIgnoredOrKeptAsSent() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"trace":"x",
         "result":[{"origin_ip":"192.0.2.1","vendor":"ibm","region":"us-south","modified_on":"2026-03-01T12:00:00Z","tags":["a"]}],
         "result_info":{"count":1,"page":1,"per_page":20,"total_count":1,"total_pages":1,"cursor":"abc"}}
        """);
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"origin_ip":"192.0.2.1","extra":{"a":1}},"result_info":null}
        """);

    assertThat(client.listPage(ZONE, 1, 20).mappings())
        .containsExactly(new Mapping("192.0.2.1", "ibm", "us-south", MARCH_1_NOON));
    assertThat(client.delete(ZONE, "192.0.2.1")).isEqualTo("192.0.2.1");
  }

  @Test
  @DisplayName("E1: a v2 answer without a part the record needs is a TransportException naming the part")
  void answersWithoutARequiredPartAreTransportExceptions() {
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":[]}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":[],\"result_info\":{\"page\":1,\"per_page\":20,\"count\":0,\"total_count\":0}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"origin_ip\":\"192.0.2.1\",\"region\":\"us-east-1\"}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"succeeded\":[]}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"succeeded\":[{\"vendor\":\"aws\"}],\"failed\":[]}}");
    server.enqueue(200, "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"editable\":true,\"value\":[]}}");
    server.enqueue(200, example("v2-get-200.json").replace("\"origin_ip\"", "\"origin-ip\""));

    assertThat(transportException(() -> client.listPage(ZONE, 1, 20))).hasMessage("listPage: unreadable response: MalformedResponse: the response has no 'result_info'");
    assertThat(transportException(() -> client.list(ZONE).iterator().hasNext())).hasMessageContaining("'result_info.total_pages'").hasMessageStartingWith("list page 1: ");
    assertThat(transportException(() -> client.delete(ZONE, "192.0.2.1"))).hasMessageContaining("'result.origin_ip'");
    assertThat(transportException(() -> client.put(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1")))).hasMessageContaining("'vendor'");
    assertThat(transportException(() -> client.bulkDelete(ZONE, List.of()))).hasMessageContaining("'result.failed'");
    assertThat(transportException(() -> client.bulkPut(ZONE, List.of()))).hasMessageContaining("'origin_ip'");
    assertThat(transportException(() -> client.get(ZONE, "192.0.2.1"))).hasMessageStartingWith("get: unreadable response");
    assertThat(transportException(() -> client.get(ZONE, "192.0.2.1")))
        .as("VK1: v1's key in a v2 answer").hasMessageContaining("'origin_ip'");
  }

  @Test
  @DisplayName("E1: a v2 answer with success false is an ApiException, also with status 200")
  void successFalseIsAnApiException() {
    server.enqueue(200, example("v2-get-404-1142-not-found.json"));

    ApiException e = apiException(() -> client.get(ZONE, "192.0.2.1"));

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.hasCode(1142)).isTrue();
  }
}
