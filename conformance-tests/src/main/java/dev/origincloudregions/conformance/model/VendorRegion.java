package dev.origincloudregions.conformance.model;

/** A vendor and one of its regions, as listed by supported_regions (S1) or deliberately not. */
public record VendorRegion(String vendor, String region) {
  @Override
  public String toString() {
    return vendor + "/" + region;
  }
}
