package dev.origincloudregions.conformance.pact;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.BodyTypeMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.generators.DefaultResponseGenerator;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import au.com.dius.pact.provider.BodyComparisonResult;
import au.com.dius.pact.provider.ComparisonResult;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.ResponseComparison;
import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.checks.Target;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.Breach;
import dev.origincloudregions.conformance.model.Rules;
import dev.origincloudregions.conformance.model.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's pact, verified against the target as part of the suite: one check per interaction, named {@code
 * pact-...}, covering the rule IDs listed at the end of the interaction's description ({@code [BD3, BD5]}).
 *
 * <p>Each check sets up the interaction's provider states through the public API ({@link PactStates}), sends
 * the interaction's request through the suite's {@link HttpTarget} (so it is paced and guarded by the SAFE rules like
 * every other request), compares the answer with Pact's own response matcher ({@link ResponseComparison}, the
 * comparison Pact's provider verifier uses), and tears the states down again, also when the comparison failed.
 *
 * <p>The pact is the committed copy on the classpath, {@value #RESOURCE}; the SDK's consumer tests write it and
 * a test keeps the copy current (docs/pact.md).
 */
public final class PactChecks {
  static final String RESOURCE = "pacts/origin-cloud-regions-sdk-origin-cloud-regions-api.json";

  private static final Pattern RULE_LIST = Pattern.compile("\\[([A-Z]+[0-9]+(?:,\\s*[A-Z]+[0-9]+)*)]\\s*$");

  static {
    // Pact JVM sends anonymous usage events unless this is set; a conformance run talks to its target only.
    if (System.getProperty("pact_do_not_track") == null) {
      System.setProperty("pact_do_not_track", "true");
    }
  }

  private PactChecks() {}

  /** One check per interaction of the bundled pact. */
  public static List<Check> all() {
    return all(bundled());
  }

  static List<Check> all(Pact pact) {
    List<Check> checks = new ArrayList<>();
    for (Interaction i : pact.getInteractions()) {
      if (!i.isSynchronousRequestResponse()) {
        throw new IllegalStateException("the pact holds a non-HTTP interaction: " + i.getDescription());
      }
      SynchronousRequestResponse http = i.asSynchronousRequestResponse();
      List<String> rules = rules(i.getDescription());
      boolean referenceOnly = rules.stream().anyMatch(r -> Rules.get(r).referenceOnly());
      String family = http.getRequest().getPath().contains("/origin/cloud_regions") ? "v2" : "v1";
      checks.add(new Check(name(i.getDescription()), "pact: " + i.getDescription(), family, rules, referenceOnly,
          Check.Phase.MAIN, Check.Tries.ONE, new Check.Cost(6, 0), t -> verify(t, http)));
    }
    return checks;
  }

  /** The committed pact, from the classpath. */
  static Pact bundled() {
    try (InputStream in = PactChecks.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Pact parse(String json) {
    JsonValue value = JsonParser.parseString(json);
    if (!(value instanceof JsonValue.Object)) {
      throw new IllegalArgumentException("a pact file is a JSON object");
    }
    return DefaultPactReader.INSTANCE.pactFromJson((JsonValue.Object) value, UnknownPactSource.INSTANCE);
  }

  /** The rule IDs at the end of a description, e.g. {@code [BD3, BD5]}; every interaction must name some. */
  static List<String> rules(String description) {
    Matcher m = RULE_LIST.matcher(description);
    if (!m.find()) {
      throw new IllegalStateException("pact interaction '" + description + "' names no rule IDs, e.g. [BD5]");
    }
    return List.of(m.group(1).split(",\\s*"));
  }

  /** A stable kebab-case check name from the description, without the rule IDs. */
  static String name(String description) {
    String text = RULE_LIST.matcher(description).replaceFirst("").toLowerCase(Locale.ROOT);
    String slug = text.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return "pact-" + slug;
  }

  /** Runs one interaction against the target: states, request, comparison, teardown. */
  static void verify(Target t, SynchronousRequestResponse interaction) {
    String rule = rules(interaction.getDescription()).get(0);
    boolean v2 = isV2(interaction);
    PactStates states = new PactStates(t, v2);
    try {
      Map<String, Object> context = states.setUp(interaction.getProviderStates());
      IRequest request = interaction.getRequest().generatedRequest(context, GeneratorTestMode.Provider);
      Exchange ex;
      try {
        ex = send(t.api, request, states.noCredentials() ? HttpTarget.Auth.NONE : HttpTarget.Auth.DEFAULT);
      } catch (IllegalStateException refused) { // the safety guard: SAFE1 or SAFE2 forbids this request here
        throw new Check.Skip(refused.getMessage());
      }
      if (ex.status() < 0) {
        throw new Violation(rule, "no answer to the pact's request: " + ex.transportError(), ex);
      }
      List<String> problems = mismatches(interaction, context, ex);
      if (!problems.isEmpty()) {
        List<String> rules = rules(interaction.getDescription());
        throw new Violation(v2 ? blameV2(problems, rules) : blame(problems, rules, ex), "the answer does not match the pact "
            + "interaction '" + interaction.getDescription() + "':\n    - " + String.join("\n    - ", problems), ex);
      }
    } finally {
      states.tearDown();
    }
  }

  /** Whether an interaction's path is of the v2 family, {@code /zones/{zone_id}/origin/cloud_regions}. */
  static boolean isV2(SynchronousRequestResponse interaction) {
    return interaction.getRequest().getPath().contains("/origin/cloud_regions");
  }

  private static final String MISSING_KEYS = "missing the following keys:";

  /**
   * The rules a mismatch of a v2 interaction breaks. A wrong status is the interaction's first rule alone (its
   * body differs because of it); a missing {@code origin_ip} key, or a result that is not flat (no {@code
   * succeeded}/{@code failed} at its top), is VK1; a wrong content type E2; anything else (values, lengths, extra
   * keys where the pact allows none, spellings of addresses) the interaction's first rule, which names the
   * operation (VBD1, VBU1, VL1, VG1, VP1).
   */
  static List<Breach> blameV2(List<String> problems, List<String> rules) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    if (problems.stream().anyMatch(p -> p.startsWith("status:"))) {
      return Breach.parse(rules.get(0));
    }
    for (String p : problems) {
      int at = p.indexOf(MISSING_KEYS);
      List<String> missing = at < 0 ? List.of()
          : List.of(p.substring(at + MISSING_KEYS.length()).replaceAll("[\\[\\]]", "").trim().split("\\s*,\\s*"));
      if (missing.contains("origin_ip") || missing.contains("succeeded") || missing.contains("failed")) {
        out.add("VK1");
      } else if (p.startsWith("header") && p.toLowerCase(Locale.ROOT).contains("content-type")) {
        out.add("E2");
      } else {
        out.add(rules.get(0));
      }
    }
    return Breach.parse(String.join(", ", out));
  }

  private static final Pattern QUOTED = Pattern.compile("['\"]([0-9A-Fa-f:.]{2,45})['\"]");

  /**
   * The rules whose text the mismatches break, not merely the interaction's first rule: a mapping without the key
   * {@code origin-ip} breaks M1 (and BD5 inside a batch result); an address answered in another spelling IP2; batch
   * arrays of the wrong length, or with the right items in another order, BD4; a wrong {@code modified_on} BD7 or
   * L1; a wrong content type E2; anything else (status, error code, values) the interaction's first rule.
   */
  static List<Breach> blame(List<String> problems, List<String> rules, Exchange ex) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String p : problems) {
      boolean batch = p.contains("succeeded") || p.contains("failed");
      if (p.contains("missing the following keys") && p.contains("origin-ip")) {
        out.add("M1");
        if (batch) {
          out.add("BD5");
        }
      } else if (nonCanonical(p)) {
        out.add("IP2");
      } else if (batch && ex.json() != null) {
        out.add(batchRule(ex, rules));
      } else if (p.contains("modified_on")) {
        out.add(rules.contains("BD7") || rules.contains("BD3") ? "BD7" : rules.contains("L1") ? "L1" : rules.get(0));
      } else if (p.startsWith("header") && p.toLowerCase(Locale.ROOT).contains("content-type")) {
        out.add("E2");
      } else {
        out.add(rules.get(0));
      }
    }
    return Breach.parse(String.join(", ", out));
  }

  /** Whether a mismatch quotes a valid address in a spelling other than its canonical one. */
  private static boolean nonCanonical(String problem) {
    Matcher m = QUOTED.matcher(problem);
    while (m.find()) {
      String s = m.group(1);
      if (Address.parse(s).filter(ip -> !ip.toString().equals(s)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A batch result that differs from the pact: items lost or added, or the same items in another order, break BD4;
   * otherwise the items themselves are wrong, which is the interaction's first rule.
   */
  private static String batchRule(Exchange ex, List<String> rules) {
    JsonNode v = ex.json().path("result").path("value");
    int items = v.path("succeeded").size() + v.path("failed").size();
    List<String> sent = new ArrayList<>();
    try {
      for (JsonNode i : HttpTarget.JSON.readTree(ex.body())) {
        String text = i.isTextual() ? i.asText() : i.path("ip").asText("");
        sent.add(Address.canonical(text).orElse(text));
      }
    } catch (Exception e) {
      return rules.get(0);
    }
    if (items != sent.size()) {
      return "BD4";
    }
    for (String array : List.of("succeeded", "failed")) {
      int last = -1;
      for (JsonNode i : v.path(array)) {
        int at = sent.indexOf(i.path("origin-ip").asText(""));
        if (at >= 0 && at < last) {
          return "BD4"; // the right items, in another order than the request's
        }
        last = Math.max(last, at);
      }
    }
    return rules.get(0);
  }

  /** Sends the (generated) request of an interaction exactly as the pact spells it: path, headers, body. */
  static Exchange send(HttpTarget api, IRequest request, HttpTarget.Auth auth) {
    String contentType = null;
    Map<String, String> extra = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = String.join(", ", h.getValue());
      } else {
        extra.put(h.getKey(), String.join(", ", h.getValue()));
      }
    }
    OptionalBody body = request.getBody();
    byte[] bytes = body.isPresent() ? body.unwrap() : null;
    StringBuilder path = new StringBuilder(request.getPath());
    String sep = "?";
    for (Map.Entry<String, List<String>> q : request.getQuery().entrySet()) {
      for (String v : q.getValue()) {
        path.append(sep).append(HttpTarget.segment(q.getKey())).append('=').append(HttpTarget.segment(v));
        sep = "&";
      }
    }
    return api.send(request.getMethod().toUpperCase(Locale.ROOT), path.toString(), bytes, contentType, auth, extra);
  }

  /**
   * How an answer differs from the interaction's response, by Pact's matching rules: status, headers, body. Empty
   * when it matches.
   */
  static List<String> mismatches(SynchronousRequestResponse interaction, Map<String, Object> context, Exchange ex) {
    IResponse expected = DefaultResponseGenerator.INSTANCE.generateResponse(
        interaction.getResponse(), context, GeneratorTestMode.Provider, List.of(), Map.of());
    String type = ex.header("content-type");
    ContentType contentType = type == null ? ContentType.Companion.getUNKNOWN() : ContentType.fromString(type);
    ProviderResponse actual = new ProviderResponse(ex.status(), ex.responseHeaders(), contentType,
        OptionalBody.Companion.body(ex.responseBody(), contentType));
    ComparisonResult result = ResponseComparison.Companion.compareResponse(expected, actual);
    List<String> problems = new ArrayList<>();
    if (result.getStatusMismatch() != null) {
      problems.add("status: " + result.getStatusMismatch().description());
    }
    for (List<HeaderMismatch> list : result.getHeaderMismatches().values()) {
      for (HeaderMismatch h : list) {
        problems.add("header " + h.getHeaderKey() + ": " + h.getMismatch());
      }
    }
    Result<BodyComparisonResult, BodyTypeMismatch> body = result.getBodyMismatches();
    if (body instanceof Result.Err) {
      problems.add("body: " + body.errorValue().getMismatch());
    } else {
      for (List<BodyMismatch> list : body.get().getMismatches().values()) {
        for (BodyMismatch b : list) {
          problems.add("body " + b.getPath() + ": " + b.getMismatch());
        }
      }
    }
    return problems;
  }
}
