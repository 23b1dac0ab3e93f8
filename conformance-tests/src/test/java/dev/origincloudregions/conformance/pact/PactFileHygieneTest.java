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
  @DisplayName("VK1: every v2 interaction spells the key origin_ip, never origin-ip, in bodies and rule paths")
  void v2InteractionsUseTheUnderscoreKey() {
    List<JsonNode> v2 = new ArrayList<>();
    PACT.path("interactions").forEach(i -> {
      if (i.at("/request/path").asText().contains("/origin/cloud_regions")) {
        v2.add(i);
      }
    });

    assertThat(v2).as("v2 interactions").hasSizeGreaterThanOrEqualTo(20);
    assertThat(v2).allSatisfy(i -> assertThat(i.toString()).as("'%s'", i.path("description").asText())
        .doesNotContain("origin-ip"));
    // Every answer that names a mapping (an entry, a page of entries, a batch item, a deleted IP) names it origin_ip.
    assertThat(v2).filteredOn(i -> i.at("/response/status").asInt() == 200
            && !i.path("description").asText().contains("supported regions")
            && !i.at("/response/body/content/result").toString().matches(".*\\[\\].*\\[\\].*"))
        .as("v2 answers naming a mapping").hasSizeGreaterThanOrEqualTo(12)
        .allSatisfy(i -> assertThat(i.at("/response/body/content/result").toString())
            .as("the result of '%s'", i.path("description").asText()).contains("\"origin_ip\""));
  }

  @Test
  @DisplayName("every provider state the pact names is one the verifier sets up")
  void everyProviderStateIsKnownToTheVerifier() {
    List<String> known = List.of(PactStates.MAPPINGS_EXIST, PactStates.NO_MAPPING_FOR, PactStates.NO_OTHER_MAPPING,
        PactStates.ZONE_EXISTS, PactStates.NO_CREDENTIALS);
    List<String> named = new ArrayList<>();
    PACT.path("interactions").forEach(i -> i.path("providerStates").forEach(s -> named.add(s.path("name").asText())));

    assertThat(named).as("provider states in the pact").isNotEmpty().allSatisfy(n -> assertThat(known).contains(n));
    assertThat(named).as("every state is used").containsAll(known);
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
