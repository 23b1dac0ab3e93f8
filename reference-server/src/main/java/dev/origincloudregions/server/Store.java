package dev.origincloudregions.server;

import static dev.origincloudregions.server.Defect.ACCEPTS_LEADING_ZERO_IPV4;
import static dev.origincloudregions.server.Defect.DUPLICATES_NOT_DETECTED;
import static dev.origincloudregions.server.Defect.FAILED_ITEM_ECHOES_TEXT_AS_SENT;
import static dev.origincloudregions.server.Defect.FOLDS_IPV4_MAPPED;
import static dev.origincloudregions.server.Defect.GET_DOES_NOT_NORMALISE_PATH;
import static dev.origincloudregions.server.Defect.LIST_NOT_SORTED;
import static dev.origincloudregions.server.Defect.MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY;
import static dev.origincloudregions.server.Defect.NO_IPV6_NORMALISATION;
import static dev.origincloudregions.server.Defect.NO_ZONE_LIMIT;
import static dev.origincloudregions.server.Defect.RACY_BATCH_DELETE;
import static dev.origincloudregions.server.Defect.SHARED_STORE_ACROSS_ZONES;

import dev.origincloudregions.server.BatchOutcome.Item;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mappings of every zone, and the rules that hold whichever family of paths asks [VS1]: every
 * well-formed zone exists and starts empty [Z2]; mappings are keyed by canonical IP [IP1–IP3]; a zone
 * holds at most 3,500 [M2]; lists come in address order [M4]; each mapping keeps the time of its own
 * last change and the zone the time of its latest change, null when empty [L1, VM1]; a zone's lock
 * makes every batch atomic [BD11].
 *
 * <p>The operations answer what happened; the families ({@link V1Operations}, {@link V2Operations})
 * turn that into their own JSON. The zone limit is the one refusal raised here, identical in both.
 */
final class Store {
  /** One requested write: the IP text as sent, vendor and region. */
  record Requested(String ip, String vendor, String region) {}

  /** A consistent view of a zone: its mappings in list order and its latest change. */
  record Listing(List<Mapping> mappings, ChangeClock.Timestamp modifiedOn) {}

  /** A removed mapping and the time of its removal. */
  record Removed(Mapping mapping, ChangeClock.Timestamp changed) {}

  private final Set<Defect> defects;
  private final Catalogue catalogue;
  private final ChangeClock clock;
  private final ConcurrentHashMap<String, Zone> zones = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  Store(Set<Defect> defects, Catalogue catalogue, Clock clock) {
    this.defects = defects;
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

  /** Every well-formed zone exists and starts empty [Z2]. */
  Zone zone(String zoneId) {
    String key = zoneId;
    if (defects.contains(SHARED_STORE_ACROSS_ZONES)) {
      key = "shared";
    }
    return zones.computeIfAbsent(key, id -> new Zone());
  }

  Catalogue catalogue() {
    return catalogue;
  }

  /** A new change time, later than every one handed out before [BD7]. */
  ChangeClock.Timestamp nextTime() {
    return clock.next();
  }

  // ---------------------------------------------------------------- IP keys [IP1–IP3]

  /** IP1–IP3, and the defects that get them wrong. Null when the text is not a valid origin IP. */
  Ip parseIp(String text) {
    Optional<Ip> parsed = IpAddresses.parse(text);
    if (parsed.isEmpty() && defects.contains(ACCEPTS_LEADING_ZERO_IPV4)) {
      parsed = IpAddresses.parseAllowingLeadingZeros(text);
    }
    if (parsed.isEmpty()) {
      return null;
    }
    Ip ip = parsed.get();
    if (defects.contains(FOLDS_IPV4_MAPPED)) {
      ip = ip.unmapped();
    }
    if (defects.contains(NO_IPV6_NORMALISATION) && ip.isIpv6()) {
      ip = ip.withText(text);
    }
    return ip;
  }

  /** BD6: a failed item names a valid IP by its canonical form, anything else by the text as sent. */
  private String failedText(Ip ip, String sent) {
    if (defects.contains(FAILED_ITEM_ECHOES_TEXT_AS_SENT)) {
      return sent;
    }
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

  /** The mapping a path names, normalised first: 1146 when invalid, 404 code 1142 when there is none [G1, VG1]. */
  Mapping get(Zone zone, String pathText) throws Refusal {
    Ip key = pathIp(pathText);
    if (defects.contains(GET_DOES_NOT_NORMALISE_PATH)) {
      key = key.withText(pathText);
    }
    Mapping mapping = zone.mappings.get(key);
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
      ChangeClock.Timestamp changed = clock.next();
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

  /** Creates or replaces a mapping; a new one in a full zone answers 1164 [U1, VP1, M2]. */
  Mapping put(Zone zone, Ip ip, String vendor, String region) throws Refusal {
    zone.lock.lock();
    try {
      return putLocked(zone, ip, vendor, region);
    } finally {
      zone.lock.unlock();
    }
  }

  /** {@link #put}, and the zone's list right after it, atomically [U1]. */
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
    ChangeClock.Timestamp changed = clock.next();
    Mapping written = new Mapping(ip, vendor, region, changed, sequence.incrementAndGet());
    zone.mappings.put(ip, written);
    recordChange(zone, changed);
    return written;
  }

  // ---------------------------------------------------------------- lists [M4, L1, VL1]

  /** The zone's mappings in list order, and its latest change, in one consistent view. */
  Listing list(Zone zone) {
    zone.lock.lock();
    try {
      return listLocked(zone);
    } finally {
      zone.lock.unlock();
    }
  }

  private Listing listLocked(Zone zone) {
    List<Mapping> mappings = new ArrayList<>(zone.mappings.values());
    if (defects.contains(LIST_NOT_SORTED)) {
      mappings.sort(Comparator.comparingLong(Mapping::sequence).reversed());
    }
    return new Listing(mappings, zone.modifiedOn);
  }

  // ---------------------------------------------------------------- batch delete [BD1–BD11, VBD1]

  /**
   * Deletes the IPs of a well-formed batch: each item judged on its own, in order (valid IP, then
   * duplicate, then existence), all applied under the zone's lock with one change time.
   */
  BatchOutcome deleteAll(Zone zone, List<String> texts) {
    int n = texts.size();
    Ip[] ips = new Ip[n];
    for (int i = 0; i < n; i++) {
      ips[i] = parseIp(texts.get(i));
    }
    if (defects.contains(RACY_BATCH_DELETE)) {
      return racyDeleteAll(zone, texts, ips);
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
          if (defects.contains(DUPLICATES_NOT_DETECTED)) {
            items[i] = items[first];
          } else {
            items[i] = Item.failed(failedText(ip, texts.get(i)), Errors.ITEM_DUPLICATE);
          }
          continue;
        }
        Mapping removed = zone.mappings.remove(ip);
        items[i] = removed == null
            ? Item.failed(failedText(ip, texts.get(i)), Errors.ITEM_NOT_FOUND)
            : Item.succeeded(removed.ip().text(), removed.vendor(), removed.region());
      }
      if (BatchOutcome.anySucceeded(items)) {
        changed = clock.next();
        recordChange(zone, changed);
      }
    } finally {
      zone.lock.unlock();
    }
    return new BatchOutcome(List.of(items), changed);
  }

  /** {@link Defect#RACY_BATCH_DELETE}: no lock, and a check-then-act gap that lets deletes race. */
  private BatchOutcome racyDeleteAll(Zone zone, List<String> texts, Ip[] ips) {
    Item[] items = new Item[ips.length];
    Map<Ip, Integer> firstIndex = new HashMap<>(ips.length * 2);
    for (int i = 0; i < ips.length; i++) {
      Ip ip = ips[i];
      if (ip == null) {
        items[i] = Item.failed(texts.get(i), Errors.ITEM_INVALID_IP);
      } else if (firstIndex.putIfAbsent(ip, i) != null) {
        items[i] = Item.failed(failedText(ip, texts.get(i)), Errors.ITEM_DUPLICATE);
      } else {
        Mapping found = zone.mappings.get(ip);
        if (found == null) {
          items[i] = Item.failed(failedText(ip, texts.get(i)), Errors.ITEM_NOT_FOUND);
        } else {
          Thread.yield();
          zone.mappings.remove(ip);
          items[i] = Item.succeeded(found.ip().text(), found.vendor(), found.region());
        }
      }
    }
    ChangeClock.Timestamp changed = null;
    if (BatchOutcome.anySucceeded(items)) {
      changed = clock.next();
      recordChange(zone, changed);
    }
    return new BatchOutcome(List.of(items), changed);
  }

  // ---------------------------------------------------------------- batch upsert [BU1–BU5, VBU1]

  /**
   * Creates or replaces the items of a well-formed batch: each judged on its own, in order (valid IP,
   * then duplicate, then vendor/region); if the new IPs among those that succeed would take the zone
   * past its limit, the whole request answers 1164 and nothing changes [BU4].
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
      } else if (firstIndex.putIfAbsent(ip, i) != null && !defects.contains(DUPLICATES_NOT_DETECTED)) {
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
        changed = clock.next();
        for (int i = 0; i < n; i++) {
          if (apply[i] != null) {
            Requested request = requested.get(i);
            zone.mappings.put(apply[i],
                new Mapping(apply[i], request.vendor(), request.region(), changed, sequence.incrementAndGet()));
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

  /** True when adding {@code added} new mappings would take the zone past its limit [M2, BU4]. */
  private boolean isFull(Zone zone, int added) {
    if (defects.contains(NO_ZONE_LIMIT)) {
      return false;
    }
    return zone.mappings.size() + added > Zone.MAX_MAPPINGS;
  }

  /** After a change: the zone's modified_on is the change time, or null once the zone is empty [L1, G2, BD7]. */
  private void recordChange(Zone zone, ChangeClock.Timestamp changed) {
    if (zone.mappings.isEmpty() && !defects.contains(MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY)) {
      zone.modifiedOn = null;
    } else {
      zone.modifiedOn = changed;
    }
  }
}
