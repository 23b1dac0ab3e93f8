package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.sdk.ApiError;
import dev.origincloudregions.sdk.ApiException;
import dev.origincloudregions.sdk.MappingRequest;
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

  static MappingRequest request(String ip, String vendor, String region) {
    return MappingRequest.of(ip, vendor, region);
  }

  /** A JSON batch upsert body mapping every IP to aws/us-east-1. */
  static String upsertBody(List<String> ips) {
    List<String> items = new ArrayList<>();
    for (String ip : ips) {
      items.add("{\"ip\":\"" + ip + "\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  /** A JSON v2 batch put body mapping every IP to aws/us-east-1. */
  static String v2PutBody(List<String> ips) {
    return v2PutBody(ips, "aws", "us-east-1");
  }

  /** A JSON v2 batch put body mapping every IP to one vendor and region. */
  static String v2PutBody(List<String> ips, String vendor, String region) {
    List<String> items = new ArrayList<>();
    for (String ip : ips) {
      items.add(v2Entry(ip, vendor, region));
    }
    return "[" + String.join(",", items) + "]";
  }

  /** A v2 request object: {@code {"origin_ip", "vendor", "region"}}. */
  static String v2Entry(String ip, String vendor, String region) {
    return "{\"origin_ip\":\"" + ip + "\",\"vendor\":\"" + vendor + "\",\"region\":\"" + region + "\"}";
  }

  /** {@code count} distinct documentation addresses (canonical), IPv4 and IPv6 interleaved, not in list order. */
  static List<String> docIps(int count) {
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ips.add(i % 2 == 0 && i / 2 < 768 ? docIpv4(i / 2) : docIpv6(i));
    }
    return ips;
  }

  /** The field names of a JSON object, in order. */
  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A JSON array of strings. */
  static String jsonStrings(List<String> values) {
    try {
      return RawHttp.JSON.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an SDK call that the server must refuse; returns the SDK's exception. */
  static ApiException sdkFailure(ThrowingCallable call) {
    ApiException failure = catchThrowableOfType(ApiException.class, call);
    assertThat(failure).as("the SDK call must fail with an API error").isNotNull();
    return failure;
  }

  /** The one error code of a refusal. */
  static int errorCode(ApiException failure) {
    assertThat(failure.errors()).as("errors of %s", failure).hasSize(1);
    ApiError error = failure.errors().get(0);
    assertThat(error.message()).isNotBlank();
    return error.code();
  }
}
