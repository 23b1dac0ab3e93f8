package dev.origincloudregions.server;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendors and regions a mapping may name, with the Tiered Cache upper-tier colocations near each
 * region (IATA airport codes, as Cloudflare names its data centres) [S1, M3].
 *
 * <p>Clients must read this from {@code supported_regions}, never assume it: it is realistic, not
 * Cloudflare's actual list.
 */
final class Catalogue {
  record Region(String name, List<String> upperTierColos) {}

  private final Map<String, List<Region>> vendors;

  private Catalogue(Map<String, List<Region>> vendors) {
    this.vendors = vendors;
  }

  static Catalogue standard() {
    Map<String, List<Region>> vendors = new LinkedHashMap<>();
    vendors.put("aws", List.of(
        region("us-east-1", "IAD", "EWR"),
        region("us-east-2", "ORD", "IAD"),
        region("us-west-1", "SJC", "LAX"),
        region("us-west-2", "SEA"),
        region("ca-central-1", "YUL", "YYZ"),
        region("sa-east-1", "GRU"),
        region("eu-west-1", "DUB", "LHR"),
        region("eu-west-2", "LHR"),
        region("eu-west-3", "CDG"),
        region("eu-central-1", "FRA"),
        region("eu-north-1", "ARN"),
        region("ap-south-1", "BOM"),
        region("ap-southeast-1", "SIN"),
        region("ap-southeast-2", "SYD"),
        region("ap-northeast-1", "NRT"),
        region("ap-northeast-2", "ICN")));
    vendors.put("azure", List.of(
        region("eastus", "IAD", "EWR"),
        region("eastus2", "IAD"),
        region("centralus", "ORD", "DFW"),
        region("westus2", "SEA"),
        region("westus3", "PHX"),
        region("canadacentral", "YYZ"),
        region("brazilsouth", "GRU"),
        region("northeurope", "DUB"),
        region("westeurope", "AMS"),
        region("uksouth", "LHR"),
        region("francecentral", "CDG"),
        region("germanywestcentral", "FRA"),
        region("swedencentral", "ARN"),
        region("centralindia", "BOM"),
        region("southeastasia", "SIN"),
        region("australiaeast", "SYD"),
        region("japaneast", "NRT")));
    vendors.put("gcp", List.of(
        region("us-central1", "ORD"),
        region("us-east1", "ATL"),
        region("us-east4", "IAD", "EWR"),
        region("us-west1", "SEA"),
        region("us-west2", "LAX"),
        region("northamerica-northeast1", "YUL"),
        region("southamerica-east1", "GRU"),
        region("europe-west1", "AMS", "CDG"),
        region("europe-west2", "LHR"),
        region("europe-west3", "FRA"),
        region("europe-west4", "AMS"),
        region("asia-south1", "BOM"),
        region("asia-southeast1", "SIN"),
        region("asia-northeast1", "NRT"),
        region("australia-southeast1", "SYD")));
    vendors.put("oci", List.of(
        region("us-ashburn-1", "IAD"),
        region("us-phoenix-1", "PHX"),
        region("us-sanjose-1", "SJC"),
        region("ca-toronto-1", "YYZ"),
        region("sa-saopaulo-1", "GRU"),
        region("uk-london-1", "LHR"),
        region("eu-frankfurt-1", "FRA"),
        region("eu-amsterdam-1", "AMS"),
        region("ap-mumbai-1", "BOM"),
        region("ap-singapore-1", "SIN"),
        region("ap-tokyo-1", "NRT"),
        region("ap-sydney-1", "SYD")));
    return new Catalogue(Collections.unmodifiableMap(vendors));
  }

  private static Region region(String name, String... upperTierColos) {
    return new Region(name, List.of(upperTierColos));
  }

  /** Vendor name to regions, in a stable order. */
  Map<String, List<Region>> vendors() {
    return vendors;
  }

  /** True when {@code vendor} lists {@code region} (both case-sensitive). */
  boolean supports(String vendor, String region) {
    List<Region> regions = vendors.get(vendor);
    if (regions == null) {
      return false;
    }
    for (Region r : regions) {
      if (r.name().equals(region)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the {@code supported_regions} result, the same in both families [S1]. */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeBooleanField("obtained_codes", true);
    json.writeObjectFieldStart("vendors");
    for (Map.Entry<String, List<Region>> vendor : vendors.entrySet()) {
      json.writeArrayFieldStart(vendor.getKey());
      for (Region region : vendor.getValue()) {
        json.writeStartObject();
        json.writeStringField("name", region.name());
        json.writeArrayFieldStart("upper_tier_colos");
        for (String colo : region.upperTierColos()) {
          json.writeString(colo);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndObject();
  }
}
