package dev.origincloudregions.server;

import dev.origincloudregions.server.BatchOutcome.Item;
import inet.ipaddr.IPAddressString;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defects in the store that both families share: IP keys [IP1–IP3], zones [Z2, M2], lists [M4, L1], batches
 * [BD5, BD6, BD11, BU2], change times [VM1]. Each overrides a {@link Store} seam and, where it can, lets the
 * shipped code do the rest.
 */
final class StoreMutants {
  private StoreMutants() {}

  // ---------------------------------------------------------------- IP keys

  /** {@link Mutant#NO_IPV6_NORMALISATION}: an IPv6 key keeps the text as sent, so two spellings are two mappings. */
  static final class NoIpv6Normalisation extends Store {
    NoIpv6Normalisation(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Ip parseIp(String text) {
      Ip ip = super.parseIp(text);
      return ip != null && ip.isIpv6() ? spelledAs(ip, text) : ip;
    }

    /** The same IPv6 address named by {@code text}. */
    private static Ip spelledAs(Ip ip, String text) {
      byte[] bytes = new IPAddressString(ip.text()).getAddress().getBytes();
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = (hi << 8) | (bytes[i] & 0xff);
        lo = (lo << 8) | (bytes[i + 8] & 0xff);
      }
      return Ip.ipv6(text, hi, lo);
    }
  }

  /** {@link Mutant#FOLDS_IPV4_MAPPED}: {@code ::ffff:a.b.c.d} is the IPv4 address {@code a.b.c.d}. */
  static final class FoldsIpv4Mapped extends Store {
    FoldsIpv4Mapped(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Ip parseIp(String text) {
      Ip ip = super.parseIp(text);
      // The canonical text of a mapped address is "::ffff:" and its dotted tail (IP2).
      return ip != null && ip.isIpv4Mapped() ? super.parseIp(ip.text().substring("::ffff:".length())) : ip;
    }
  }

  /** {@link Mutant#ACCEPTS_LEADING_ZERO_IPV4}: {@code 010.0.0.1} is read as {@code 10.0.0.1}. */
  static final class AcceptsLeadingZeroIpv4 extends Store {
    private static final Pattern QUAD = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

    AcceptsLeadingZeroIpv4(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Ip parseIp(String text) {
      Ip ip = super.parseIp(text);
      if (ip != null || text == null) {
        return ip;
      }
      Matcher quad = QUAD.matcher(text);
      if (!quad.matches()) {
        return null;
      }
      StringBuilder decimal = new StringBuilder();
      for (int octet = 1; octet <= 4; octet++) {
        decimal.append(octet > 1 ? "." : "").append(Integer.parseInt(quad.group(octet)));
      }
      return super.parseIp(decimal.toString());
    }
  }

  // ---------------------------------------------------------------- zones and lists

  /** {@link Mutant#SHARED_STORE_ACROSS_ZONES}: every zone identifier names the same zone. */
  static final class SharedStoreAcrossZones extends Store {
    SharedStoreAcrossZones(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Zone zone(String zoneId) {
      return super.zone("shared");
    }
  }

  /** {@link Mutant#NO_ZONE_LIMIT}: a zone is never full. */
  static final class NoZoneLimit extends Store {
    NoZoneLimit(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    boolean isFull(Zone zone, int added) {
      return false;
    }
  }

  /**
   * {@link Mutant#LIST_NOT_SORTED}: lists come newest first (by modified_on), the mappings of one change in
   * descending address order.
   */
  static final class ListNotSorted extends Store {
    private static final Comparator<Mapping> NEWEST_FIRST =
        Comparator.comparingLong((Mapping m) -> m.modifiedOn().micros()).thenComparing(Mapping::ip).reversed();

    ListNotSorted(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Listing list(Zone zone) {
      return newestFirst(super.list(zone));
    }

    @Override
    Listing putAndList(Zone zone, Ip ip, String vendor, String region) throws Refusal {
      return newestFirst(super.putAndList(zone, ip, vendor, region));
    }

    private static Listing newestFirst(Listing listing) {
      List<Mapping> mappings = new ArrayList<>(listing.mappings());
      mappings.sort(NEWEST_FIRST);
      return new Listing(mappings, listing.modifiedOn());
    }
  }

  /** {@link Mutant#GET_DOES_NOT_NORMALISE_PATH}: a path IP finds its mapping only when spelled canonically. */
  static final class GetDoesNotNormalisePath extends Store {
    GetDoesNotNormalisePath(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Mapping get(Zone zone, String pathText) throws Refusal {
      Mapping mapping = super.get(zone, pathText);
      if (!mapping.ip().text().equals(pathText)) {
        throw new Refusal(Errors.notFound());
      }
      return mapping;
    }
  }

  // ---------------------------------------------------------------- change times

  /** {@link Mutant#MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY}: an emptied zone keeps its last change time. */
  static final class ModifiedOnKeptWhenZoneEmpty extends Store {
    ModifiedOnKeptWhenZoneEmpty(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    void recordChange(Zone zone, ChangeClock.Timestamp changed) {
      zone.modifiedOn = changed;
    }
  }

  /**
   * {@link Mutant#V2_PUT_KEEPS_MODIFIED_ON}: a put that names the vendor and region the mapping has already is
   * treated as no change. {@link Store#put} serves v2's single put only (v1's upsert lists the zone after it).
   */
  static final class PutKeepsModifiedOn extends Store {
    PutKeepsModifiedOn(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    Mapping put(Zone zone, Ip ip, String vendor, String region) throws Refusal {
      Mapping existing = zone.mappings.get(ip);
      if (existing != null && existing.vendor().equals(vendor) && existing.region().equals(region)) {
        return existing;
      }
      return super.put(zone, ip, vendor, region);
    }
  }

  // ---------------------------------------------------------------- batches

  /** {@link Mutant#FAILED_ITEM_ECHOES_TEXT_AS_SENT}: a failed item names a valid IP as sent, not canonically. */
  static final class FailedItemEchoesTextAsSent extends Store {
    FailedItemEchoesTextAsSent(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    String failedText(Ip ip, String sent) {
      return sent;
    }
  }

  /**
   * {@link Mutant#DUPLICATES_NOT_DETECTED}: a later occurrence of an IP in one batch is processed as well. A
   * batch delete reports the first occurrence's outcome again (so a mapping is "deleted" twice); in a batch
   * upsert every occurrence with a listed pair succeeds and the last one wins, as when each is applied in turn.
   */
  static final class DuplicatesNotDetected extends Store {
    DuplicatesNotDetected(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    BatchOutcome deleteAll(Zone zone, List<String> texts) {
      List<String> once = new ArrayList<>();
      Map<Ip, Integer> firstAt = new HashMap<>();
      int[] outcomeOf = new int[texts.size()];
      for (int i = 0; i < texts.size(); i++) {
        Ip ip = parseIp(texts.get(i));
        Integer first = ip == null ? null : firstAt.putIfAbsent(ip, once.size());
        if (first != null) {
          outcomeOf[i] = first;
        } else {
          outcomeOf[i] = once.size();
          once.add(texts.get(i));
        }
      }
      BatchOutcome outcome = super.deleteAll(zone, once);
      List<Item> items = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        items.add(outcome.items().get(outcomeOf[i]));
      }
      return new BatchOutcome(items, outcome.changed());
    }

    @Override
    BatchOutcome upsertAll(Zone zone, List<Requested> requested) throws Refusal {
      List<Requested> invalid = new ArrayList<>();
      Map<Ip, Requested> applied = new LinkedHashMap<>();
      for (Requested r : requested) {
        Ip ip = parseIp(r.ip());
        if (ip == null) {
          invalid.add(r);
        } else if (!applied.containsKey(ip) || catalogue().supports(r.vendor(), r.region())) {
          applied.put(ip, r);
        }
      }
      List<Requested> once = new ArrayList<>(invalid);
      once.addAll(applied.values());
      BatchOutcome outcome = super.upsertAll(zone, once);
      List<Item> items = new ArrayList<>(requested.size());
      for (Requested r : requested) {
        Ip ip = parseIp(r.ip());
        if (ip == null) {
          items.add(Item.failed(r.ip(), Errors.ITEM_INVALID_IP));
        } else if (catalogue().supports(r.vendor(), r.region())) {
          items.add(Item.succeeded(ip.text(), r.vendor(), r.region()));
        } else {
          items.add(Item.failed(failedText(ip, r.ip()), Errors.ITEM_UNSUPPORTED));
        }
      }
      return new BatchOutcome(items, outcome.changed());
    }
  }

  /**
   * {@link Mutant#RACY_BATCH_DELETE}: no lock, and a gap between finding a mapping and removing it, so two
   * concurrent deletes can both find it and both report it deleted.
   */
  static final class RacyBatchDelete extends Store {
    RacyBatchDelete(Catalogue catalogue, Clock clock) {
      super(catalogue, clock);
    }

    @Override
    BatchOutcome deleteAll(Zone zone, List<String> texts) {
      Item[] items = new Item[texts.size()];
      Map<Ip, Integer> firstAt = new HashMap<>();
      for (int i = 0; i < texts.size(); i++) {
        Ip ip = parseIp(texts.get(i));
        if (ip == null) {
          items[i] = Item.failed(texts.get(i), Errors.ITEM_INVALID_IP);
        } else if (firstAt.putIfAbsent(ip, i) != null) {
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
        changed = nextTime();
        recordChange(zone, changed);
      }
      return new BatchOutcome(List.of(items), changed);
    }
  }
}
