package dev.origincloudregions.conformance.pact;

import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PactResponse;
import au.com.dius.pact.core.pactbroker.PublishConfiguration;
import au.com.dius.pact.core.pactbroker.TestResult;
import au.com.dius.pact.core.support.Result;
import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.runner.ConfigException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Optional publishing to a Pact Broker: the pact (consumer side) and the verification result of a run (provider
 * side). Off unless a broker URL is given, as the system property {@code pact.broker.url} or the environment
 * variable {@code PACT_BROKER_BASE_URL}; a token, if the broker needs one, comes from {@code pact.broker.token} or
 * {@code PACT_BROKER_TOKEN}. Nothing else in the project talks to a broker.
 *
 * @param url the broker's base URL
 * @param token a bearer token, or null
 */
record PactBroker(String url, String token) {
  static final String CONSUMER = "origin-cloud-regions-sdk";
  static final String PROVIDER = "origin-cloud-regions-api";

  /** The broker the settings name, or empty: publishing is off by default. */
  static Optional<PactBroker> fromSettings(Map<String, String> systemProperties, Map<String, String> env) {
    String url = first(systemProperties.get("pact.broker.url"), env.get("PACT_BROKER_BASE_URL"));
    if (url == null) {
      return Optional.empty();
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException("pact.broker.url must be an http(s) URL, got '" + url + "'");
    }
    return Optional.of(new PactBroker(url, first(systemProperties.get("pact.broker.token"), env.get("PACT_BROKER_TOKEN"))));
  }

  /** Publishes a pact file as the given consumer version (and branch, if any). */
  String publishPact(Path pactFile, String consumerVersion, String branch) {
    Result<String, Exception> r = client().uploadPactFile(pactFile.toFile(),
        new PublishConfiguration(consumerVersion, List.of(), branch, null));
    if (r instanceof Result.Err) {
      throw new IllegalStateException("publishing " + pactFile + " to " + url + " failed: " + r.errorValue(), r.errorValue());
    }
    return r.get();
  }

  /**
   * Publishes a run's pact checks as the verification result of the latest pact of the consumer, for the given
   * provider version: success when no pact check failed.
   */
  void publishResults(List<CheckResult> results, String providerVersion) {
    List<CheckResult> pact = results.stream().filter(r -> r.name().startsWith("pact-")).toList();
    if (pact.isEmpty()) {
      throw new IllegalStateException("the run holds no pact checks, so there is no verification to publish");
    }
    boolean ok = pact.stream().noneMatch(r -> r.status() == CheckResult.Status.FAIL);
    PactBrokerClient client = client();
    PactResponse latest = client.fetchPact(url.replaceAll("/$", "") + "/pacts/provider/" + enc(PROVIDER)
        + "/consumer/" + enc(CONSUMER) + "/latest", false);
    TestResult result = ok ? new TestResult.Ok(Set.of()) : new TestResult.Failed(List.of(), "pact checks failed");
    Result<Boolean, String> r = client.publishVerificationResults(latest.getLinks(), result, providerVersion);
    if (r instanceof Result.Err) {
      throw new IllegalStateException("publishing the verification result to " + url + " failed: " + r.errorValue());
    }
  }

  private PactBrokerClient client() {
    Map<String, Object> options = token == null ? Map.of() : Map.of("authentication", List.of("bearer", token));
    return new PactBrokerClient(url, options, new PactBrokerClientConfig());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String first(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b != null && !b.isBlank() ? b.trim() : null;
  }

  @Override
  public String toString() {
    return "PactBroker{url=" + url + ", token=" + (token == null ? "none" : "***") + "}";
  }
}
