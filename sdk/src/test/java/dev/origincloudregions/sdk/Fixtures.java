package dev.origincloudregions.sdk;

import java.time.Duration;

/**
 * Shared test data: Cloudflare's documented v1 example responses, verbatim from the API reference
 * (see cloudflare-api-notes.md section 4), and a client wired to a {@link RecordingServer}.
 */
final class Fixtures {
  private Fixtures() {}

  /** Cloudflare's example zone id. */
  static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

  /** A token that must never show up anywhere but in the Authorization header. */
  static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

  static final String PATH = "/client/v4/zones/" + ZONE + "/cache/origin_cloud_regions";

  // ---- Section 4, v1 family: the documented 200 examples, byte for byte. ----

  /** 4.1 GET list, empty zone. */
  static final String LIST_EMPTY =
      "{\"errors\":[],\"messages\":[],\"result\":{\"editable\":true,\"id\":\"origin_public_cloud_region\",\"modified_on\":null,\"value\":[]},\"success\":true}";

  /** 4.2 POST create 200; 4.4 GET single and 4.5 DELETE single document the same body. */
  static final String SINGLE_200 =
      "{\"errors\":[],\"messages\":[],\"result\":{\"editable\":true,\"id\":\"origin_public_cloud_region\",\"modified_on\":\"2026-03-01T12:00:00Z\",\"value\":{\"modified_on\":\"2026-03-01T12:00:00Z\",\"origin-ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"}},\"success\":true}";

  /** 4.3 PATCH upsert 200: the whole list after the change. */
  static final String UPSERT_200 =
      "{\"errors\":[],\"messages\":[],\"result\":{\"editable\":true,\"id\":\"origin_public_cloud_region\",\"modified_on\":\"2026-03-01T12:00:00Z\",\"value\":[{\"modified_on\":\"2026-03-01T12:00:00Z\",\"origin-ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"},{\"modified_on\":\"2026-03-01T12:00:00Z\",\"origin-ip\":\"2001:db8::1\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}]},\"success\":true}";

  /** 4.6 PATCH batch 200. */
  static final String BATCH_UPSERT_200 =
      "{\"errors\":[],\"messages\":[],\"result\":{\"editable\":true,\"id\":\"origin_public_cloud_region\",\"modified_on\":\"2026-03-01T12:00:00Z\",\"value\":{\"failed\":[],\"succeeded\":[{\"origin-ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"},{\"origin-ip\":\"2001:db8::1\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}]}},\"success\":true}";

  /** 4.7 DELETE batch 200. */
  static final String BATCH_DELETE_200 =
      "{\"errors\":[],\"messages\":[],\"result\":{\"editable\":true,\"id\":\"origin_public_cloud_region\",\"modified_on\":\"2026-03-01T12:00:00Z\",\"value\":{\"failed\":[],\"succeeded\":[{\"origin-ip\":\"192.0.2.1\",\"region\":\"us-east-1\",\"vendor\":\"aws\"},{\"origin-ip\":\"2001:db8::1\",\"region\":\"us-central1\",\"vendor\":\"gcp\"}]}},\"success\":true}";

  /** 4.8 supported_regions 200. */
  static final String SUPPORTED_REGIONS_200 =
      "{\"errors\":[],\"messages\":[],\"result\":{\"obtained_codes\":true,\"vendors\":{\"aws\":[{\"name\":\"us-east-1\",\"upper_tier_colos\":[\"IAD\",\"EWR\"]},{\"name\":\"us-west-2\",\"upper_tier_colos\":[\"SEA\"]}],\"gcp\":[{\"name\":\"us-central1\",\"upper_tier_colos\":[\"ORD\"]}]}},\"success\":true}";

  // ---- Documented error bodies. ----

  /** 4.4 / 4.5 not found. */
  static final String NOT_FOUND_1142 =
      "{\"errors\":[{\"code\":1142,\"message\":\"Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.\"}],\"messages\":[],\"result\":null,\"success\":false}";

  /** 4.2 already exists. */
  static final String EXISTS_1145 =
      "{\"errors\":[{\"code\":1145,\"message\":\"Unable to create new origin_public_cloud_region setting. The zone setting already exists.\"}],\"messages\":[],\"result\":null,\"success\":false}";

  /** 4.3 zone limit. */
  static final String TOO_MANY_1164 =
      "{\"errors\":[{\"code\":1164,\"message\":\"Maximum number of IP mappings configured for zone.\"}],\"messages\":[],\"result\":null,\"success\":false}";

  /** 4.7 internal error on batch delete. */
  static final String INTERNAL_1141 =
      "{\"errors\":[{\"code\":1141,\"message\":\"Unable to delete origin_public_cloud_region setting. Internal error.\"}],\"messages\":[],\"result\":null,\"success\":false}";

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
