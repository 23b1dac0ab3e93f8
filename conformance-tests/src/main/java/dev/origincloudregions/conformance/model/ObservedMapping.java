package dev.origincloudregions.conformance.model;

import java.time.Instant;

/**
 * A mapping as the target returned it (M1).
 *
 * @param ip the {@code origin-ip} text as returned
 * @param vendor cloud vendor
 * @param region vendor region
 * @param modifiedOn the {@code modified_on} text as returned, or null
 * @param modifiedAt {@code modifiedOn} parsed
 */
public record ObservedMapping(String ip, String vendor, String region, String modifiedOn, Instant modifiedAt) {

  /** Same address, vendor, region and time: what "unchanged" means in BD8 and SAFE1. */
  public boolean sameAs(ObservedMapping o) {
    return o != null && ip.equals(o.ip) && vendor.equals(o.vendor) && region.equals(o.region)
        && java.util.Objects.equals(modifiedAt, o.modifiedAt);
  }

  @Override
  public String toString() {
    return ip + "=" + vendor + "/" + region + "@" + modifiedOn;
  }
}
