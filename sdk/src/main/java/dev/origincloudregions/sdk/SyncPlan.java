package dev.origincloudregions.sdk;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link OriginCloudRegions#sync} does to make a zone hold exactly the desired mappings, or, from
 * {@link OriginCloudRegions#planSync}, would do. IPs are canonical (RFC 5952), compared by canonical
 * form: {@code 2001:DB8::1} and {@code 2001:db8::1} are one mapping, {@code 192.0.2.1} and {@code
 * ::ffff:192.0.2.1} are two.
 *
 * @param creates desired mappings the zone does not hold, in the desired order
 * @param updates desired mappings the zone holds with another vendor or region, in the desired order
 * @param deletes IPs the zone holds that are not desired, in the zone's list order
 * @param unchanged how many desired mappings the zone already holds as desired (nothing is sent for them)
 */
public record SyncPlan(
    List<MappingRequest> creates, List<MappingRequest> updates, List<String> deletes, int unchanged) {
  public SyncPlan {
    creates = List.copyOf(creates);
    updates = List.copyOf(updates);
    deletes = List.copyOf(deletes);
  }

  /** The creates, then the updates: what {@code sync} sends with {@code bulkPut}. */
  public List<MappingRequest> puts() {
    List<MappingRequest> puts = new ArrayList<>(creates);
    puts.addAll(updates);
    return List.copyOf(puts);
  }

  /** Whether the zone already is as desired. */
  public boolean isEmpty() {
    return creates.isEmpty() && updates.isEmpty() && deletes.isEmpty();
  }
}
