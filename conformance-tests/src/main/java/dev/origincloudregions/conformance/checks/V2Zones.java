package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Recorder;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V2Shapes;
import dev.origincloudregions.conformance.model.V2Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A v2 zone's state through the v2 paths only, as {@link Target} keeps it through v1's: the whole list read page by
 * page, reset, seeding by batch put, clearing by batch delete. The v2 checks never touch v1 for their own state, so
 * that a server whose families keep two stores fails the checks of VS1, not those of every v2 rule.
 */
final class V2Zones {
  /** Pages read at most for one whole list: 3,500 mappings (M2) at 100 a page, and a margin. */
  static final int MAX_PAGES = 40;

  private V2Zones() {}

  /**
   * The whole zone: every page at {@code per_page=100}, checked as pages (VL1, VK1) and as a whole (each mapping
   * exactly once, in M4 order, as many as {@code total_count} says), joined in order. The snapshot's
   * {@code modifiedOn} is null (v2 has no zone-level time) and its exchange is the first page's.
   */
  static Snapshot snapshot(Target t, V2Zone z) {
    return pages(t, z, V2Zone.MAX_PER_PAGE);
  }

  /** The whole zone read page by page at {@code perPage}, with the checks of {@link #snapshot}. */
  static Snapshot pages(Target t, V2Zone z, int perPage) {
    List<ObservedMapping> all = new ArrayList<>();
    Exchange first = null;
    V2Shapes.Page p = null;
    int pages = (int) Math.min(MAX_PAGES * 100L, 3_600L / perPage + 2);
    for (int page = 1; page <= pages; page++) {
      p = t.v2shapes.page(z.list(String.valueOf(page), String.valueOf(perPage)));
      first = first == null ? p.exchange() : first;
      checkPage(t, p, page, perPage, first);
      all.addAll(p.entries());
      if (p.entries().isEmpty() || page >= p.totalPages()) {
        break;
      }
    }
    whole(t, all, p, first);
    for (ObservedMapping m : all) {
      observe(t, z, m.modifiedAt());
    }
    return new Snapshot(null, null, List.copyOf(all), first);
  }

  /** One page as VL1 describes it: its own numbers, and the same totals as the first page. */
  static void checkPage(Target t, V2Shapes.Page p, long page, long perPage, Exchange first) {
    Exchange ex = p.exchange();
    Target.expect(p.page() == page && p.perPage() == perPage, "VL1", ex, "result_info must echo page " + page
        + " and per_page " + perPage + ", got page " + p.page() + " and per_page " + p.perPage());
    Target.expect(p.count() == p.entries().size(), "VL1", ex, "result_info.count is the number of entries in this "
        + "page, " + p.entries().size() + ", got " + p.count());
    Target.expect(p.entries().size() <= perPage, "VL1", ex, "a page of per_page " + perPage + " holds "
        + p.entries().size() + " entries");
    if (t.reference) {
      long want = (p.totalCount() + perPage - 1) / perPage;
      Target.expect(p.totalPages() == want, "VL1 [ref]", ex, "total_pages is ceil(total_count / per_page) = ceil("
          + p.totalCount() + " / " + perPage + ") = " + want + ", got " + p.totalPages());
      if (page <= p.totalPages()) {
        long full = Math.min(perPage, p.totalCount() - (page - 1) * perPage);
        Target.expect(p.entries().size() == full, "VL1 [ref]", ex, "page " + page + " of " + p.totalPages()
            + " (total_count " + p.totalCount() + ", per_page " + perPage + ") must hold " + full + " entries, got "
            + p.entries().size());
      }
    }
  }

  /** Every page read: each mapping once, in M4 order, {@code total_count} of them ([ref]: exact paging). */
  static void whole(Target t, List<ObservedMapping> all, V2Shapes.Page last, Exchange first) {
    if (!t.reference || last == null) {
      return;
    }
    Exchange ex = last.exchange();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ObservedMapping m : all) {
      Target.expect(seen.add(m.ip()), "VL1 [ref]", ex, m.ip() + " is listed on two pages: reading every page must "
          + "yield each mapping exactly once");
    }
    Target.expect(all.size() == last.totalCount(), "VL1 [ref]", ex, "reading every page yielded " + all.size()
        + " entries, but total_count says " + last.totalCount());
    List<Address> got = new ArrayList<>();
    for (ObservedMapping m : all) {
      Address.parse(m.ip()).ifPresent(got::add);
    }
    List<Address> sorted = new ArrayList<>(got);
    sorted.sort(Address.ORDER);
    Target.expect(got.equals(sorted), "VL1 [ref]", first, "pages follow the M4 order (IPv4 before IPv6, "
        + "numerically), got " + got);
  }

  /** Remembers the latest entry time seen in a zone through v2 (VM1: later changes are not earlier). */
  static void observe(Target t, V2Zone z, Instant at) {
    t.observe("v2:" + z.id, at);
  }

  static Instant watermark(Target t, V2Zone z) {
    return t.watermark("v2:" + z.id);
  }

  /** Deletes every mapping the run created that is still in the zone, through v2, and returns the list after. */
  static Snapshot reset(Target t, V2Zone z) {
    Snapshot[] out = new Snapshot[1];
    Recorder.housekeeping(() -> out[0] = reset0(t, z));
    return out[0];
  }

  private static Snapshot reset0(Target t, V2Zone z) {
    Snapshot s = forReset(t, z);
    String segment = HttpTarget.segment(z.id);
    List<String> ours = new ArrayList<>();
    for (ObservedMapping m : s.mappings()) {
      String c = Address.canonical(m.ip()).orElse(m.ip());
      if (t.safety.isCreated(segment, c) && !t.safety.before(z.id).containsKey(m.ip())) {
        ours.add(m.ip());
      }
    }
    if (ours.isEmpty()) {
      return s;
    }
    for (int i = 0; i < ours.size(); i += 100) {
      z.batchDelete(ours.subList(i, Math.min(ours.size(), i + 100)));
    }
    Snapshot after = forReset(t, z);
    for (ObservedMapping m : after.mappings()) {
      if (ours.contains(m.ip())) {
        z.delete(m.ip());
      }
    }
    return forReset(t, z);
  }

  /**
   * The zone for a reset: strictly read, or, when the pages break VL1 (or VK1), read leniently so that the reset
   * still removes what it can; the check's own reads then report the broken rule.
   */
  private static Snapshot forReset(Target t, V2Zone z) {
    try {
      return snapshot(t, z);
    } catch (Violation v) {
      Exchange first = z.list("1", String.valueOf(V2Zone.MAX_PER_PAGE));
      return dev.origincloudregions.conformance.http.Safety.v2Lenient(z, first);
    }
  }

  /** Creates mappings through v2 batch put (in chunks of 100) and checks that every one succeeded (VBU1). */
  static void seed(Target t, V2Zone z, Map<Address, VendorRegion> mappings) {
    List<Map<String, String>> items = new ArrayList<>();
    mappings.forEach((ip, p) -> items.add(V2Zone.item(ip.toString(), p)));
    for (int i = 0; i < items.size(); i += 100) {
      List<Map<String, String>> chunk = items.subList(i, Math.min(items.size(), i + 100));
      ObservedBatch r = t.v2shapes.batch(z.batchPut(chunk), "VBU1");
      if (r.succeeded().size() + r.failed().size() != chunk.size()) {
        throw new Violation("VBU1 [ref]", "seeding " + chunk.size() + " mappings by v2 batch put: the answer has "
            + r.succeeded().size() + " succeeded and " + r.failed().size() + " failed items", r.exchange());
      }
      if (!r.failed().isEmpty() || r.succeeded().size() != chunk.size()) {
        throw new Violation("VBU1", "seeding " + chunk.size() + " valid mappings with listed vendor/region pairs by "
            + "v2 batch put: " + r.succeeded().size() + " succeeded, failed: " + r.failed(), r.exchange());
      }
    }
  }

  /** Deletes the given addresses through v2 (best effort, in chunks of 100). */
  static void clear(V2Zone z, Collection<String> ips) {
    Recorder.housekeeping(() -> {
      List<String> l = new ArrayList<>(ips);
      for (int i = 0; i < l.size(); i += 100) {
        z.batchDelete(l.subList(i, Math.min(l.size(), i + 100)));
      }
    });
  }

  /** The v2 reading of a check's violation (see {@link V2Shapes#translate}). */
  static void as(String op, Runnable r) {
    try {
      r.run();
    } catch (Violation v) {
      throw V2Shapes.translate(v, op);
    }
  }
}
