package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.BATCH_DELETE_200;
import static dev.origincloudregions.sdk.Fixtures.BATCH_UPSERT_200;
import static dev.origincloudregions.sdk.Fixtures.LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.SINGLE_200;
import static dev.origincloudregions.sdk.Fixtures.SUPPORTED_REGIONS_200;
import static dev.origincloudregions.sdk.Fixtures.UPSERT_200;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every documented v1 example response decodes into the records, field by field; unknown fields and
 * values do not break decoding.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
class ResponseDecodingTest {
  static final OffsetDateTime MARCH_1_NOON = OffsetDateTime.parse("2026-03-01T12:00:00Z");

  /** The mapping that {@link Fixtures#SINGLE_200} documents (create, get and delete answer the same shape). */
  static final Mapping DOCUMENTED_MAPPING = new Mapping("192.0.2.1", "aws", "us-east-1", MARCH_1_NOON);

  /**
   * The applied items that both documented batch answers hold, {@link Fixtures#BATCH_UPSERT_200} and
   * {@link Fixtures#BATCH_DELETE_200}.
   */
  static final List<BatchItem> DOCUMENTED_BATCH_ITEMS = List.of(
      new BatchItem("192.0.2.1", "aws", "us-east-1", null),
      new BatchItem("2001:db8::1", "gcp", "us-central1", null));

  final RecordingServer server = new RecordingServer();
  final OriginCloudRegionsV1 client = Fixtures.clientOf(server).build().v1();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("L1: the documented empty list decodes to no mappings and a null modifiedOn")
  void decodesTheDocumentedEmptyList() {
    server.enqueue(200, LIST_EMPTY);

    MappingList list = client.list(ZONE);

    assertThat(list.modifiedOn()).isNull();
    assertThat(list.mappings()).isEmpty();
  }

  @Test
  @DisplayName("M1: the documented create response decodes to the mapping, origin-ip included")
  void decodesTheDocumentedCreateResponse() {
    server.enqueue(200, SINGLE_200);

    Mapping created = client.create(ZONE, MappingRequest.of("192.0.2.1", "aws", "us-east-1"));

    assertThat(created).isEqualTo(DOCUMENTED_MAPPING);
  }

  @Test
  void decodesTheDocumentedGetResponse() {
    server.enqueue(200, SINGLE_200);

    assertThat(client.get(ZONE, "192.0.2.1")).isEqualTo(DOCUMENTED_MAPPING);
  }

  @Test
  @DisplayName("G2: the documented delete response decodes to the removed mapping")
  void decodesTheDocumentedDeleteResponse() {
    server.enqueue(200, SINGLE_200);

    assertThat(client.delete(ZONE, "192.0.2.1")).isEqualTo(DOCUMENTED_MAPPING);
  }

  @Test
  @DisplayName("U1: the documented upsert response decodes to the whole list, in the server's order")
  void decodesTheDocumentedUpsertResponse() {
    server.enqueue(200, UPSERT_200);

    MappingList list = client.upsert(ZONE, MappingRequest.of("2001:db8::1", "gcp", "us-central1"));

    assertThat(list.modifiedOn()).isEqualTo(MARCH_1_NOON);
    assertThat(list.mappings())
        .containsExactly(
            new Mapping("192.0.2.1", "aws", "us-east-1", MARCH_1_NOON),
            new Mapping("2001:db8::1", "gcp", "us-central1", MARCH_1_NOON));
  }

  @Test
  @DisplayName("BU2: the documented batch upsert response decodes item by item")
  void decodesTheDocumentedBatchUpsertResponse() {
    server.enqueue(200, BATCH_UPSERT_200);

    BatchResult result =
        client.bulkUpsert(
            ZONE,
            List.of(
                MappingRequest.of("192.0.2.1", "aws", "us-east-1"),
                MappingRequest.of("2001:db8::1", "gcp", "us-central1")));

    assertThat(result.modifiedOn()).isEqualTo(MARCH_1_NOON);
    assertThat(result.succeeded()).containsExactlyElementsOf(DOCUMENTED_BATCH_ITEMS);
    assertThat(result.failed()).isEmpty();
    assertThat(result.allSucceeded()).isTrue();
  }

  @Test
  @DisplayName("BD5: the documented batch delete response decodes item by item")
  void decodesTheDocumentedBatchDeleteResponse() {
    server.enqueue(200, BATCH_DELETE_200);

    BatchResult result = client.bulkDelete(ZONE, List.of("192.0.2.1", "2001:db8::1"));

    assertThat(result.modifiedOn()).isEqualTo(MARCH_1_NOON);
    assertThat(result.succeeded()).containsExactlyElementsOf(DOCUMENTED_BATCH_ITEMS);
    assertThat(result.failed()).isEmpty();
  }

  @Test
  @DisplayName("BD5, BD6, BD7: failed items carry their error and no vendor or region; nothing applied means a null modifiedOn")
  void decodesFailedItemsAndANullModifiedOn() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"result":{"editable":true,"id":"origin_public_cloud_region","modified_on":null,
         "value":{"failed":[{"origin-ip":"not-an-ip","error":"invalid IP address"},
                            {"origin-ip":"192.0.2.7","error":"not found"}],"succeeded":[]}},"success":true}
        """);

    BatchResult result = client.bulkDelete(ZONE, List.of("not-an-ip", "192.0.2.7"));

    assertThat(result.modifiedOn()).isNull();
    assertThat(result.succeeded()).isEmpty();
    assertThat(result.failed())
        .containsExactly(
            new BatchItem("not-an-ip", null, null, "invalid IP address"),
            new BatchItem("192.0.2.7", null, null, "not found"));
    assertThat(result.allSucceeded()).isFalse();
  }

  @Test
  @DisplayName("S1: the documented supported_regions response decodes vendor by vendor, in order")
  void decodesTheDocumentedSupportedRegions() {
    server.enqueue(200, SUPPORTED_REGIONS_200);

    SupportedRegions regions = client.supportedRegions(ZONE);

    assertThat(regions.obtainedCodes()).isTrue();
    assertThat(regions.vendors()).containsOnlyKeys("aws", "gcp");
    assertThat(regions.vendors().keySet()).containsExactly("aws", "gcp");
    assertThat(regions.vendors().get("aws"))
        .containsExactly(
            new Region("us-east-1", List.of("IAD", "EWR")), new Region("us-west-2", List.of("SEA")));
    assertThat(regions.vendors().get("gcp")).containsExactly(new Region("us-central1", List.of("ORD")));
    assertThat(regions.supports("aws", "us-west-2")).isTrue();
    assertThat(regions.supports("aws", "us-central1")).isFalse();
    assertThat(regions.supports("azure", "eastus")).isFalse();
  }

  @Test
  void supportedRegionsWithoutColoCodesDecodeToEmptyLists() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"result":{"obtained_codes":false,"vendors":{"oci":[{"name":"us-ashburn-1"},
         {"name":"eu-frankfurt-1","upper_tier_colos":[]}]}},"success":true}
        """);

    SupportedRegions regions = client.supportedRegions(ZONE);

    assertThat(regions.obtainedCodes()).isFalse();
    assertThat(regions.vendors().get("oci"))
        .containsExactly(new Region("us-ashburn-1", List.of()), new Region("eu-frankfurt-1", List.of()));
  }

  // ---- Tolerant reading. ----

  @Test
  void unknownFieldsAtEveryLevelAreIgnored() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[{"code":1000,"message":"note","documentation_url":"https://x","source":{"pointer":"/x"},"new":1}],
         "result":{"editable":true,"id":"origin_public_cloud_region","modified_on":"2026-03-01T12:00:00Z",
           "value":{"modified_on":"2026-03-01T12:00:00Z","origin-ip":"192.0.2.1","region":"us-east-1","vendor":"aws",
                    "tags":["a"],"nested":{"deep":[1,2,{"x":null}]}},
           "future_flag":true},
         "success":true,"result_info":{"count":1},"trace":"abc"}
        """);

    assertThat(client.get(ZONE, "192.0.2.1")).isEqualTo(DOCUMENTED_MAPPING);
  }

  @Test
  void unknownFieldsInBatchItemsAndSupportedRegionsAreIgnored() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"origin_public_cloud_region","x":1,
         "modified_on":"2026-03-01T12:00:00Z","value":{"failed":[{"origin-ip":"bad","error":"invalid IP address","hint":"x"}],
         "succeeded":[{"origin-ip":"192.0.2.1","region":"us-east-1","vendor":"aws","previous":{"a":1}}],"skipped":[]}}}
        """);
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"obtained_codes":true,"generated_at":"now",
         "vendors":{"aws":[{"name":"us-east-1","upper_tier_colos":["IAD"],"display_name":"N. Virginia"}]}}}
        """);

    assertThat(client.bulkDelete(ZONE, List.of("192.0.2.1", "bad")))
        .isEqualTo(
            new BatchResult(
                MARCH_1_NOON,
                List.of(new BatchItem("192.0.2.1", "aws", "us-east-1", null)),
                List.of(new BatchItem("bad", null, null, "invalid IP address"))));
    assertThat(client.supportedRegions(ZONE).vendors())
        .containsExactly(org.assertj.core.api.Assertions.entry("aws", List.of(new Region("us-east-1", List.of("IAD")))));
  }

  @Test
  void anUnknownResultIdDoesNotBreakDecoding() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":false,"id":"something_new",
         "modified_on":"2026-03-01T12:00:00Z","value":[]}}
        """);
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"something_new",
         "modified_on":null,"value":{"failed":[],"succeeded":[]}}}
        """);

    assertThat(client.list(ZONE)).isEqualTo(new MappingList(MARCH_1_NOON, List.of()));
    assertThat(client.bulkDelete(ZONE, List.of())).isEqualTo(new BatchResult(null, List.of(), List.of()));
  }

  @Test
  @DisplayName("S1: a vendor the client does not know is kept exactly as the server sent it")
  void anUnknownVendorIsPreservedAsSent() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"origin_public_cloud_region",
         "modified_on":"2026-03-01T12:00:00Z","value":[{"origin-ip":"192.0.2.1","vendor":"ibm","region":"us-south",
         "modified_on":"2026-03-01T12:00:00Z"},{"origin-ip":"192.0.2.2","vendor":"Alibaba-Cloud","region":"cn-hangzhou"}]}}
        """);
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"origin_public_cloud_region",
         "modified_on":"2026-03-01T12:00:00Z","value":{"failed":[],"succeeded":[{"origin-ip":"192.0.2.1","vendor":"ibm","region":"us-south"}]}}}
        """);
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"obtained_codes":true,
         "vendors":{"ibm":[{"name":"us-south","upper_tier_colos":["DFW"]}],"aws":[]}}}
        """);

    assertThat(client.list(ZONE).mappings())
        .containsExactly(
            new Mapping("192.0.2.1", "ibm", "us-south", MARCH_1_NOON),
            new Mapping("192.0.2.2", "Alibaba-Cloud", "cn-hangzhou", null));
    assertThat(client.bulkUpsert(ZONE, List.of(MappingRequest.of("192.0.2.1", "ibm", "us-south"))).succeeded())
        .containsExactly(new BatchItem("192.0.2.1", "ibm", "us-south", null));
    SupportedRegions regions = client.supportedRegions(ZONE);
    assertThat(regions.vendors().keySet()).containsExactly("ibm", "aws");
    assertThat(regions.supports("ibm", "us-south")).isTrue();
  }

  @Test
  void anUnknownVendorIsSentAsGiven() {
    server.enqueue(200, SINGLE_200);

    client.create(ZONE, MappingRequest.of("192.0.2.1", "ibm", "us-south"));

    assertThat(server.takeRequest().bodyText())
        .isEqualTo("{\"ip\":\"192.0.2.1\",\"region\":\"us-south\",\"vendor\":\"ibm\"}");
  }

  // ---- Timestamps. ----

  @Test
  @DisplayName("L1: modified_on null and modified_on absent both decode to null")
  void nullAndAbsentModifiedOnDecodeToNull() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"origin_public_cloud_region",
         "modified_on":null,"value":[{"origin-ip":"192.0.2.1","vendor":"aws","region":"us-east-1","modified_on":null}]}}
        """);
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"origin_public_cloud_region",
         "value":{"origin-ip":"192.0.2.1","vendor":"aws","region":"us-east-1"}}}
        """);

    assertThat(client.list(ZONE))
        .isEqualTo(new MappingList(null, List.of(new Mapping("192.0.2.1", "aws", "us-east-1", null))));
    assertThat(client.get(ZONE, "192.0.2.1").modifiedOn()).isNull();
  }

  /**
   * Timestamps keep their instant and full precision. The SDK decodes them in UTC (Jackson's default
   * of adjusting to the context time zone): an offset the server sends is converted, not kept.
   */
  @Test
  void timestampsWithFractionsAndOffsetsKeepTheirInstantAndPrecisionInUtc() {
    server.enqueue(
        200,
        """
        {"errors":[],"messages":[],"success":true,"result":{"editable":true,"id":"origin_public_cloud_region",
         "modified_on":"2026-03-01T12:00:00.123456789Z",
         "value":[{"origin-ip":"192.0.2.1","vendor":"aws","region":"us-east-1","modified_on":"2026-03-01T12:00:00.5-05:30"},
                  {"origin-ip":"192.0.2.2","vendor":"aws","region":"us-east-1","modified_on":"2026-03-01T14:00:00.000001+02:00"},
                  {"origin-ip":"192.0.2.3","vendor":"aws","region":"us-east-1","modified_on":"2026-03-01T12:00:00.1+00:00"}]}}
        """);

    MappingList list = client.list(ZONE);

    assertThat(list.modifiedOn()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:00:00.123456789Z"));
    assertThat(list.mappings())
        .extracting(Mapping::modifiedOn)
        .containsExactly(
            OffsetDateTime.parse("2026-03-01T17:30:00.5Z"),
            OffsetDateTime.parse("2026-03-01T12:00:00.000001Z"),
            OffsetDateTime.parse("2026-03-01T12:00:00.1Z"));
    assertThat(list.mappings())
        .extracting(m -> m.modifiedOn().getOffset())
        .containsOnly(ZoneOffset.UTC);
  }
}
