package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.generators.Generate;

/** Mappings (section 4): M1-M4, with BU4 (the zone limit through batch upsert). */
final class MappingChecks {
  static final int LIMIT = 3500;

  private MappingChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("zone-limit", "a zone holds at most 3,500 mappings: creating beyond answers 403/1164 on create, "
            + "upsert and batch upsert and changes nothing; updating in a full zone works",
            List.of("M2", "BU4", "C1", "U1"), MappingChecks::zoneLimit).cost(100, 0),
        Check.of("unlisted-pairs-refused", "a vendor/region pair that supported_regions does not list is refused "
            + "with 1157 by create and upsert, and changes nothing", List.of("M3", "C1", "U1"), MappingChecks::unlisted).tries(1, 1).cost(4, 10),
        Check.ref("list-ordered-by-address", "the list is ordered IPv4 before IPv6, numerically ascending, "
            + "whatever the order of creation", List.of("M4"), MappingChecks::order).tries(2, 10).cost(4, 32));
  }

  static void zoneLimit(Target t) {
    if (t.safety.hadMappings()) {
      throw new Check.Skip("the zones held mappings before the run; filling one to 3,500 is only done in an empty "
          + "zone");
    }
    Snapshot base = t.reset(t.zone);
    if (!base.mappings().isEmpty()) {
      throw new Check.Skip("the zone is not empty");
    }
    long salt = t.checkSeed() & 0xffff;
    List<Address> ips = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      ips.add(Address.v6(new int[] {0x2001, 0xdb8, 0x3500, (int) salt, 0, 0, 0, i + 1}));
    }
    try {
      t.seed(t.zone, Target.zip(ips, t.catalogue().pairs));
      Snapshot full = t.snapshot(t.zone, "M2");
      expect(full.mappings().size() == LIMIT, "M2", full.exchange(), "the zone should hold 3,500 mappings, holds "
          + full.mappings().size());
      VendorRegion p = t.catalogue().pair(1);
      Address extra = Address.v6(new int[] {0x2001, 0xdb8, 0x3500, (int) salt, 0, 0, 1, 0});
      t.shapes.error(t.zone.create(extra.toString(), p), "M2", 403, 1164);
      t.shapes.error(t.zone.upsert(extra.toString(), p), "M2", 403, 1164);
      Exchange bex = t.zone.batchUpsert(List.of(V1Zone.item(ips.get(0).toString(), t.catalogue().pair(5)),
          V1Zone.item(extra.toString(), p)));
      t.shapes.error(bex, "BU4", 403, 1164);
      Snapshot still = t.snapshot(t.zone, "BU4");
      if (t.reference) {
        BatchDeleteChecks.unchanged(bex, full, still, "BU4", "a refused batch upsert changed the full zone");
      }
      expect(!still.contains(extra.toString()) && still.mappings().size() == LIMIT, "M2", still.exchange(),
          "a refused create must change nothing: the zone holds " + still.mappings().size());
      // Updating an existing mapping of a full zone is allowed.
      VendorRegion other = differentPair(t, full.byIp().get(ips.get(1).toString()));
      String form = AddressForms.render(ips.get(1), 3);
      Exchange uex = t.zone.upsert(form, other);
      if (uex.status() == 403 && !form.equals(ips.get(1).toString())
          && t.zone.upsert(ips.get(1).toString(), other).status() == 200) {
        throw new Violation("IP3", form + " names the existing " + ips.get(1) + ", yet the full zone refused it as a "
            + "new mapping (its canonical text was accepted)", uex);
      }
      Snapshot up = t.shapes.snapshot(uex, "M2");
      ObservedMapping m = up.byIp().get(ips.get(1).toString());
      expect(m != null && m.vendor().equals(other.vendor()) && m.region().equals(other.region()), "M2", up.exchange(),
          "updating " + ips.get(1) + " in a full zone must work, got " + m);
      ObservedBatch br = t.shapes.batch(t.zone.batchUpsert(List.of(V1Zone.item(ips.get(2).toString(), other))), "BU4");
      expect(br.succeeded().size() == 1, "BU4", br.exchange(), "a batch that only updates must succeed in a full zone");
      // One free slot: a batch of two new mappings would pass the limit, one fits.
      t.shapes.single(t.zone.delete(ips.get(3).toString()), "G2");
      Address extra2 = Address.v6(new int[] {0x2001, 0xdb8, 0x3500, (int) salt, 0, 0, 1, 1});
      Snapshot before2 = t.snapshot(t.zone, "BU4");
      t.shapes.error(t.zone.batchUpsert(List.of(V1Zone.item(extra.toString(), p), V1Zone.item(extra2.toString(), p))),
          "BU4", 403, 1164);
      Snapshot after2 = t.snapshot(t.zone, "BU4");
      if (t.reference) {
        BatchDeleteChecks.unchanged(before2, after2, "BU4", "a refused batch upsert (would pass 3,500) changed the zone");
      }
      ObservedBatch one = t.shapes.batch(t.zone.batchUpsert(List.of(V1Zone.item(extra.toString(), p))), "BU4");
      expect(one.succeeded().size() == 1, "BU4", one.exchange(), "the 3,500th mapping fits");
    } finally {
      t.reset(t.zone);
    }
  }

  static VendorRegion differentPair(Target t, ObservedMapping m) {
    for (VendorRegion p : t.catalogue().pairs) {
      if (m == null || !(p.vendor().equals(m.vendor()) && p.region().equals(m.region()))) {
        return p;
      }
    }
    return t.catalogue().pair(0);
  }

  static void unlisted(Target t) {
    t.forAll(Gens.address(t).zip(Gens.index(), Gens.index(), Generate.booleans(), (ip, k, i, exist) ->
        new Object[] {ip, k, i, exist}).describedAs(a -> a[0] + " with unlisted pair kind " + a[1] + "/" + a[2]
            + ((Boolean) a[3] ? ", existing" : ", new")), a -> {
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of((Address) a[0]), base).get(0);
          if ((Boolean) a[3]) {
            t.seed(t.zone, Map.of(ip, t.catalogue().pair((Integer) a[2])));
          }
          VendorRegion bad = t.catalogue().unlisted((Integer) a[1], (Integer) a[2]);
          Snapshot before = t.snapshot(t.zone, "M3");
          int[] codes = t.reference ? new int[] {1157} : new int[] {1157, 1156};
          if (!(Boolean) a[3]) {
            t.shapes.error(t.zone.create(ip.toString(), bad), "M3", 400, codes);
          }
          t.shapes.error(t.zone.upsert(ip.toString(), bad), "M3", 400, codes);
          BatchDeleteChecks.unchanged(before, t.snapshot(t.zone, "M3"), "M3", "refusing " + bad + " changed the zone");
        });
    t.reset(t.zone);
  }

  static void order(Target t) {
    t.forAll(lists().of(Gens.address(t)).ofSizeBetween(2, 40)
        .zip(Gens.index(), (l, k) -> new Object[] {l, k}).describedAs(a -> "created in the order " + a[0]), a -> {
          @SuppressWarnings("unchecked")
          List<Address> gen = (List<Address>) a[0];
          Snapshot base = t.reset(t.zone);
          List<Address> ips = t.usable(gen, base);
          List<Map<String, String>> items = new ArrayList<>();
          ips.forEach(ip -> items.add(V1Zone.item(ip.toString(), t.catalogue().pair((Integer) a[1]))));
          Collections.reverse(items.subList(0, items.size() / 2));
          // Half through batch upsert, the others one by one, so no single request's order decides.
          t.shapes.batch(t.zone.batchUpsert(items.subList(0, items.size() / 2)), "BU2");
          for (Map<String, String> i : items.subList(items.size() / 2, items.size())) {
            t.shapes.snapshot(t.zone.upsert(i.get("ip"), new VendorRegion(i.get("vendor"), i.get("region"))), "U1");
          }
          Snapshot s = t.snapshot(t.zone, "M4");
          List<Address> got = new ArrayList<>();
          for (ObservedMapping m : s.mappings()) {
            Optional<Address> ip = Address.parse(m.ip());
            ip.ifPresent(got::add);
          }
          List<Address> sorted = new ArrayList<>(got);
          sorted.sort(Address.ORDER);
          expect(got.equals(sorted), "M4", s.exchange(), "the list must be ordered IPv4 before IPv6, numerically: got "
              + got + ", expected " + sorted);
        });
    t.reset(t.zone);
  }
}
