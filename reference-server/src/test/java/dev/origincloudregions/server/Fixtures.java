package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionRequest;
import feign.FeignException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small helpers shared by the API tests. */
final class Fixtures {
  private Fixtures() {}

  /** The n-th documentation address in 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (n < 768). */
  static String docIpv4(int n) {
    int block = n / 256;
    String prefix = block == 0 ? "192.0.2." : block == 1 ? "198.51.100." : "203.0.113.";
    return prefix + (n % 256);
  }

  /** The n-th documentation IPv6 address, in canonical form. */
  static String docIpv6(int n) {
    return "2001:db8::" + Integer.toHexString(n + 1);
  }

  static CacheRulesOriginCloudRegionRequest request(String ip, String vendor, String region) {
    return new CacheRulesOriginCloudRegionRequest().ip(ip).vendor(vendor).region(region);
  }

  /** A JSON batch upsert body mapping every IP to aws/us-east-1. */
  static String upsertBody(List<String> ips) {
    List<String> items = new ArrayList<>();
    for (String ip : ips) {
      items.add("{\"ip\":\"" + ip + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  /** A JSON array of strings. */
  static String jsonStrings(List<String> values) {
    try {
      return RawHttp.JSON.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an SDK call that must fail with an HTTP error; returns the failure. */
  static FeignException sdkFailure(ThrowingCallable call) {
    FeignException failure = catchThrowableOfType(FeignException.class, call);
    assertThat(failure).as("the SDK call must fail with an HTTP error").isNotNull();
    return failure;
  }

  /** The first error code of an SDK failure's envelope. */
  static int errorCode(FeignException failure) {
    try {
      JsonNode envelope = RawHttp.JSON.readTree(failure.contentUTF8());
      assertThat(envelope.path("success").asBoolean(true)).isFalse();
      assertThat(envelope.path("result").isNull()).as("result is null in %s", envelope).isTrue();
      return envelope.path("errors").path(0).path("code").asInt();
    } catch (IOException e) {
      throw new AssertionError("error body is not JSON: " + failure.contentUTF8(), e);
    }
  }
}
