package dev.origincloudregions.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's catalogue of vendors and regions. Read it from the server rather than assume a fixed
 * catalogue: vendors and regions change.
 *
 * @param obtainedCodes whether the upper-tier colo codes could be resolved; when false the lists may be
 *     empty or incomplete
 * @param vendors the regions of each vendor, in the server's order
 */
public record SupportedRegions(boolean obtainedCodes, Map<String, List<Region>> vendors) {
  public SupportedRegions {
    var copy = new LinkedHashMap<String, List<Region>>();
    vendors.forEach((vendor, regions) -> copy.put(vendor, List.copyOf(regions)));
    vendors = java.util.Collections.unmodifiableMap(copy);
  }

  /** Whether a mapping may name this vendor and region. */
  public boolean supports(String vendor, String region) {
    return vendors.getOrDefault(vendor, List.of()).stream().anyMatch(r -> r.name().equals(region));
  }
}
