package dev.origincloudregions.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The eight operations of one zone, as raw exchanges (contract section 5). */
final class Zone {
  final String id;
  private final Api api;
  private final String path;

  Zone(Api api, String id) {
    this.api = api;
    this.id = id;
    this.path = Api.zonePath(id);
  }

  String path() {
    return path;
  }

  static Map<String, String> item(String ip, String vendor, String region) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ip", ip);
    m.put("vendor", vendor);
    m.put("region", region);
    return m;
  }

  static Map<String, String> item(String ip, VendorRegion p) {
    return item(ip, p.vendor(), p.region());
  }

  Exchange list() {
    return api.get(path);
  }

  Exchange supportedRegions() {
    return api.get(path + "/supported_regions");
  }

  Exchange create(String ip, VendorRegion p) {
    return api.send("POST", path, item(ip, p));
  }

  Exchange upsert(String ip, VendorRegion p) {
    return api.send("PATCH", path, item(ip, p));
  }

  Exchange get(String ip) {
    return api.get(path + "/" + Api.segment(ip));
  }

  Exchange delete(String ip) {
    return api.send("DELETE", path + "/" + Api.segment(ip), null);
  }

  Exchange batchUpsert(List<Map<String, String>> items) {
    return api.send("PATCH", path + "/batch", items);
  }

  Exchange batchDelete(List<String> ips) {
    return api.send("DELETE", path + "/batch", new ArrayList<>(ips));
  }
}
