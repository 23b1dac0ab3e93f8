package dev.origincloudregions.conformance.pact;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.checks.Target;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Recorder;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pact's provider states, set up and torn down through the target's public API, never behind its back, so
 * they work against any implementation. The pact's consumer tests name them (see the SDK's {@code Contract}):
 *
 * <ul>
 *   <li>{@value #MAPPINGS_EXIST} {@code {mappings: [{ip, vendor, region}]}}: one batch upsert creates them.
 *   <li>{@value #NO_MAPPING_FOR} {@code {ips: [text]}}: any of them still mapped from earlier in this run is deleted
 *       first; whatever the interaction creates for them is deleted afterwards.
 *   <li>{@value #NO_OTHER_MAPPING}: after the other states, the zone holds only the mappings they created; when it
 *       holds any other (a mapping the run may not touch, SAFE1), the check SKIPs.
 *   <li>{@value #ZONE_EXISTS}: nothing to do; the zone is the run's {@code --zone-id}.
 *   <li>{@value #NO_CREDENTIALS}: the request is sent without credentials.
 * </ul>
 *
 * <p>The states name mappings, not a family: an interaction on a v2 path ({@code /origin/cloud_regions}) has its
 * states set up and torn down through v2's batch put and batch delete, a v1 interaction through v1's, so a
 * provider that serves only one family can still be verified on it.
 *
 * <p>The SAFE rules hold: an address that the zone held before the run (SAFE1), or that is not a documentation
 * address (SAFE2), makes the check SKIP instead of touching it; teardown is one batch delete of exactly the
 * addresses the states and the interaction may have created (SAFE3), and it runs in a {@code finally}, with the
 * suite's end-of-run clean-up behind it.
 *
 * <p>Every state supplies {@code zoneId}, which the pact's paths take from the provider state.
 */
final class PactStates {
  static final String MAPPINGS_EXIST = "mappings exist";
  static final String NO_MAPPING_FOR = "no mapping exists";
  static final String ZONE_EXISTS = "a zone exists";
  static final String NO_CREDENTIALS = "the request carries no credentials";
  static final String NO_OTHER_MAPPING = "no other mapping exists";

  /** The most list pages a zone of 3,500 mappings (M2) fills at 100 per page. */
  private static final int MAX_PAGES = 35;

  private final Target t;
  private final boolean v2;
  private final String resource;
  private final Set<String> toRemove = new LinkedHashSet<>();
  private boolean noCredentials;

  /** @param v2 whether the interaction's path is of the v2 family: its states use v2's operations */
  PactStates(Target t, boolean v2) {
    this.t = t;
    this.v2 = v2;
    this.resource = "/zones/" + HttpTarget.segment(t.zone.id) + (v2 ? "/origin/cloud_regions" : "/cache/origin_cloud_regions");
  }

  boolean noCredentials() {
    return noCredentials;
  }

  /**
   * Sets up every state; returns the generator context: Pact's provider-state generators read the values
   * ({@code zoneId}) from its {@code providerState} entry.
   */
  Map<String, Object> setUp(List<ProviderState> states) {
    boolean onlyThese = false;
    for (ProviderState s : states) {
      Map<String, Object> params = s.getParams();
      switch (s.getName()) {
        case MAPPINGS_EXIST -> mappingsExist(list(params, "mappings", s));
        case NO_MAPPING_FOR -> noMappingFor(list(params, "ips", s));
        case NO_OTHER_MAPPING -> onlyThese = true;
        case ZONE_EXISTS -> { }
        case NO_CREDENTIALS -> noCredentials = true;
        default -> throw new IllegalStateException("unknown provider state '" + s.getName()
            + "': the pact and this verifier disagree (see docs/pact.md for the states it knows)");
      }
    }
    if (onlyThese) {
      noOtherMapping();
    }
    Map<String, Object> context = new HashMap<>(); // Pact's generators write to it
    context.put("providerState", Map.of("zoneId", t.zone.id));
    return context;
  }

  /** Deletes exactly what the states created and what the interaction may have created; never throws. */
  void tearDown() {
    Recorder.housekeeping(this::tearDown0);
  }

  private void tearDown0() {
    List<String> ips = new ArrayList<>(toRemove);
    for (int i = 0; i < ips.size(); i += 100) {
      try {
        batchDelete(ips.subList(i, Math.min(ips.size(), i + 100)));
      } catch (RuntimeException e) {
        // The suite's end-of-run clean-up (SAFE3) removes what is left; the check's own outcome stands.
      }
    }
    toRemove.clear();
  }

  private void mappingsExist(List<?> mappings) {
    List<Map<String, String>> items = new ArrayList<>();
    for (Object o : mappings) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new IllegalStateException("state '" + MAPPINGS_EXIST + "': a mapping is {ip, vendor, region}, got " + o);
      }
      String ip = String.valueOf(m.get("ip"));
      String vendor = String.valueOf(m.get("vendor"));
      String region = String.valueOf(m.get("region"));
      Address parsed = ours(ip, MAPPINGS_EXIST);
      if (!t.catalogue().lists(new VendorRegion(vendor, region))) {
        throw new Check.Skip("the target's supported_regions does not list " + vendor + "/" + region
            + ", which the pact's state '" + MAPPINGS_EXIST + "' uses (S1)");
      }
      toRemove.add(parsed.toString());
      items.add(v2 ? Map.of("origin_ip", ip, "vendor", vendor, "region", region) : V1Zone.item(ip, vendor, region));
    }
    Exchange ex = v2 ? t.api.send("PUT", resource + "/batch", items) : t.zone.batchUpsert(items);
    int succeeded;
    int failed;
    if (v2) {
      JsonNode result = ex.json() == null ? null : ex.json().path("result");
      if (ex.status() != 200) {
        throw new Violation("VBU1", "provider state '" + MAPPINGS_EXIST + "' could not be set up: the v2 batch put"
            + " answered " + ex.status(), ex);
      }
      if (result == null || !result.path("succeeded").isArray() || !result.path("failed").isArray()) {
        throw new Violation("VK1", "provider state '" + MAPPINGS_EXIST + "' could not be set up: the v2 batch put"
            + " answered no flat {succeeded, failed} result", ex);
      }
      succeeded = result.path("succeeded").size();
      failed = result.path("failed").size();
    } else {
      ObservedBatch r = t.shapes.batch(ex, "BU2");
      succeeded = r.succeeded().size();
      failed = r.failed().size();
    }
    if (failed + succeeded != items.size()) {
      throw new Violation(v2 ? "VBU1" : "BD4", "provider state '" + MAPPINGS_EXIST + "': the batch upsert of "
          + items.size() + " items answered " + succeeded + " succeeded and " + failed + " failed items", ex);
    }
    if (failed > 0) {
      throw new Violation(v2 ? "VBU1" : "BU2", "provider state '" + MAPPINGS_EXIST + "' could not be set up: the"
          + " batch upsert of " + items + " did not apply every item", ex);
    }
  }

  /** Skips the check when the zone holds a mapping that the states did not create. */
  private void noOtherMapping() {
    List<String> others = new ArrayList<>();
    for (String ip : mappedIps()) {
      if (!toRemove.contains(Address.canonical(ip).orElse(ip))) {
        others.add(ip);
      }
    }
    if (!others.isEmpty()) {
      throw new Check.Skip("the pact's state '" + NO_OTHER_MAPPING + "' needs a zone without other mappings, and"
          + " this one holds " + others + " (SAFE1: the run never removes what it did not create)");
    }
  }

  /** Every mapping of the zone, read through the interaction's family (v2: page by page, 100 at a time). */
  private List<String> mappedIps() {
    List<String> ips = new ArrayList<>();
    if (!v2) {
      t.shapes.snapshot(t.zone.list(), "L1").mappings().forEach(m -> ips.add(m.ip()));
      return ips;
    }
    for (int page = 1; page <= MAX_PAGES; page++) {
      Exchange ex = t.api.get(resource + "?page=" + page + "&per_page=100");
      JsonNode result = ex.json() == null ? null : ex.json().path("result");
      if (ex.status() != 200 || result == null || !result.isArray()) {
        throw new Violation("VL1", "provider state '" + NO_OTHER_MAPPING + "': the v2 list (page " + page
            + ") answered " + ex.status() + " without a result array", ex);
      }
      for (JsonNode e : result) {
        if (!e.path("origin_ip").isTextual()) {
          throw new Violation("VK1", "provider state '" + NO_OTHER_MAPPING + "': a v2 list entry without the key"
              + " origin_ip: " + e, ex);
        }
        ips.add(e.path("origin_ip").asText());
      }
      if (result.size() < 100) {
        break;
      }
    }
    return ips;
  }

  private Exchange batchDelete(List<String> ips) {
    return v2 ? t.api.send("DELETE", resource + "/batch", new ArrayList<>(ips)) : t.zone.batchDelete(ips);
  }

  private void noMappingFor(List<?> ips) {
    List<String> valid = new ArrayList<>();
    for (Object o : ips) {
      String text = String.valueOf(o);
      if (Address.parse(text).isPresent()) {
        valid.add(ours(text, NO_MAPPING_FOR).toString());
      }
    }
    toRemove.addAll(valid);
    for (int i = 0; i < valid.size(); i += 100) { // left over from an earlier check of this run, if anything
      Exchange ex = batchDelete(valid.subList(i, Math.min(valid.size(), i + 100)));
      if (ex.status() != 200) {
        throw new Violation(v2 ? "VBD1" : "BD3", "provider state '" + NO_MAPPING_FOR + "' could not be set up: the batch delete"
            + " answered " + ex.status(), ex);
      }
    }
  }

  /** An address the run may create and delete: a valid documentation address the zone did not hold before. */
  private Address ours(String text, String state) {
    Optional<Address> ip = Address.parse(text);
    if (ip.isEmpty()) {
      throw new IllegalStateException("state '" + state + "' names '" + text + "', which is not an IP address");
    }
    if (t.safety.isProtected(ip.get())) {
      throw new Check.Skip("SAFE1: the zone held " + text + " before the run; the pact's state '" + state
          + "' would change it. Use a zone without it.");
    }
    if (!t.safety.allowAnyAddress() && !Safety.isDocumentation(ip.get())) {
      throw new Check.Skip("SAFE2: the pact's state '" + state + "' names " + text
          + ", which is not a documentation address");
    }
    return ip.get();
  }

  private static List<?> list(Map<String, Object> params, String name, ProviderState s) {
    Object v = params.get(name);
    if (!(v instanceof List<?> l)) {
      throw new IllegalStateException("state '" + s.getName() + "' needs a list parameter '" + name + "', got " + v);
    }
    return l;
  }
}
