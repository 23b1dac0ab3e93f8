package dev.origincloudregions.conformance.pact;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.checks.Target;
import dev.origincloudregions.conformance.http.Exchange;
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
 *   <li>{@value #ZONE_EXISTS}: nothing to do; the zone is the run's {@code --zone-id}.
 *   <li>{@value #NO_CREDENTIALS}: the request is sent without credentials.
 * </ul>
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

  private final Target t;
  private final Set<String> toRemove = new LinkedHashSet<>();
  private boolean noCredentials;

  PactStates(Target t) {
    this.t = t;
  }

  boolean noCredentials() {
    return noCredentials;
  }

  /**
   * Sets up every state; returns the generator context: Pact's provider-state generators read the values
   * ({@code zoneId}) from its {@code providerState} entry.
   */
  Map<String, Object> setUp(List<ProviderState> states) {
    for (ProviderState s : states) {
      Map<String, Object> params = s.getParams();
      switch (s.getName()) {
        case MAPPINGS_EXIST -> mappingsExist(list(params, "mappings", s));
        case NO_MAPPING_FOR -> noMappingFor(list(params, "ips", s));
        case ZONE_EXISTS -> { }
        case NO_CREDENTIALS -> noCredentials = true;
        default -> throw new IllegalStateException("unknown provider state '" + s.getName()
            + "': the pact and this verifier disagree (see docs/pact.md for the states it knows)");
      }
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
        t.zone.batchDelete(ips.subList(i, Math.min(ips.size(), i + 100)));
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
      items.add(V1Zone.item(ip, vendor, region));
    }
    Exchange ex = t.zone.batchUpsert(items);
    ObservedBatch r = t.shapes.batch(ex, "BU2");
    if (r.failed().size() + r.succeeded().size() != items.size()) {
      throw new Violation("BD4", "provider state '" + MAPPINGS_EXIST + "': the batch upsert of " + items.size()
          + " items answered " + r.succeeded().size() + " succeeded and " + r.failed().size() + " failed items", ex);
    }
    if (!r.failed().isEmpty()) {
      throw new Violation("BU2", "provider state '" + MAPPINGS_EXIST + "' could not be set up: the batch upsert of "
          + items + " did not apply every item", ex);
    }
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
      Exchange ex = t.zone.batchDelete(valid.subList(i, Math.min(valid.size(), i + 100)));
      if (ex.status() != 200) {
        throw new Violation("BD3", "provider state '" + NO_MAPPING_FOR + "' could not be set up: the batch delete"
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
