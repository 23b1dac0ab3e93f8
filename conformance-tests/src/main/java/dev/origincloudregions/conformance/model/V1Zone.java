package dev.origincloudregions.conformance.model;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight v1 operations of one zone, as raw exchanges (contract section 5): the only place that knows the v1
 * paths. The v2 family ({@code /origin/cloud_regions}, section 9) gets its own class beside it; the HTTP layer
 * ({@link HttpTarget}) knows no family.
 */
public final class V1Zone {
  public final String id;
  private final HttpTarget api;
  private final String path;

  public V1Zone(HttpTarget api, String id) {
    this.api = api;
    this.id = id;
    this.path = pathOf(id);
  }

  /** The v1 resource path of a zone: {@code /zones/{zone}/cache/origin_cloud_regions}. */
  public static String pathOf(String zone) {
    return "/zones/" + HttpTarget.segment(zone) + "/cache/origin_cloud_regions";
  }

  public String path() {
    return path;
  }

  public static Map<String, String> item(String ip, String vendor, String region) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ip", ip);
    m.put("vendor", vendor);
    m.put("region", region);
    return m;
  }

  public static Map<String, String> item(String ip, VendorRegion p) {
    return item(ip, p.vendor(), p.region());
  }

  public Exchange list() {
    return api.get(path);
  }

  public Exchange supportedRegions() {
    return api.get(path + "/supported_regions");
  }

  public Exchange create(String ip, VendorRegion p) {
    return api.send("POST", path, item(ip, p));
  }

  public Exchange upsert(String ip, VendorRegion p) {
    return api.send("PATCH", path, item(ip, p));
  }

  public Exchange get(String ip) {
    return api.get(path + "/" + HttpTarget.segment(ip));
  }

  public Exchange delete(String ip) {
    return api.send("DELETE", path + "/" + HttpTarget.segment(ip), null);
  }

  public Exchange batchUpsert(List<Map<String, String>> items) {
    return api.send("PATCH", path + "/batch", items);
  }

  public Exchange batchDelete(List<String> ips) {
    return api.send("DELETE", path + "/batch", new ArrayList<>(ips));
  }
}
