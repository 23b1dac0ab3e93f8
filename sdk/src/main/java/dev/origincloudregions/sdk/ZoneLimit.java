package dev.origincloudregions.sdk;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The check that {@code bulkPutAll} (and v1's {@code bulkUpsertAll}) make before sending anything:
 * whether the new mappings fit the zone's limit of {@value #MAX_MAPPINGS} (contract M2, BU4). Without
 * it, a large call fails at the batch that crosses the limit, after the earlier batches were applied.
 *
 * <p>The count is of distinct canonical IPs (IP3) that the zone does not hold yet: replacing an existing
 * mapping is allowed in a full zone, the same IP twice is one mapping, and an invalid IP fails as an item
 * without creating anything. Cheap first: the zone's count (v2's {@code total_count} of a one-mapping
 * page) plus every distinct IP of the call; only when that passes the limit is the zone read whole to
 * find which IPs are new.
 */
final class ZoneLimit {
  /** The most mappings a zone holds. */
  static final int MAX_MAPPINGS = 3_500;

  private ZoneLimit() {}

  /**
   * @param zoneCount how many mappings the zone holds (one small request)
   * @param zoneIps every IP of the zone (the whole list), asked for only when needed
   * @throws ZoneFullException when the new mappings do not fit; nothing has been sent then
   */
  static void check(
      String operation, Collection<MappingRequest> items, IntSupplier zoneCount, Supplier<List<String>> zoneIps) {
    Set<String> ips = new HashSet<>();
    for (MappingRequest item : items) {
      String canonical = CanonicalIp.of(item.ip());
      if (canonical != null) {
        ips.add(canonical);
      }
    }
    if (ips.isEmpty() || zoneCount.getAsInt() + ips.size() <= MAX_MAPPINGS) {
      return;
    }
    List<String> held = zoneIps.get();
    for (String ip : held) {
      String canonical = CanonicalIp.of(ip);
      ips.remove(canonical == null ? ip : canonical);
    }
    if (held.size() + ips.size() > MAX_MAPPINGS) {
      throw refuse(operation, String.format(
          "the zone holds %,d mappings and the items add %,d new ones, past the limit of %,d a zone holds; "
              + "nothing was sent (zoneLimitCheck(false) on the builder skips this check)",
          held.size(), ips.size(), MAX_MAPPINGS));
    }
  }

  /** The typed zone-full exception, for a call refused before anything was sent. */
  static ZoneFullException refuse(String operation, String why) {
    return ZoneFullException.beforeSending(operation, why);
  }
}
