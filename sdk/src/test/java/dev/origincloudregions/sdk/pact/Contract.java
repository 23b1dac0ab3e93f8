package dev.origincloudregions.sdk.pact;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArray;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.OriginCloudRegions;
import dev.origincloudregions.sdk.OriginCloudRegionsV1;
import dev.origincloudregions.sdk.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary of the pact between the SDK (consumer) and any implementation of the API (provider): names,
 * provider states, paths, the request bodies the SDK sends and the response shapes it relies on, shared by the
 * consumer tests so that each interaction spells only what sets it apart. docs/pact.md explains each provider
 * state.
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
final class Contract {
  private Contract() {}

  static final String CONSUMER = "origin-cloud-regions-sdk";
  static final String PROVIDER = "origin-cloud-regions-api";

  /** Cloudflare's example zone; at verification time the path takes the target's zone instead. */
  static final String EXAMPLE_ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

  static final String EXAMPLE_TIME = "2026-03-01T12:00:00Z";

  /** {@link #EXAMPLE_TIME} as the SDK reads it. */
  static final OffsetDateTime EXAMPLE_TIMESTAMP = OffsetDateTime.parse(EXAMPLE_TIME);

  /** The bearer token the consumer tests send; the verifier replaces it with the target's credentials. */
  static final String CONSUMER_TOKEN = "pact-consumer-token";

  static final M AWS = new M("192.0.2.1", "aws", "us-east-1");
  static final M GCP = new M("2001:db8::1", "gcp", "us-central1");

  /** The SDK as the consumer tests drive it: against the mock server, with a token, and never retrying. */
  static OriginCloudRegionsV1 client(MockServer server) {
    return OriginCloudRegions.builder()
        .baseUrl(server.getUrl())
        .apiToken(CONSUMER_TOKEN)
        .retryPolicy(RetryPolicy.NONE)
        .build().v1();
  }

  /** The SDK without credentials, against the mock server and never retrying: the auth refusals' client. */
  static OriginCloudRegions anonymous(MockServer server) {
    return OriginCloudRegions.builder()
        .baseUrl(server.getUrl())
        .noCredentials()
        .retryPolicy(RetryPolicy.NONE)
        .build();
  }

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

  /**
   * State: the zone holds no mapping but those the other states create. The verifier cannot remove mappings it did
   * not create (SAFE1), so on a zone that holds others it skips the interaction instead.
   */
  static final String NO_OTHER_MAPPING = "no other mapping exists";

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

    /** The request's fields, {@code {ip, vendor, region}}, as create, upsert and batch upsert send them. */
    void requestFields(LambdaDslObject o) {
      o.stringValue("ip", ip);
      o.stringValue("vendor", vendor);
      o.stringValue("region", region);
    }

    /** The answer's fields: exactly this IP (canonical), vendor and region, with the hyphenated key. */
    void answeredFields(LambdaDslObject o) {
      o.stringValue("origin-ip", ip);
      o.stringValue("vendor", vendor);
      o.stringValue("region", region);
    }
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

  /** A request at {@link #path} with {@code method} and a JSON {@code body}. */
  static PactDslRequestWithPath jsonRequest(PactDslRequestWithoutPath request, String method, String suffix,
      DslPart body) {
    return path(request.method(method), suffix)
        .headers("Content-Type", "application/json")
        .body(body);
  }

  /** The body of create and upsert: one {@code {ip, vendor, region}}. */
  static DslPart mappingBody(M mapping) {
    return newJsonBody(mapping::requestFields).build();
  }

  /** The body of batch upsert: {@code [{ip, vendor, region}, ...]} in this order. */
  static DslPart mappingsBody(M... mappings) {
    return newJsonArray(a -> {
      for (M m : mappings) {
        a.object(m::requestFields);
      }
    }).build();
  }

  /** The body of batch delete: a JSON array of IP texts, in this order. */
  static DslPart ipsBody(List<String> ips) {
    return newJsonArray(a -> ips.forEach(a::stringValue)).build();
  }

  /** A successful envelope (E1) around {@code result}. */
  static DslPart success(Consumer<LambdaDslObject> result) {
    return successEnvelope(o -> o.object("result", result));
  }

  /**
   * A successful envelope (E1) whose result the caller writes, with whatever sits beside it ({@code result_info}
   * of the v2 list).
   */
  static DslPart successEnvelope(Consumer<LambdaDslObject> resultAndMore) {
    return bracketKeys(newJsonBody(o -> {
      o.booleanValue("success", true);
      o.array("errors", a -> {}); // exactly empty on success
      o.minArrayLike("messages", 0, 0, Contract::message);
      resultAndMore.accept(o);
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

  /**
   * Sends a request the SDK would not send (a refusal the provider must give) straight to the mock server, with
   * the consumer's token and, for a body, {@code Content-Type: application/json}.
   */
  static HttpResponse<String> raw(MockServer server, String method, String pathAndQuery, String jsonBody)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + CONSUMER_TOKEN);
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).header("Content-Type", "application/json");
    }
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The code of the one error of a refusal's envelope (E1), after checking that it is one. */
  static int errorCode(HttpResponse<String> response) throws IOException {
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.path("success").asBoolean(true)).as("success in %s", response.body()).isFalse();
    assertThat(body.path("errors")).as("errors in %s", response.body()).hasSize(1);
    return body.path("errors").get(0).path("code").asInt();
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
  static Consumer<LambdaDslObject> exactMapping(M canonical) {
    return v -> {
      canonical.answeredFields(v);
      modifiedOn(v);
    };
  }

  /** A successful answer (E1) holding one mapping (C1, G1): {@link #exactMapping}, under a timestamp. */
  static DslPart mappingResult(M canonical) {
    return success(r -> {
      resultHeader(r);
      modifiedOn(r);
      r.object("value", exactMapping(canonical));
    });
  }

  /**
   * A successful answer (E1) holding a list of mappings (L1, U1, M1): these examples, and at least as many
   * items, for the zone may hold mappings the pact did not create ({@link #mappingList}).
   */
  static DslPart mappingListResult(M... atLeast) {
    return withMappingListRules(atLeast.length, success(r -> {
      resultHeader(r);
      modifiedOn(r);
      mappingList(r, atLeast);
    }));
  }

  /**
   * A list of mappings (M1) that may hold mappings the pact did not create. The example shows the given
   * mappings as they are; the rules ({@link #withMappingListRules}) accept any mapping of the right shape: a
   * canonical-shaped IP, a known vendor, a region string and a timestamp.
   *
   * <p>Not {@code arrayContaining}: in Pact JVM 4.7.5 it accepted a list that held neither of its variants, nor
   * even the key {@code origin-ip} (see docs/pact.md).
   */
  private static void mappingList(LambdaDslObject r, M... examples) {
    r.array("value", a -> {
      for (M m : examples) {
        a.object(v -> {
          m.answeredFields(v);
          v.stringValue("modified_on", EXAMPLE_TIME);
        });
      }
    });
  }

  /**
   * The rules of a {@link #mappingList} at {@code $.result.value}, added to the finished body (the lambda DSL
   * cannot express "these examples, but any items of this shape"): at least {@code min} items.
   */
  private static DslPart withMappingListRules(int min, DslPart body) {
    MatchingRuleCategory rules = body.getMatchers();
    rules.addRule("$.result.value", new MinTypeMatcher(min));
    rules.addRule("$.result.value[*]['origin-ip']", new RegexMatcher(IpPatterns.IP_CANONICAL_SHAPE));
    rules.addRule("$.result.value[*].vendor", new RegexMatcher("^(?:aws|azure|gcp|oci)$"));
    rules.addRule("$.result.value[*].region", TypeMatcher.INSTANCE);
    rules.addRule("$.result.value[*].modified_on", new RegexMatcher(IpPatterns.RFC3339_UTC));
    return body;
  }

  /**
   * A successful answer (E1) to a batch (BD3, BD5, BU2): the succeeded and the failed items, each in request
   * order, and {@code modified_on} a timestamp when anything succeeded, else {@code null} (BD7, BU5).
   */
  static DslPart batchResult(List<Consumer<LambdaDslObject>> succeeded, List<Consumer<LambdaDslObject>> failed) {
    return success(r -> {
      resultHeader(r);
      if (succeeded.isEmpty()) {
        r.nullValue("modified_on");
      } else {
        modifiedOn(r);
      }
      r.object("value", v -> {
        v.array("succeeded", a -> succeeded.forEach(a::object));
        v.array("failed", a -> failed.forEach(a::object));
      });
    });
  }

  /** A succeeded batch item (BD5): exactly the canonical IP, vendor and region. */
  static Consumer<LambdaDslObject> succeeded(M canonical) {
    return canonical::answeredFields;
  }

  /** A failed batch item (BD5, BD6): the IP as the contract says, and a non-empty error text. */
  static Consumer<LambdaDslObject> failed(String originIp, String exampleError) {
    return i -> {
      i.stringValue("origin-ip", originIp);
      i.stringMatcher("error", ".*\\S.*", exampleError);
    };
  }
}
