package dev.origincloudregions.sdk;

import java.util.Objects;

/**
 * What to map: an origin IP (IPv4 or IPv6, in any valid text form; the server stores the canonical
 * form) to a vendor and one of its regions, as listed by {@link OriginCloudRegions#supportedRegions}.
 * v2 sends it as {@code {"origin_ip", "vendor", "region"}} ({@link OriginCloudRegions#put} also puts the
 * IP in the path), v1 as {@code {"ip", "vendor", "region"}}.
 *
 * @param ip the origin IP address
 * @param vendor a cloud vendor, for example {@code aws}
 * @param region a region of that vendor, for example {@code us-east-1}
 */
public record MappingRequest(String ip, String vendor, String region) {
  public MappingRequest {
    Objects.requireNonNull(ip, "ip == null");
    Objects.requireNonNull(vendor, "vendor == null");
    Objects.requireNonNull(region, "region == null");
  }

  /** Shorthand for {@code new MappingRequest(ip, vendor, region)}. */
  public static MappingRequest of(String ip, String vendor, String region) {
    return new MappingRequest(ip, vendor, region);
  }
}
