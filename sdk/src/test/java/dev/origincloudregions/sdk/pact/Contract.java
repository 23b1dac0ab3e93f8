package dev.origincloudregions.sdk.pact;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary of the pact between the SDK (consumer) and any implementation of the API (provider): names,
 * provider states, paths and the response shapes the SDK relies on. docs/pact.md explains each provider state.
 */
final class Contract {
  private Contract() {}

  static final String CONSUMER = "origin-cloud-regions-sdk";
  static final String PROVIDER = "origin-cloud-regions-api";

  /** Cloudflare's example zone; at verification time the path takes the target's zone instead. */
  static final String EXAMPLE_ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

  static final String EXAMPLE_TIME = "2026-03-01T12:00:00Z";

  /**
   * State: these mappings exist. Parameter {@code mappings}: a list of {@code {ip, vendor, region}}. The
   * verifier creates them (batch upsert) and deletes exactly them afterwards.
   */
  static final String MAPPINGS_EXIST = "mappings exist";

  /**
   * State: these IPs have no mapping. Parameter {@code ips}: a list of IP texts. The verifier makes sure none is
   * mapped (and refuses to run when one is, since it would not be its own), and afterwards deletes whatever the
   * interaction created for them.
   */
  static final String NO_MAPPING_FOR = "no mapping exists";

  /** State: a zone the run may use; the verifier only supplies its id. */
  static final String ZONE_EXISTS = "a zone exists";

  /** State: the request carries no credentials. The verifier then adds none. */
  static final String NO_CREDENTIALS = "the request carries no credentials";

  /** A mapping as the provider states and requests spell it. */
  record M(String ip, String vendor, String region) {
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ip", ip);
      m.put("vendor", vendor);
      m.put("region", region);
      return m;
    }
  }

  static PactDslWithState givenMappings(PactDslWithState builder, M... mappings) {
    return builder.given(MAPPINGS_EXIST, Map.of("mappings", asMaps(mappings)));
  }

  static Map<String, Object> mappingsParam(M... mappings) {
    return Map.of("mappings", asMaps(mappings));
  }

  static Map<String, Object> ipsParam(String... ips) {
    return Map.of("ips", List.of(ips));
  }

  private static List<Map<String, Object>> asMaps(M... mappings) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (M m : mappings) {
      list.add(m.asMap());
    }
    return list;
  }

  /**
   * The path below {@code /zones/{zone_id}/cache/origin_cloud_regions}, with the zone injected from the provider
   * state's {@code zoneId} at verification time. Paths are relative to the API's base URL (no
   * {@code /client/v4}), as in the OpenAPI spec, so one pact fits any base path.
   */
  static PactDslRequestWithPath path(au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath request, String suffix) {
    return request.pathFromProviderState(
        "/zones/${zoneId}/cache/origin_cloud_regions" + suffix,
        "/zones/" + EXAMPLE_ZONE + "/cache/origin_cloud_regions" + suffix);
  }

  /** A successful envelope (E1) around {@code result}. */
  static DslPart success(Consumer<LambdaDslObject> result) {
    return bracketKeys(newJsonBody(o -> {
      o.booleanValue("success", true);
      o.array("errors", a -> {}); // exactly empty on success
      o.minArrayLike("messages", 0, 0, Contract::message);
      o.object("result", result);
    }).build());
  }

  /** A refused request (E1): {@code success: false}, one error with exactly this code, {@code result: null}. */
  static DslPart failure(int code, String exampleMessage) {
    return bracketKeys(newJsonBody(o -> {
      o.booleanValue("success", false);
      o.array("errors", a -> a.object(e -> {
        e.numberValue("code", code);
        e.stringMatcher("message", ".*\\S.*", exampleMessage);
      }));
      o.minArrayLike("messages", 0, 0, Contract::message);
      o.nullValue("result");
    }).build());
  }

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DOT_KEY = Pattern.compile("\\.([^.\\[\\]]+)");

  /**
   * Rewrites the body's matching-rule paths so that every key that is not a plain identifier is in bracket
   * notation: {@code $.result.value['origin-ip']}, not {@code $.result.value.origin-ip}. Pact JVM's DSL leaves
   * the hyphen bare, which Pact JVM itself reads, but matching-rule paths are JSONPath-like and other Pact
   * implementations may split or refuse such a key; brackets are unambiguous everywhere.
   */
  static DslPart bracketKeys(DslPart body) {
    MatchingRuleCategory rules = body.getMatchers();
    Map<String, MatchingRuleGroup> rewritten = new LinkedHashMap<>();
    rules.getMatchingRules().forEach((path, group) -> rewritten.put(bracketed(path), group));
    rules.setMatchingRules(rewritten);
    return body;
  }

  static String bracketed(String path) {
    Matcher m = DOT_KEY.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      boolean plain = key.equals("*") || PLAIN_KEY.matcher(key).matches();
      m.appendReplacement(out, Matcher.quoteReplacement(plain ? "." + key : "['" + key + "']"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * An item of {@code messages}: any object. The array is usually empty, and Pact refuses example values in a
   * template of zero examples.
   */
  private static void message(LambdaDslObject m) {}

  /** The fields every result object has: {@code id}, {@code editable}. */
  static void resultHeader(LambdaDslObject r) {
    r.stringValue("id", "origin_public_cloud_region");
    r.booleanType("editable", true);
  }

  static void modifiedOn(LambdaDslObject r) {
    r.stringMatcher("modified_on", IpPatterns.RFC3339_UTC, EXAMPLE_TIME);
  }

  /**
   * A mapping whose values the provider state fixes: the canonical IP, vendor and region exactly, and a
   * timestamp.
   */
  static Consumer<LambdaDslObject> exactMapping(String canonicalIp, String vendor, String region) {
    return v -> {
      v.stringValue("origin-ip", canonicalIp);
      v.stringValue("vendor", vendor);
      v.stringValue("region", region);
      modifiedOn(v);
    };
  }

  /**
   * A list of mappings (M1) that may hold mappings the pact did not create. The example shows the given
   * mappings as they are; the rules ({@link #withMappingListRules}) accept any mapping of the right shape: a
   * canonical-shaped IP, a known vendor, a region string and a timestamp.
   *
   * <p>Not {@code arrayContaining}: in Pact JVM 4.7.5 it accepted a list that held neither of its variants, nor
   * even the key {@code origin-ip} (see docs/pact.md).
   */
  static void mappingList(LambdaDslObject r, M... examples) {
    r.array("value", a -> {
      for (M m : examples) {
        a.object(v -> {
          v.stringValue("origin-ip", m.ip());
          v.stringValue("vendor", m.vendor());
          v.stringValue("region", m.region());
          v.stringValue("modified_on", EXAMPLE_TIME);
        });
      }
    });
  }

  /**
   * The rules of a {@link #mappingList} at {@code $.result.value}, added to the finished body (the lambda DSL
   * cannot express "these examples, but any items of this shape"): at least {@code min} items.
   */
  static DslPart withMappingListRules(int min, DslPart body) {
    MatchingRuleCategory rules = body.getMatchers();
    rules.addRule("$.result.value", new MinTypeMatcher(min));
    rules.addRule("$.result.value[*]['origin-ip']", new RegexMatcher(IpPatterns.IP_CANONICAL_SHAPE));
    rules.addRule("$.result.value[*].vendor", new RegexMatcher("^(?:aws|azure|gcp|oci)$"));
    rules.addRule("$.result.value[*].region", TypeMatcher.INSTANCE);
    rules.addRule("$.result.value[*].modified_on", new RegexMatcher(IpPatterns.RFC3339_UTC));
    return body;
  }

  /** A succeeded batch item (BD5): exactly the canonical IP, vendor and region. */
  static Consumer<LambdaDslObject> succeeded(String canonicalIp, String vendor, String region) {
    return i -> {
      i.stringValue("origin-ip", canonicalIp);
      i.stringValue("vendor", vendor);
      i.stringValue("region", region);
    };
  }

  /** A failed batch item (BD5, BD6): the IP as the contract says, and a non-empty error text. */
  static Consumer<LambdaDslObject> failed(String originIp, String exampleError) {
    return i -> {
      i.stringValue("origin-ip", originIp);
      i.stringMatcher("error", ".*\\S.*", exampleError);
    };
  }
}
