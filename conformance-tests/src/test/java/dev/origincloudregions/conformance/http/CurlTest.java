package dev.origincloudregions.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures come with a curl command that replays them, with credentials as shell expressions of a variable. */
class CurlTest {
  static Exchange exchange(List<Map.Entry<String, String>> headers, byte[] body) {
    return new Exchange("DELETE", "http://127.0.0.1:1/client/v4/zones/z/cache/origin_cloud_regions/batch", headers,
        body, false, 400, Map.of(), new byte[0], null, null, null);
  }

  @Test
  void theTokenIsAnEnvironmentVariableToExport() {
    TargetCredentials c = TargetCredentials.token("s3cr3t-T0KEN-Zq8v");
    String curl = Curl.of(exchange(c.headers(), "[\"192.0.2.1\"]".getBytes(StandardCharsets.UTF_8)), c);
    assertThat(curl).doesNotContain("s3cr3t-T0KEN")
        .startsWith("# export CLOUDFLARE_API_TOKEN=... first (the value given to --token)\n")
        .contains("-H \"Authorization: Bearer ${CLOUDFLARE_API_TOKEN}\"")
        .contains("-X DELETE")
        .contains("--data-binary '[\"192.0.2.1\"]'");
  }

  @Test
  void aWrongCredentialIsAShellExpressionOfTheVariable() {
    TargetCredentials c = TargetCredentials.token("s3cr3t-longer-Zq8v");
    String minusLast = Curl.of(exchange(List.of(Map.entry("Authorization", "Bearer "
        + TargetCredentials.Placeholder.TOKEN_MINUS_LAST.text)), null), c);
    assertThat(minusLast).contains("\"Authorization: Bearer ${CLOUDFLARE_API_TOKEN%?}\"");
    String basic = Curl.of(exchange(List.of(Map.entry("Authorization", "Basic "
        + TargetCredentials.Placeholder.TOKEN_BASIC.text)), null), c);
    assertThat(basic).contains("Basic $(printf 'conformance:%s' \"$CLOUDFLARE_API_TOKEN\" | base64 | tr -d '\\n')");
    assertThat(c.resolve("Bearer " + TargetCredentials.Placeholder.TOKEN_MINUS_LAST.text))
        .isEqualTo("Bearer s3cr3t-longer-Zq8");
  }

  @Test
  void quotesBinaryBodiesByteForByte() {
    TargetCredentials c = TargetCredentials.token("t");
    String curl = Curl.of(exchange(List.of(), new byte[] {'[', '"', (byte) 0xff, '\'', '"', ']'}), c);
    assertThat(curl).contains("--data-binary $'[\"\\xff\\x27\"]'");
  }

  @Test
  void producesLargeBodiesWithAPipeline() {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(Curl.of(exchange(List.of(), big), TargetCredentials.token("t")))
        .startsWith("head -c 2097152 /dev/zero | tr '\\0' ' ' | curl").contains("--data-binary @-");
  }
}
