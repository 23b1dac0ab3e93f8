package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures come with a curl command that replays them and never prints the credential. */
class CurlTest {
  static Exchange exchange(List<Map.Entry<String, String>> headers, byte[] body) {
    return new Exchange("DELETE", "http://127.0.0.1:1/client/v4/zones/z/cache/origin_cloud_regions/batch", headers,
        body, false, 400, Map.of(), new byte[0], null, null, null);
  }

  @Test
  void replacesTheTokenWithTheEnvironmentVariable() {
    Credentials c = Credentials.token("s3cr3t-T0KEN");
    String curl = Curl.of(exchange(c.headers(), "[\"192.0.2.1\"]".getBytes(StandardCharsets.UTF_8)), c);
    assertThat(curl).doesNotContain("s3cr3t-T0KEN")
        .contains("-H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\"")
        .contains("-X DELETE")
        .contains("--data-binary '[\"192.0.2.1\"]'");
  }

  @Test
  void scrubsTheSecretInsideAWrongCredentialToo() {
    Credentials c = Credentials.token("s3cr3t-longer");
    String curl = Curl.of(exchange(List.of(Map.entry("Authorization", "Bearer s3cr3t-longerx")), null), c);
    assertThat(curl).doesNotContain("s3cr3t-longer").contains("Bearer $CLOUDFLARE_API_TOKENx");
  }

  @Test
  void quotesBinaryBodiesByteForByte() {
    Credentials c = Credentials.token("t");
    String curl = Curl.of(exchange(List.of(), new byte[] {'[', '"', (byte) 0xff, '\'', '"', ']'}), c);
    assertThat(curl).contains("--data-binary $'[\"\\xff\\x27\"]'");
  }

  @Test
  void producesLargeBodiesWithAPipeline() {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(Curl.of(exchange(List.of(), big), Credentials.token("t")))
        .startsWith("head -c 2097152 /dev/zero | tr '\\0' ' ' | curl").contains("--data-binary @-");
  }
}
