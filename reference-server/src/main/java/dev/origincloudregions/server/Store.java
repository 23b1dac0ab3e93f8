package dev.origincloudregions.server;

import dev.origincloudregions.server.BatchOutcome.Item;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mappings of every zone, and the rules that hold whichever family of paths asks [VS1]: every
 * well-formed zone exists and starts empty [Z2]; mappings are keyed by canonical IP [IP1–IP3]; a zone
 * holds at most 3,500 [M2]; lists come in address order [M4]; each mapping keeps the time of its own
 * last change and the zone the time of its latest change, null when empty [L1, VM1]; a zone's lock
 * makes every batch atomic [BD11].
 *
 * <p>The operations answer what happened; the families ({@link V1Operations}, {@link V2Operations})
 * turn that into their own JSON. The zone limit is the one refusal raised here, identical in both.
 *
 * <p>Not final: the methods marked "Seam" may be overridden by test code ({@link ServerParts}); the fields of
 * {@link Zone} are open to subclasses in this package, which take its lock as this class does.
 */
class Store {
  /** One requested write: the IP text as sent, vendor and region. */
  record Requested(String ip, String vendor, String region) {}

  /** A consistent view of a zone: its mappings in list order and its latest change. */
  record Listing(List<Mapping> mappings, ChangeClock.Timestamp modifiedOn) {}

  /** A removed mapping and the time of its removal. */
  record Removed(Mapping mapping, ChangeClock.Timestamp changed) {}

  private final Catalogue catalogue;
  private final ChangeClock clock;
  private final ConcurrentHashMap<String, Zone> zones = new ConcurrentHashMap<>();

  Store(Catalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = new ChangeClock(clock);
  }

  /** Z1: 32 lowercase hexadecimal characters, as Cloudflare's zone identifiers are. */
  static boolean isZoneId(String zoneId) {
    if (zoneId.length() != 32) {
      return false;
    }
    for (int i = 0; i < zoneId.length(); i++) {
      char c = zoneId.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Every well-formed zone exists and starts empty [Z2]. Seam. */
  Zone zone(String zoneId) {
    return zones.computeIfAbsent(zoneId, id -> new Zone());
  }

  Catalogue catalogue() {
    return catalogue;
  }

  /** A new change time, later than every one handed out before [BD7]. Seam. */
  ChangeClock.Timestamp nextTime() {
    return clock.next();
  }

  // ---------------------------------------------------------------- IP keys [IP1–IP3]

  /** IP1–IP3: the canonical IP that {@code text} names, or null when it is not a valid origin IP. Seam. */
  Ip parseIp(String text) {
    return IpAddresses.parse(text).orElse(null);
  }

  /** BD6: a failed item names a valid IP by its canonical form ({@code sent} being the text as sent). Seam. */
  String failedText(Ip ip, String sent) {
    return ip.text();
  }

  // ---------------------------------------------------------------- single mappings

  /** The IP named by a path: 400, code 1146 when it is not a valid origin IP [G1, VG1, VP1]. */
  Ip pathIp(String pathText) throws Refusal {
    Ip ip = parseIp(pathText);
    if (ip == null) {
      throw new Refusal(Errors.invalidIp());
    }
    return ip;
  }

  /** The mapping a path names, normalised first: 1146 when invalid, 404 code 1142 when there is none [G1, VG1]. Seam. */
  Mapping get(Zone zone, String pathText) throws Refusal {
    Mapping mapping = zone.mappings.get(pathIp(pathText));
    if (mapping == null) {
      throw new Refusal(Errors.notFound());
    }
    return mapping;
  }

  /** Removes the mapping a path names: 1146 when invalid, 404 code 1142 when there is none [G1, G2, VG1]. */
  Removed delete(Zone zone, String pathText) throws Refusal {
    Ip ip = pathIp(pathText);
    zone.lock.lock();
    try {
      Mapping removed = zone.mappings.remove(ip);
      if (removed == null) {
        throw new Refusal(Errors.notFound());
      }
      ChangeClock.Timestamp changed = nextTime();
      recordChange(zone, changed);
      return new Removed(removed, changed);
    } finally {
      zone.lock.unlock();
    }
  }

  /** Creates a mapping that must not exist yet: 1145 if it does, 1164 if the zone is full [C1, M2]. */
  Mapping create(Zone zone, Ip ip, String vendor, String region) throws Refusal {
    zone.lock.lock();
    try {
      if (zone.mappings.containsKey(ip)) {
        throw new Refusal(Errors.exists());
      }
      return putLocked(zone, ip, vendor, region);
    } finally {
      zone.lock.unlock();
    }
  }

  /** Creates or replaces a mapping (v2's put); a new one in a full zone answers 1164 [VP1, M2]. Seam. */
  Mapping put(Zone zone, Ip ip, String vendor, String region) throws Refusal {
    zone.lock.lock();
    try {
      return putLocked(zone, ip, vendor, region);
    } finally {
      zone.lock.unlock();
    }
  }

  /** {@link #put}, and the zone's list right after it, atomically (v1's upsert) [U1]. Seam. */
  Listing putAndList(Zone zone, Ip ip, String vendor, String region) throws Refusal {
    zone.lock.lock();
    try {
      putLocked(zone, ip, vendor, region);
      return listLocked(zone);
    } finally {
      zone.lock.unlock();
    }
  }

  /** Every accepted write is a change, with a new time, even when vendor and region stay the same [M1, VP1]. */
  private Mapping putLocked(Zone zone, Ip ip, String vendor, String region) throws Refusal {
    if (!zone.mappings.containsKey(ip) && isFull(zone, 1)) {
      throw new Refusal(Errors.zoneFull());
    }
    ChangeClock.Timestamp changed = nextTime();
    Mapping written = new Mapping(ip, vendor, region, changed);
    zone.mappings.put(ip, written);
    recordChange(zone, changed);
    return written;
  }

  // ---------------------------------------------------------------- lists [M4, L1, VL1]

  /** The zone's mappings in list order, and its latest change, in one consistent view. Seam. */
  Listing list(Zone zone) {
    zone.lock.lock();
    try {
      return listLocked(zone);
    } finally {
      zone.lock.unlock();
    }
  }

  private static Listing listLocked(Zone zone) {
    return new Listing(new ArrayList<>(zone.mappings.values()), zone.modifiedOn);
  }

  // ---------------------------------------------------------------- batch delete [BD1–BD11, VBD1]

  /**
   * Deletes the IPs of a well-formed batch: each item judged on its own, in order (valid IP, then
   * duplicate, then existence), all applied under the zone's lock with one change time. Seam.
   */
  BatchOutcome deleteAll(Zone zone, List<String> texts) {
    int n = texts.size();
    Ip[] ips = new Ip[n];
    for (int i = 0; i < n; i++) {
      ips[i] = parseIp(texts.get(i));
    }
    Item[] items = new Item[n];
    Map<Ip, Integer> firstIndex = new HashMap<>(n * 2);
    ChangeClock.Timestamp changed = null;
    zone.lock.lock();
    try {
      for (int i = 0; i < n; i++) {
        Ip ip = ips[i];
        if (ip == null) {
          items[i] = Item.failed(texts.get(i), Errors.ITEM_INVALID_IP);
          continue;
        }
        Integer first = firstIndex.putIfAbsent(ip, i);
        if (first != null) {
          items[i] = Item.failed(failedText(ip, texts.get(i)), Errors.ITEM_DUPLICATE);
          continue;
        }
        Mapping removed = zone.mappings.remove(ip);
        items[i] = removed == null
            ? Item.failed(failedText(ip, texts.get(i)), Errors.ITEM_NOT_FOUND)
            : Item.succeeded(removed.ip().text(), removed.vendor(), removed.region());
      }
      if (BatchOutcome.anySucceeded(items)) {
        changed = nextTime();
        recordChange(zone, changed);
      }
    } finally {
      zone.lock.unlock();
    }
    return new BatchOutcome(List.of(items), changed);
  }

  // ---------------------------------------------------------------- batch upsert [BU1–BU5, VBU1]

  /**
   * Creates or replaces the items of a well-formed batch: each judged on its own, in order (valid IP,
   * then duplicate, then vendor/region); if the new IPs among those that succeed would take the zone
   * past its limit, the whole request answers 1164 and nothing changes [BU4]. Seam.
   */
  BatchOutcome upsertAll(Zone zone, List<Requested> requested) throws Refusal {
    int n = requested.size();
    Item[] items = new Item[n];
    Ip[] apply = new Ip[n];
    Map<Ip, Integer> firstIndex = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Requested request = requested.get(i);
      Ip ip = parseIp(request.ip());
      if (ip == null) {
        items[i] = Item.failed(request.ip(), Errors.ITEM_INVALID_IP);
      } else if (firstIndex.putIfAbsent(ip, i) != null) {
        items[i] = Item.failed(failedText(ip, request.ip()), Errors.ITEM_DUPLICATE);
      } else if (!catalogue.supports(request.vendor(), request.region())) {
        items[i] = Item.failed(failedText(ip, request.ip()), Errors.ITEM_UNSUPPORTED);
      } else {
        apply[i] = ip;
        items[i] = Item.succeeded(ip.text(), request.vendor(), request.region());
      }
    }
    ChangeClock.Timestamp changed = null;
    zone.lock.lock();
    try {
      int added = 0;
      Map<Ip, Boolean> counted = new HashMap<>(n * 2);
      for (Ip ip : apply) {
        if (ip != null && !zone.mappings.containsKey(ip) && counted.put(ip, Boolean.TRUE) == null) {
          added++;
        }
      }
      if (added > 0 && isFull(zone, added)) {
        throw new Refusal(Errors.zoneFull());
      }
      if (BatchOutcome.anySucceeded(items)) {
        changed = nextTime();
        for (int i = 0; i < n; i++) {
          if (apply[i] != null) {
            Requested request = requested.get(i);
            zone.mappings.put(apply[i],
                new Mapping(apply[i], request.vendor(), request.region(), changed));
          }
        }
        recordChange(zone, changed);
      }
    } finally {
      zone.lock.unlock();
    }
    return new BatchOutcome(List.of(items), changed);
  }

  // ---------------------------------------------------------------- zone rules

  /** True when adding {@code added} new mappings would take the zone past its limit [M2, BU4]. Seam. */
  boolean isFull(Zone zone, int added) {
    return zone.mappings.size() + added > Zone.MAX_MAPPINGS;
  }

  /**
   * After a change, under the zone's lock: the zone's modified_on is the change time, or null once the
   * zone is empty [L1, G2, BD7]. Seam.
   */
  void recordChange(Zone zone, ChangeClock.Timestamp changed) {
    if (zone.mappings.isEmpty()) {
      zone.modifiedOn = null;
    } else {
      zone.modifiedOn = changed;
    }
  }
}
