package dev.origincloudregions.conformance.model;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seven v2 operations of one zone, as raw exchanges (contract section 9): the only place that knows the v2
 * paths, as {@link V1Zone} is for v1. Request items use the key {@code origin_ip} (VK1).
 */
public final class V2Zone {
  /** The most entries one list page holds (VL1). */
  public static final int MAX_PER_PAGE = 100;

  public final String id;
  private final HttpTarget api;
  private final String path;

  public V2Zone(HttpTarget api, String id) {
    this.api = api;
    this.id = id;
    this.path = pathOf(id);
  }

  /** The v2 resource path of a zone: {@code /zones/{zone}/origin/cloud_regions}. */
  public static String pathOf(String zone) {
    return "/zones/" + HttpTarget.segment(zone) + "/origin/cloud_regions";
  }

  public String path() {
    return path;
  }

  /** A request item: {@code {"origin_ip", "vendor", "region"}}. */
  public static Map<String, String> item(String ip, String vendor, String region) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("origin_ip", ip);
    m.put("vendor", vendor);
    m.put("region", region);
    return m;
  }

  public static Map<String, String> item(String ip, VendorRegion p) {
    return item(ip, p.vendor(), p.region());
  }

  /** The first page with the default size. */
  public Exchange list() {
    return api.get(path);
  }

  /** One page; a null parameter is left out of the query, any other is sent as given (encoded). */
  public Exchange list(String page, String perPage) {
    StringBuilder q = new StringBuilder();
    if (page != null) {
      q.append("page=").append(HttpTarget.segment(page));
    }
    if (perPage != null) {
      q.append(q.length() == 0 ? "" : "&").append("per_page=").append(HttpTarget.segment(perPage));
    }
    return api.get(q.length() == 0 ? path : path + "?" + q);
  }

  public Exchange supportedRegions() {
    return api.get(path + "/supported_regions");
  }

  public Exchange get(String ip) {
    return api.get(path + "/" + HttpTarget.segment(ip));
  }

  /** Creates or replaces: {@code PUT /{pathIp}} with the body {@code {"origin_ip": bodyIp, vendor, region}}. */
  public Exchange put(String pathIp, String bodyIp, VendorRegion p) {
    return api.send("PUT", path + "/" + HttpTarget.segment(pathIp), item(bodyIp, p));
  }

  public Exchange delete(String ip) {
    return api.send("DELETE", path + "/" + HttpTarget.segment(ip), null);
  }

  public Exchange batchPut(List<Map<String, String>> items) {
    return api.send("PUT", path + "/batch", items);
  }

  public Exchange batchDelete(List<String> ips) {
    return api.send("DELETE", path + "/batch", new ArrayList<>(ips));
  }
}
