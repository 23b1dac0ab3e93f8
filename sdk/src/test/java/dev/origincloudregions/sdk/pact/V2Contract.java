package dev.origincloudregions.sdk.pact;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArray;
import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_TIME;
import static dev.origincloudregions.sdk.pact.Contract.EXAMPLE_ZONE;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.core.model.matchingrules.EachKeyMatcher;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MinMaxTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import au.com.dius.pact.core.model.matchingrules.expressions.MatchingRuleDefinition;
import dev.origincloudregions.sdk.OriginCloudRegions;
import dev.origincloudregions.sdk.RetryPolicy;
import dev.origincloudregions.sdk.pact.Contract.M;
import java.util.List;
import java.util.function.Consumer;

/**
 * The v2 part of the pact's vocabulary ({@code /zones/{zone_id}/origin/cloud_regions}, contract section 9): the
 * key {@code origin_ip} in every body (VK1), flat results, the paginated list. The provider states, the error
 * envelope and the matchers are {@link Contract}'s: the states name mappings, not a family, and the verifier sets
 * them up through the family of the interaction's path.
 */
final class V2Contract {
  private V2Contract() {}

  /** The SDK's v2 surface as the consumer tests drive it: against the mock server, with a token, never retrying. */
  static OriginCloudRegions sdk(MockServer server) {
    return OriginCloudRegions.builder()
        .baseUrl(server.getUrl())
        .apiToken(Contract.CONSUMER_TOKEN)
        .retryPolicy(RetryPolicy.NONE)
        .build();
  }

  /** The v2 resource of the example zone, as the consumer tests send raw requests to it. */
  static final String EXAMPLE_RESOURCE = "/zones/" + EXAMPLE_ZONE + "/origin/cloud_regions";

  /**
   * The path below {@code /zones/{zone_id}/origin/cloud_regions}, the zone taken from the provider state's
   * {@code zoneId} at verification time, as {@link Contract#path} does for v1.
   */
  static PactDslRequestWithPath path(PactDslRequestWithoutPath request, String suffix) {
    return request.pathFromProviderState("/zones/${zoneId}/origin/cloud_regions" + suffix,
        EXAMPLE_RESOURCE + suffix);
  }

  /** A request at {@link #path} with {@code method} and a JSON {@code body}. */
  static PactDslRequestWithPath jsonRequest(PactDslRequestWithoutPath request, String method, String suffix,
      DslPart body) {
    return path(request.method(method), suffix)
        .headers("Content-Type", "application/json")
        .body(body);
  }

  /** A v2 request item or put body: exactly {@code {origin_ip, vendor, region}} (VK1). */
  static void requestFields(LambdaDslObject o, M m) {
    o.stringValue("origin_ip", m.ip());
    o.stringValue("vendor", m.vendor());
    o.stringValue("region", m.region());
  }

  /** The answer's fields of a mapping the provider state fixes: this canonical IP, vendor and region exactly. */
  static void answeredFields(LambdaDslObject o, M canonical) {
    o.stringValue("origin_ip", canonical.ip());
    o.stringValue("vendor", canonical.vendor());
    o.stringValue("region", canonical.region());
  }

  /** The body of put: {@code {origin_ip, vendor, region}}. */
  static DslPart mappingBody(M m) {
    return newJsonBody(o -> requestFields(o, m)).build();
  }

  /** The body of batch put: {@code [{origin_ip, vendor, region}, ...]} in this order. */
  static DslPart mappingsBody(M... mappings) {
    return newJsonArray(a -> {
      for (M m : mappings) {
        a.object(o -> requestFields(o, m));
      }
    }).build();
  }

  /** A successful answer (E1) holding one flat entry (VG1, VP1): the fixed values and a timestamp. */
  static DslPart entryResult(M canonical) {
    return Contract.success(r -> {
      answeredFields(r, canonical);
      Contract.modifiedOn(r);
    });
  }

  /** The answer of single delete (VG1): {@code {"origin_ip"}} of the removed mapping, exactly this canonical text. */
  static DslPart deletedResult(String canonicalIp) {
    return Contract.success(r -> r.stringValue("origin_ip", canonicalIp));
  }

  /**
   * The answer of single delete (VG1) with no key but {@code origin_ip}. Pact lets answers carry keys the pact does
   * not name; an {@code eachKey} rule on {@code $.result} refuses any other key, so a provider that answers the
   * whole removed entry fails. In Pact JVM 4.7.5 that rule also ends the comparison of the values below it (an
   * {@code equality} rule on {@code $.result.origin_ip} beside it was not applied), so the value is checked by
   * {@link #deletedResult} in another interaction.
   */
  static DslPart deletedResultWithNoOtherKey(String canonicalIp) {
    DslPart body = deletedResult(canonicalIp);
    body.getMatchers().addRule("$.result",
        new EachKeyMatcher(new MatchingRuleDefinition("origin_ip", new RegexMatcher("^origin_ip$"), null, "")));
    return body;
  }

  /**
   * A successful answer (E1) to a v2 batch (VBD1, VBU1): flat {@code {succeeded, failed}} (no v1 setting around
   * it, no {@code modified_on}), each array literal, so its length and order are the contract (BD4).
   */
  static DslPart batchResult(List<Consumer<LambdaDslObject>> succeeded, List<Consumer<LambdaDslObject>> failed) {
    return Contract.success(r -> {
      r.array("succeeded", a -> succeeded.forEach(a::object));
      r.array("failed", a -> failed.forEach(a::object));
    });
  }

  /** A succeeded batch item: exactly the canonical IP, vendor and region under {@code origin_ip}. */
  static Consumer<LambdaDslObject> succeeded(M canonical) {
    return i -> answeredFields(i, canonical);
  }

  /** A failed batch item: the IP as the contract says, under {@code origin_ip}, and a non-empty error text. */
  static Consumer<LambdaDslObject> failed(String originIp, String exampleError) {
    return i -> {
      i.stringValue("origin_ip", originIp);
      i.stringMatcher("error", ".*\\S.*", exampleError);
    };
  }

  /**
   * One page of the list (VL1). The zone may hold mappings the pact did not create, so the entries are matched
   * by shape (a canonical-shaped {@code origin_ip}, a known vendor, a region, a timestamp) and their number lies
   * between {@code minEntries} and {@code maxEntries}; the examples are what the mock server answers. {@code
   * page} and {@code per_page} echo the request exactly; {@code count} is exact when {@code exactCount}, else
   * an integer; {@code total_count} and {@code total_pages} are integers.
   */
  static DslPart page(int page, int perPage, int minEntries, int maxEntries, boolean exactCount, int totalCount,
      int totalPages, M... examples) {
    DslPart body = Contract.successEnvelope(o -> {
      o.array("result", a -> {
        for (M m : examples) {
          a.object(e -> {
            answeredFields(e, m);
            e.stringValue("modified_on", EXAMPLE_TIME);
          });
        }
      });
      o.object("result_info", i -> {
        i.numberValue("page", page);
        i.numberValue("per_page", perPage);
        if (exactCount) {
          i.numberValue("count", examples.length);
        } else {
          i.integerType("count", examples.length);
        }
        i.integerType("total_count", totalCount);
        i.integerType("total_pages", totalPages);
      });
    });
    MatchingRuleCategory rules = body.getMatchers();
    rules.addRule("$.result", new MinMaxTypeMatcher(minEntries, maxEntries));
    rules.addRule("$.result[*].origin_ip", new RegexMatcher(IpPatterns.IP_CANONICAL_SHAPE));
    rules.addRule("$.result[*].vendor", new RegexMatcher("^(?:aws|azure|gcp|oci)$"));
    rules.addRule("$.result[*].region", TypeMatcher.INSTANCE);
    rules.addRule("$.result[*].modified_on", new RegexMatcher(IpPatterns.RFC3339_UTC));
    return body;
  }
}
