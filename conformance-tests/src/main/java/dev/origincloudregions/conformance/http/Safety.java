package dev.origincloudregions.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.V2Zone;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SAFE rules, enforced on every request and verified at the end of a run.
 *
 * <ul>
 *   <li>SAFE1: the zones are listed before the first change; a delete or upsert that names a pre-existing IP is never
 *       sent (the guard throws instead); at the end the pre-existing mappings are compared with the first list.
 *   <li>SAFE2: a create or upsert that names a valid address outside the documentation ranges is never sent, unless
 *       the operator allowed any address.
 *   <li>SAFE3: every address the run sent in a create or upsert is in the ledger; {@link #cleanUp} deletes whatever of
 *       the ledger is still there, at the end, on failure, and from a shutdown hook on interruption.
 * </ul>
 */
public final class Safety {
  /**
   * A mapping path of either family: v1 {@code /cache/origin_cloud_regions}, v2 {@code /origin/cloud_regions}
   * (contract section 9; one store, so one ledger per zone). Groups: zone, family path, the segment after it.
   */
  private static final Pattern MAPPING_PATH =
      Pattern.compile("^/zones/([^/]*)/(cache/origin_cloud_regions|origin/cloud_regions)(?:/([^/]*))?$");

  private final boolean allowAnyAddress;
  private final Map<String, Map<String, ObservedMapping>> before = new LinkedHashMap<>();
  private final Map<String, Map<String, ObservedMapping>> beforeByFamily = new LinkedHashMap<>();
  private final Set<String> protectedIps = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> ledger = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> adopted = new ConcurrentHashMap<>();
  private final List<String> blocked = java.util.Collections.synchronizedList(new ArrayList<>());

  public Safety(boolean allowAnyAddress) {
    this.allowAnyAddress = allowAnyAddress;
  }

  public boolean allowAnyAddress() {
    return allowAnyAddress;
  }

  /**
   * Records a zone's mappings before the first change, as one family ({@code v1} or {@code v2}) lists them
   * (SAFE1). What either family listed is protected.
   */
  public void recordBefore(String zone, String family, Snapshot s) {
    Map<String, ObservedMapping> m = new LinkedHashMap<>();
    for (ObservedMapping x : s.mappings()) {
      m.put(x.ip(), x);
      protectedIps.add(x.ip());
      Address.canonical(x.ip()).ifPresent(protectedIps::add);
    }
    beforeByFamily.put(zone + " " + family, m);
    before.computeIfAbsent(zone, z -> new LinkedHashMap<>()).putAll(m);
  }

  /** A zone's mappings before the run, as any family listed them. */
  public Map<String, ObservedMapping> before(String zone) {
    return before.getOrDefault(zone, Map.of());
  }

  /** A zone's mappings before the run, as {@code family} listed them. */
  public Map<String, ObservedMapping> before(String zone, String family) {
    return beforeByFamily.getOrDefault(zone + " " + family, Map.of());
  }

  public boolean hadMappings() {
    return before.values().stream().anyMatch(m -> !m.isEmpty());
  }

  public boolean isProtected(Address ip) {
    return protectedIps.contains(ip.toString());
  }

  /** What the run sent in creates and upserts, by zone path segment (SAFE2 judges these). */
  public Map<String, Set<String>> ledger() {
    return ledger;
  }

  /** What clean-up removes in a zone: what the run sent, and what the target said it created for it. */
  public Set<String> created(String zoneSegment) {
    Set<String> all = new java.util.HashSet<>(ledger.getOrDefault(zoneSegment, Set.of()));
    all.addAll(adopted.getOrDefault(zoneSegment, Set.of()));
    return all;
  }

  /**
   * Whether clean-up would remove this canonical address in a zone: {@code created(zoneSegment).contains(ip)}
   * without copying the ledger, which holds every address the run sent there (resets ask this often).
   */
  public boolean isCreated(String zoneSegment, String canonicalIp) {
    return ledger.getOrDefault(zoneSegment, Set.of()).contains(canonicalIp)
        || adopted.getOrDefault(zoneSegment, Set.of()).contains(canonicalIp);
  }

  public List<String> blocked() {
    return List.copyOf(blocked);
  }

  /** Whether an address is a documentation address (SAFE2), IPv4-mapped forms of them included. */
  public static boolean isDocumentation(Address ip) {
    byte[] b = ip.bytes();
    if (ip.isV4() || ip.isV4Mapped()) {
      int n = b.length;
      int a = b[n - 4] & 0xff;
      int c = b[n - 3] & 0xff;
      int d = b[n - 2] & 0xff;
      return (a == 192 && c == 0 && d == 2) || (a == 198 && c == 51 && d == 100) || (a == 203 && c == 0 && d == 113);
    }
    return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
  }

  /** Checks a request before it is sent; throws instead of sending a forbidden one. */
  void guard(String method, String path, byte[] body) {
    if (method.equals("GET")) {
      return;
    }
    Matcher m = MAPPING_PATH.matcher(path);
    if (!m.matches()) {
      return;
    }
    String zone = m.group(1);
    boolean v2 = m.group(2).startsWith("origin/");
    String sub = m.group(3) == null ? null : URLDecoder.decode(m.group(3).replace("+", "%2B"), StandardCharsets.UTF_8);
    String writes = v2 ? "PUT" : "PATCH";
    List<String> named = new ArrayList<>();
    boolean creates = false;
    if (sub == null && (method.equals("POST") || method.equals("PATCH"))) {
      creates = true;
      named.addAll(ipsIn(parse(body)));
    } else if ("batch".equals(sub)) {
      creates = method.equals(writes);
      JsonNode j = parse(body);
      if (j != null && j.isArray()) {
        for (JsonNode i : j) {
          if (i.isTextual()) {
            named.add(i.asText());
          } else {
            named.addAll(ipsIn(i));
          }
        }
      }
    } else if (sub != null && !"supported_regions".equals(sub)) {
      named.add(sub);
      if (v2 && method.equals("PUT")) {
        creates = true;
        named.addAll(ipsIn(parse(body)));
      }
    }
    if (!method.equals("POST") && !method.equals("PATCH") && !method.equals("PUT") && !method.equals("DELETE")) {
      return;
    }
    for (String text : named) {
      Optional<Address> ip = Address.parse(text);
      if (protectedIps.contains(text) || (ip.isPresent() && isProtected(ip.get()))) {
        String why = "SAFE1: refused to send " + method + " naming the pre-existing " + text;
        blocked.add(why);
        throw new IllegalStateException(why);
      }
      if (creates && ip.isPresent() && !allowAnyAddress && !isDocumentation(ip.get())) {
        String why = "SAFE2: refused to create " + text + ", which is not a documentation address";
        blocked.add(why);
        throw new IllegalStateException(why);
      }
    }
    if (creates) {
      Set<String> l = ledger.computeIfAbsent(zone, z -> ConcurrentHashMap.newKeySet());
      for (String text : named) {
        l.add(Address.canonical(text).orElse(text));
      }
    }
  }

  /**
   * SAFE3 for what the target says it created: the addresses in the answer to a create or a batch upsert join the
   * ledger, so a target that reads a text as another address (an IPv4-mapped address as IPv4, an invalid text as
   * some address) is cleaned up all the same. Any IP-valued field counts, so a target that breaks M1 is covered.
   */
  public void adopt(Exchange ex) {
    if (ex.status() < 200 || ex.status() >= 300 || ex.json() == null
        || !(ex.method().equals("POST") || ex.method().equals("PATCH") || ex.method().equals("PUT"))) {
      return;
    }
    Matcher m = MAPPING_PATH.matcher(ex.url().replaceFirst("^https?://[^/]+", "").replaceFirst("^.*?(/zones/)", "$1"));
    if (!m.matches()) {
      return;
    }
    boolean v2 = m.group(2).startsWith("origin/");
    // v1 wraps results in "value"; v2's are flat (VK1).
    JsonNode value = v2 ? ex.json().path("result") : ex.json().path("result").path("value");
    List<JsonNode> created = new ArrayList<>();
    if ("batch".equals(m.group(3))) {
      if (value.path("succeeded").isArray()) {
        value.get("succeeded").forEach(created::add);
      }
    } else if (value.isObject() && (ex.method().equals("POST") && m.group(3) == null
        || v2 && ex.method().equals("PUT") && m.group(3) != null)) {
      created.add(value);
    }
    Set<String> l = adopted.computeIfAbsent(m.group(1), z -> ConcurrentHashMap.newKeySet());
    for (JsonNode item : created) {
      item.fields().forEachRemaining(f -> {
        Optional<Address> ip = f.getValue().isTextual() ? Address.parse(f.getValue().asText()) : Optional.empty();
        if (ip.isPresent() && !isProtected(ip.get())) {
          l.add(ip.get().toString());
        }
      });
    }
  }

  /** The IP a request item names: {@code ip} (v1) or {@code origin_ip} (v2). */
  private static List<String> ipsIn(JsonNode item) {
    List<String> out = new ArrayList<>();
    for (String key : List.of("ip", "origin_ip")) {
      if (item != null && item.path(key).isTextual()) {
        out.add(item.get(key).asText());
      }
    }
    return out;
  }

  private static JsonNode parse(byte[] body) {
    if (body == null) {
      return null;
    }
    try {
      return HttpTarget.JSON.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * Deletes every mapping of the ledger still present in each zone (SAFE3) and returns what could not be removed.
   * Pre-existing mappings are never touched. Safe to call more than once. It works through the families the run
   * checked: v1's paths, v2's, or both (a target whose families keep two stores is cleaned up in each).
   */
  public synchronized Map<String, Set<String>> cleanUp(HttpTarget api, boolean v1, boolean v2) {
    Map<String, Set<String>> left = new LinkedHashMap<>();
    Set<String> zones = new java.util.LinkedHashSet<>(ledger.keySet());
    zones.addAll(adopted.keySet());
    for (String segment : zones) {
      String zoneId = URLDecoder.decode(segment, StandardCharsets.UTF_8);
      Set<String> mine = created(segment);
      Set<String> remaining = new LinkedHashSet<>();
      try {
        if (v1) {
          V1Zone zone = new V1Zone(api, zoneId);
          remaining.addAll(cleanUp(mine, zone::list, Shapes::lenient, zone::batchDelete, zone::delete));
        }
        if (v2) {
          V2Zone zone = new V2Zone(api, zoneId);
          remaining.addAll(cleanUp(mine, () -> v2Page(zone, 1), ex -> v2Lenient(zone, ex), zone::batchDelete,
              zone::delete));
        }
        if (!remaining.isEmpty()) {
          left.put(zoneId, remaining);
        }
      } catch (RunControl.RunStopped ex) {
        left.put(zoneId, new LinkedHashSet<>(mine));
        return left; // the target is gone: what the run created may still be there
      } catch (RuntimeException | AssertionError ex) {
        left.put(zoneId, Set.of("(could not list the zone: " + ex.getMessage().lines().findFirst().orElse("") + ")"));
      }
    }
    return left;
  }

  /** One family's clean-up of a zone: batch delete what is ours, then single deletes, and what is still there. */
  private List<String> cleanUp(Set<String> mine, java.util.function.Supplier<Exchange> list,
      java.util.function.Function<Exchange, Snapshot> read, java.util.function.Consumer<List<String>> batchDelete,
      java.util.function.Consumer<String> delete) {
    Exchange first = list.get();
    if (first.status() == 400 || first.status() == 404) {
      return List.of(); // not a zone the target knows (an invalid zone_id from Z1): nothing can be there
    }
    List<String> present = ours(read.apply(first), mine);
    for (int i = 0; i < present.size(); i += 100) {
      batchDelete.accept(present.subList(i, Math.min(present.size(), i + 100)));
    }
    present = ours(read.apply(list.get()), mine);
    for (String ip : present) {
      delete.accept(ip);
    }
    return ours(read.apply(list.get()), mine);
  }

  private static Exchange v2Page(V2Zone zone, int page) {
    return zone.list(String.valueOf(page), String.valueOf(V2Zone.MAX_PER_PAGE));
  }

  /**
   * A v2 zone's whole list read leniently from its first page on, for clean-up and the first list: every string that
   * is a valid address in each entry, whatever its key, so that a target which breaks VK1 is still cleaned up.
   */
  public static Snapshot v2Lenient(V2Zone zone, Exchange first) {
    List<ObservedMapping> ms = new ArrayList<>();
    Exchange ex = first;
    for (int page = 1; page <= 40; page++) {
      JsonNode r = ex.result();
      if (r == null || !r.isArray() || r.isEmpty()) {
        break;
      }
      for (JsonNode m : r) {
        m.fields().forEachRemaining(f -> {
          if (f.getValue().isTextual() && Address.isValid(f.getValue().asText())) {
            ms.add(new ObservedMapping(f.getValue().asText(), m.path("vendor").asText(""),
                m.path("region").asText(""), m.path("modified_on").asText(null), null));
          }
        });
      }
      if (page >= ex.json().path("result_info").path("total_pages").asLong(0)) {
        break;
      }
      ex = v2Page(zone, page + 1);
    }
    return new Snapshot(null, null, ms, first);
  }

  private List<String> ours(Snapshot s, Set<String> mine) {
    List<String> out = new ArrayList<>();
    for (ObservedMapping m : s.mappings()) {
      String c = Address.canonical(m.ip()).orElse(m.ip());
      if ((mine.contains(c) || mine.contains(m.ip())) && !protectedIps.contains(m.ip()) && !protectedIps.contains(c)) {
        out.add(m.ip());
      }
    }
    return out;
  }
}
