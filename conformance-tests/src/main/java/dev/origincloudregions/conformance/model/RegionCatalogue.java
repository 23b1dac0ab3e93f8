package dev.origincloudregions.conformance.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.http.Exchange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vendor/region pairs the target lists in supported_regions (S1), read once per run: the suite never assumes a
 * fixed catalogue. It also makes pairs the target does not list (M3).
 */
public final class RegionCatalogue {
  public final List<VendorRegion> pairs;
  private final Set<VendorRegion> listed;

  RegionCatalogue(List<VendorRegion> pairs) {
    this.pairs = List.copyOf(pairs);
    this.listed = Set.copyOf(pairs);
  }

  /** Reads and checks a supported_regions answer (S1). */
  public static RegionCatalogue read(Shapes shapes, Exchange ex) {
    JsonNode r = shapes.ok(ex, "S1");
    if (!r.isObject() || !r.path("obtained_codes").isBoolean() || !r.path("vendors").isObject()) {
      throw Shapes.fail("S1", ex, "result must be {obtained_codes: boolean, vendors: {vendor: [region]}}");
    }
    List<VendorRegion> pairs = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = r.get("vendors").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> v = it.next();
      if (!v.getValue().isArray()) {
        throw Shapes.fail("S1", ex, "vendors." + v.getKey() + " must be an array of regions");
      }
      for (JsonNode reg : v.getValue()) {
        if (!reg.path("name").isTextual() || reg.get("name").asText().isEmpty() || !reg.path("upper_tier_colos").isArray()) {
          throw Shapes.fail("S1", ex, "a region is {name: string, upper_tier_colos: [string]}, got " + reg);
        }
        for (JsonNode c : reg.get("upper_tier_colos")) {
          if (!c.isTextual()) {
            throw Shapes.fail("S1", ex, "upper_tier_colos holds strings, got " + c);
          }
        }
        pairs.add(new VendorRegion(v.getKey(), reg.get("name").asText()));
      }
    }
    if (pairs.isEmpty()) {
      throw Shapes.fail("S1", ex, "supported_regions lists no region at all, so no mapping can be made");
    }
    return new RegionCatalogue(pairs);
  }

  public boolean lists(VendorRegion p) {
    return listed.contains(p);
  }

  public VendorRegion pair(int index) {
    return pairs.get(Math.floorMod(index, pairs.size()));
  }

  /** A pair the target does not list, chosen by {@code kind} (M3). */
  public VendorRegion unlisted(int kind, int index) {
    VendorRegion base = pair(index);
    List<VendorRegion> candidates = new ArrayList<>();
    Set<String> vendors = new TreeSet<>();
    pairs.forEach(p -> vendors.add(p.vendor()));
    switch (Math.floorMod(kind, 6)) {
      case 0: // a region of another vendor
        for (VendorRegion p : pairs) {
          if (!p.vendor().equals(base.vendor())) {
            candidates.add(new VendorRegion(base.vendor(), p.region()));
          }
        }
        break;
      case 1:
        candidates.add(new VendorRegion(base.vendor(), base.region().toUpperCase(Locale.ROOT)));
        break;
      case 2:
        candidates.add(new VendorRegion(base.vendor(), "mars-north-" + (index & 7)));
        break;
      case 3:
        candidates.add(new VendorRegion("ibm", base.region()));
        break;
      case 4:
        candidates.add(new VendorRegion(base.vendor().toUpperCase(Locale.ROOT), base.region()));
        break;
      default:
        candidates.add(new VendorRegion(base.vendor(), ""));
        break;
    }
    candidates.add(new VendorRegion(base.vendor(), base.region() + "-x"));
    for (VendorRegion c : candidates) {
      if (!lists(c)) {
        return c;
      }
    }
    return new VendorRegion(base.vendor(), "no-such-region-" + Math.abs(index));
  }
}
