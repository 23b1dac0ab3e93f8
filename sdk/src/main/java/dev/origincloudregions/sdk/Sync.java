package dev.origincloudregions.sdk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Computes a {@link SyncPlan}: the difference between a zone's mappings and the desired ones. */
final class Sync {
  private Sync() {}

  /**
   * The desired mappings by canonical IP, in input order, each with its IP canonical. Refuses, before
   * anything is sent, what cannot be a zone's content: an invalid IP, or one IP mapped two ways (the
   * same mapping twice is kept once).
   */
  static Map<String, MappingRequest> desired(Collection<MappingRequest> desired) {
    Objects.requireNonNull(desired, "desired == null");
    Map<String, MappingRequest> byIp = new LinkedHashMap<>();
    for (MappingRequest m : desired) {
      Objects.requireNonNull(m, "desired holds null");
      String ip = CanonicalIp.of(m.ip());
      if (ip == null) {
        throw new IllegalArgumentException("desired holds an invalid IP: '" + m.ip() + "'");
      }
      MappingRequest canonical = new MappingRequest(ip, m.vendor(), m.region());
      MappingRequest before = byIp.putIfAbsent(ip, canonical);
      if (before != null && !before.equals(canonical)) {
        throw new IllegalArgumentException(
            "desired maps " + ip + " twice: to " + before.vendor() + "/" + before.region() + " and to "
                + m.vendor() + "/" + m.region());
      }
    }
    return byIp;
  }

  /** What makes {@code current} equal to {@code desired} (from {@link #desired}). */
  static SyncPlan plan(Iterable<Mapping> current, Map<String, MappingRequest> desired) {
    Map<String, Mapping> held = new LinkedHashMap<>();
    List<String> deletes = new ArrayList<>();
    for (Mapping m : current) {
      String ip = CanonicalIp.of(m.originIp());
      String key = ip == null ? m.originIp() : ip;
      held.put(key, m);
      if (!desired.containsKey(key)) {
        deletes.add(m.originIp()); // exactly as the server listed it
      }
    }
    List<MappingRequest> creates = new ArrayList<>();
    List<MappingRequest> updates = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, MappingRequest> e : desired.entrySet()) {
      Mapping now = held.get(e.getKey());
      MappingRequest want = e.getValue();
      if (now == null) {
        creates.add(want);
      } else if (now.vendor().equals(want.vendor()) && now.region().equals(want.region())) {
        unchanged++;
      } else {
        updates.add(want);
      }
    }
    return new SyncPlan(creates, updates, deletes, unchanged);
  }
}
