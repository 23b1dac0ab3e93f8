package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V2Shapes;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The v2 list (VL1, with M4): for random zone sizes and {@code per_page} values, every page read yields each mapping
 * exactly once in M4 order, {@code result_info} adds up, the defaults are page 1 and 20 a page, a page past the end
 * is empty, and out-of-range or non-decimal paging is refused with 1146.
 */
final class V2ListChecks {
  private V2ListChecks() {}

  static List<Check> all() {
    return List.of(
        Check.v2("v2-list-pages", "for random zone sizes and per_page values, reading every v2 list page yields each "
            + "mapping exactly once in M4 order, result_info adds up, and a page past the end is empty",
            List.of("VL1", "M4"), V2ListChecks::pages).tries(5, 4).cost(4, 30),
        Check.v2("v2-list-paging-refused", "a per_page out of 1 to 100 answers 400/1146; [ref] so do a page below 1 "
            + "and a page or per_page that is not a decimal integer", List.of("VL1"), V2ListChecks::refused)
            .cost(24, 0));
  }

  /** A zone size with the page edges (0, 1, 20, 21, 100, 101) and a per_page with the limits 1 and 100. */
  static Gen<int[]> sizes() {
    Gen<Integer> size = Generate.frequency(Pair.of(2, Generate.pick(List.of(0, 1, 20, 21, 99, 100, 101))),
        Pair.of(3, integers().between(0, 60)), Pair.of(1, integers().between(61, 230)));
    Gen<Integer> perPage = Generate.frequency(Pair.of(2, Generate.pick(List.of(1, 2, 20, 100))),
        Pair.of(3, integers().between(1, 30)), Pair.of(1, integers().between(31, 100)));
    return size.zip(perPage, Gens.index(), (s, p, k) -> new int[] {s, p, k});
  }

  static void pages(Target t) {
    t.forAll(sizes().zip(lists().of(Gens.address(t)).ofSize(6), (a, ips) -> new Object[] {a, ips})
        .describedAs(a -> "zone of " + ((int[]) a[0])[0] + " mappings, per_page " + ((int[]) a[0])[1]), a -> {
          int[] n = (int[]) a[0];
          int size = n[0];
          int perPage = n[1];
          if (perPage > 1 && size / perPage > 25) {
            perPage = Math.max(perPage, size / 25); // bounded pages per example: the request budget counts them
          }
          Snapshot base = V2Zones.reset(t, t.v2zone);
          @SuppressWarnings("unchecked")
          List<Address> some = (List<Address>) a[1];
          List<Address> gen = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            Address s = some.get(i % some.size());
            gen.add(i % 3 == 2 ? Address.v6(new int[] {0x2001, 0xdb8, 0x11, n[2] & 0xffff, 0, 0, i >> 8, i & 0xff})
                : s);
          }
          List<Address> ips = t.usable(gen, base);
          V2Zones.seed(t, t.v2zone, Target.zip(ips, t.catalogue().pairs));
          Snapshot whole = V2Zones.snapshot(t, t.v2zone);
          Snapshot paged = V2Zones.pages(t, t.v2zone, perPage);
          expect(paged.mappings().equals(whole.mappings()), "VL1 [ref]", paged.exchange(), "reading every page at "
              + "per_page " + perPage + " must yield the same entries in the same order as at per_page 100: got "
              + ips(paged) + ", at 100 " + ips(whole));
          List<String> sorted = new ArrayList<>(ips(whole));
          sorted.sort((x, y) -> Address.ORDER.compare(Address.parse(x).orElseThrow(), Address.parse(y).orElseThrow()));
          expect(ips(whole).equals(sorted), "M4", whole.exchange(), "the v2 list must be ordered IPv4 before IPv6, "
              + "numerically: got " + ips(whole));
          int total = whole.mappings().size();
          // The defaults: page 1, 20 a page.
          V2Shapes.Page first = t.v2shapes.page(t.v2zone.list());
          V2Zones.checkPage(t, first, 1, 20, first.exchange());
          expect(first.totalCount() == total, "VL1", first.exchange(), "total_count must be " + total + ", got "
              + first.totalCount());
          if (t.reference) {
            expect(first.entries().equals(whole.mappings().subList(0, Math.min(20, total))), "VL1 [ref]",
                first.exchange(), "the first page by default holds the first 20 entries in M4 order");
          }
          V2Shapes.Page second = t.v2shapes.page(t.v2zone.list("2", null));
          V2Zones.checkPage(t, second, 2, 20, second.exchange());
          // A page past the end: 200 with no entries.
          long past = (total + perPage - 1) / perPage + 1 + (n[2] % 3);
          Exchange ex = t.v2zone.list(String.valueOf(past), String.valueOf(perPage));
          expect(ex.status() == 200, "VL1 [ref]", ex, "a page past the last (" + past + ") answers 200 with an empty "
              + "result");
          V2Shapes.Page p = t.v2shapes.page(ex);
          expect(p.entries().isEmpty() && p.count() == 0 && p.totalCount() == total, "VL1 [ref]", ex, "page " + past
              + " is past the last: no entries, count 0, total_count " + total);
        });
    V2Zones.reset(t, t.v2zone);
  }

  private static List<String> ips(Snapshot s) {
    return s.mappings().stream().map(ObservedMapping::ip).toList();
  }

  static void refused(Target t) {
    for (String perPage : List.of("0", "101", "-1", "1000")) {
      t.shapes.error(t.v2zone.list("1", perPage), "VL1", 400, 1146);
      t.shapes.error(t.v2zone.list(null, perPage), "VL1", 400, 1146);
    }
    if (!t.reference) {
      return;
    }
    for (String bad : List.of("", "x", "1.5", "1e2", "0x10", " 1", "+1", "٣")) {
      t.shapes.error(t.v2zone.list("1", bad), "VL1 [ref]", 400, 1146);
      t.shapes.error(t.v2zone.list(bad, "20"), "VL1 [ref]", 400, 1146);
    }
    for (String page : List.of("0", "-1")) {
      t.shapes.error(t.v2zone.list(page, "20"), "VL1 [ref]", 400, 1146);
    }
  }
}
