package dev.origincloudregions.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Shared test data: Cloudflare's documented example responses of both families, verbatim from the API
 * reference (see cloudflare-api-notes.md section 4), and a client wired to a {@link RecordingServer}.
 */
final class Fixtures {
  private Fixtures() {}

  /** Cloudflare's example zone id. */
  static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

  /** A token that must never show up anywhere but in the Authorization header. */
  static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

  /** The v1 collection path, as the server receives it. */
  static final String PATH = "/client/v4/zones/" + ZONE + "/cache/origin_cloud_regions";

  /** The v2 collection path, as the server receives it. */
  static final String V2_PATH = "/client/v4/zones/" + ZONE + "/origin/cloud_regions";

  // ---- Cloudflare's documented v1 bodies (cloudflare-api-notes.md section 4), read from the verbatim
  // copies in src/test/resources/cloudflare-examples, which CloudflareExamplesTest also reads. ----

  /** 4.1 GET list, empty zone. */
  static final String LIST_EMPTY = example("list-empty-200.json");

  /** 4.2 POST create 200; 4.4 GET single and 4.5 DELETE single document the same body. */
  static final String SINGLE_200 = example("create-200.json");

  /** 4.3 PATCH upsert 200: the whole list after the change. */
  static final String UPSERT_200 = example("upsert-200.json");

  /** 4.6 PATCH batch 200. */
  static final String BATCH_UPSERT_200 = example("batch-upsert-200.json");

  /** 4.7 DELETE batch 200. */
  static final String BATCH_DELETE_200 = example("batch-delete-200.json");

  /** 4.8 supported_regions 200. */
  static final String SUPPORTED_REGIONS_200 = example("supported-regions-200.json");

  /** 4.4 / 4.5 not found. */
  static final String NOT_FOUND_1142 = example("get-404-1142-not-found.json");

  /** 4.2 already exists. */
  static final String EXISTS_1145 = example("create-400-1145-already-exists.json");

  /** 4.3 zone limit. */
  static final String TOO_MANY_1164 = example("upsert-403-1164-too-many-mappings.json");

  /** 4.7 internal error on batch delete. */
  static final String INTERNAL_1141 = example("batch-delete-5xx-1141-internal-error.json");

  // ---- Cloudflare's documented v2 bodies (cloudflare-api-notes.md sections 4.9 to 4.14). ----

  /** 4.9 GET list, empty zone. */
  static final String V2_LIST_EMPTY = example("v2-list-empty-200.json");

  /** 4.9 GET list, two mappings on one page. */
  static final String V2_LIST_TWO = example("v2-list-two-mappings-200.json");

  /** 4.10 GET single 200; 4.11 PUT documents the same body. */
  static final String V2_SINGLE_200 = example("v2-get-200.json");

  /** 4.12 DELETE single 200: the deleted IP. */
  static final String V2_DELETED_200 = example("v2-delete-200.json");

  /** 4.13 PUT batch 200. */
  static final String V2_BATCH_PUT_200 = example("v2-batch-put-200.json");

  /** 4.14 DELETE batch 200. */
  static final String V2_BATCH_DELETE_200 = example("v2-batch-delete-200.json");

  /** One documented body, as stored (without the file's final line break). */
  static String example(String file) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/cloudflare-examples/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource cloudflare-examples/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An error envelope with one error. */
  static String error(int code, String message) {
    return "{\"errors\":[{\"code\":" + code + ",\"message\":\"" + message
        + "\"}],\"messages\":[],\"result\":null,\"success\":false}";
  }

  /** Retries without noticeable waits: 1 ms initial backoff, at most 4 ms. */
  static RetryPolicy fastRetries(int maxAttempts) {
    return RetryPolicy.builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(4))
        .build();
  }

  /** A client of {@code server} with the test token, fast retries and a short read timeout. */
  static OriginCloudRegions.Builder clientOf(RecordingServer server) {
    return OriginCloudRegions.builder()
        .baseUrl(server.baseUrl())
        .apiToken(TOKEN)
        .retryPolicy(fastRetries(3))
        .readTimeout(Duration.ofSeconds(5));
  }
}
