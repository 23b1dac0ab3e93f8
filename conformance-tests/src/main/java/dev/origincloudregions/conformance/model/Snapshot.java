package dev.origincloudregions.conformance.model;

import dev.origincloudregions.conformance.http.Exchange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A zone's list as returned (L1, M4): the zone's {@code modified_on} and its mappings in the order received.
 *
 * @param modifiedOn list {@code modified_on} text, or null
 * @param modifiedAt parsed, or null
 * @param mappings the mappings in response order
 * @param exchange the list exchange
 */
public record Snapshot(String modifiedOn, Instant modifiedAt, List<ObservedMapping> mappings, Exchange exchange) {

  /** Mappings by returned {@code origin-ip}. */
  public Map<String, ObservedMapping> byIp() {
    Map<String, ObservedMapping> m = new LinkedHashMap<>();
    for (ObservedMapping x : mappings) {
      m.put(x.ip(), x);
    }
    return m;
  }

  public boolean contains(String ip) {
    return mappings.stream().anyMatch(m -> m.ip().equals(ip));
  }
}
