package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Properties of the committed pact that no single interaction's test sees. */
class PactFileHygieneTest {
  static final JsonNode PACT = PactFiles.read(PactFiles.committed());

  /** A matching-rule path segment written with a dot: {@code .name}. */
  static final Pattern DOT_SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)");

  @Test
  @DisplayName("the pact is a V4 pact between the SDK and the API")
  void isAV4PactBetweenTheSdkAndTheApi() {
    assertThat(PACT.at("/metadata/pactSpecification/version").asText()).isEqualTo("4.0");
    assertThat(PACT.at("/consumer/name").asText()).isEqualTo("origin-cloud-regions-sdk");
    assertThat(PACT.at("/provider/name").asText()).isEqualTo("origin-cloud-regions-api");
  }

  @Test
  @DisplayName("SAFE2: every address the pact names, in states and requests, is a documentation address")
  void namesOnlyDocumentationAddresses() {
    List<String> addresses = new ArrayList<>();
    collectAddresses(PACT.path("interactions"), addresses);

    assertThat(addresses).as("addresses in the pact").hasSizeGreaterThan(100)
        .allSatisfy(ip -> assertThat(Safety.isDocumentation(Address.parse(ip).orElseThrow()))
            .as("%s is a documentation address", ip).isTrue());
  }

  @Test
  @DisplayName("M1: every matching-rule path writes a key that is not a plain identifier in brackets ($['origin-ip'])")
  void hyphenatedKeysAreBracketedInRulePaths() {
    List<String> paths = new ArrayList<>();
    collectRulePaths(PACT, paths);
    List<String> bare = paths.stream().filter(PactFileHygieneTest::hasBareSpecialKey).toList();

    assertThat(hasBareSpecialKey("$.result.value[*].origin-ip")).as("the detector itself").isTrue();
    assertThat(hasBareSpecialKey("$.result.value[*]['origin-ip']")).as("the detector itself").isFalse();
    assertThat(paths).as("rule paths").anyMatch(p -> p.contains("['origin-ip']"));
    assertThat(bare).as("rule paths with a bare key that needs brackets").isEmpty();
  }

  @Test
  @DisplayName("every interaction names the contract rules it covers, and they exist")
  void everyInteractionNamesKnownRules() {
    PACT.path("interactions").forEach(i -> assertThat(PactChecks.rules(i.path("description").asText()))
        .as("rules of '%s'", i.path("description").asText())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(Rules.ALL).containsKey(r)));
  }

  @Test
  @DisplayName("A3: the pact stores no credentials; the verifier injects them per request")
  void storesNoCredentials() {
    PACT.path("interactions").forEach(i -> {
      List<String> headers = new ArrayList<>();
      i.at("/request/headers").fieldNames().forEachRemaining(h -> headers.add(h.toLowerCase(Locale.ROOT)));
      assertThat(headers).as("request headers of '%s'", i.path("description").asText())
          .doesNotContain("authorization", "x-auth-key", "x-auth-email");
    });
    assertThat(PACT.toString()).doesNotContain("pact-consumer-token");
  }

  @Test
  @DisplayName("check names derived from the descriptions are unique")
  void checkNamesAreUnique() {
    List<String> names = PactChecks.all().stream().map(Check::name).toList();

    assertThat(names).doesNotHaveDuplicates().hasSize(PACT.path("interactions").size());
  }

  static boolean hasBareSpecialKey(String path) {
    Matcher m = DOT_SEGMENT.matcher(path);
    while (m.find()) {
      String key = m.group(1);
      if (!key.equals("*") && !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        return true;
      }
    }
    return false;
  }

  private static void collectRulePaths(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getKey().equals("body") && f.getValue().isObject() && !f.getValue().has("content")) {
          f.getValue().fieldNames().forEachRemaining(out::add); // matchingRules.body: path -> rules
        }
        if (f.getKey().equals("rules") && f.getValue().isObject()) {
          f.getValue().fieldNames().forEachRemaining(out::add); // arrayContains variants
        }
        collectRulePaths(f.getValue(), out);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRulePaths(n, out));
    }
  }

  private static void collectAddresses(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      String s = node.asText();
      if (Address.isValid(s)) {
        out.add(s);
      }
      if (s.startsWith("/zones/")) { // a path: its last segment may be an address, percent-encoded
        String last = java.net.URLDecoder.decode(s.substring(s.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
        if (Address.isValid(last)) {
          out.add(last);
        }
      }
    } else {
      node.forEach(n -> collectAddresses(n, out));
    }
  }
}
