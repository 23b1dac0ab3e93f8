package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.RegionCatalogue;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The single operations (section 5): L1, C1, U1, G1, G2, S1, with M1 on every mapping they return. */
final class OperationChecks {
  private OperationChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("supported-regions-usable", "supported_regions is well formed and every pair it lists can be used",
            List.of("S1", "M1"), OperationChecks::supported).cost(8, 0),
        Check.of("create", "create returns the new mapping; creating an existing IP again answers 400/1145 and "
            + "changes nothing", List.of("C1", "M1", "IP2"), OperationChecks::create).tries(1, 1).cost(4, 10),
        Check.of("upsert", "upsert creates or replaces a mapping and returns the whole list, as list then shows it",
            List.of("U1", "M1", "L1"), OperationChecks::upsert).tries(1, 1).cost(4, 10),
        Check.of("get-and-delete", "get and delete find a mapping by any text of its IP; delete returns what it "
            + "removed; a missing mapping answers 404/1142", List.of("G1", "G2", "M1"), OperationChecks::getDelete).tries(1, 1).cost(4, 10),
        Check.of("list-modified-on", "the list's modified_on is null for an empty zone, the latest change otherwise, "
            + "and null again once the last mapping is deleted", List.of("L1", "G2"), OperationChecks::listModifiedOn).tries(5, 5).cost(4, 24));
  }

  static void supported(Target t) {
    RegionCatalogue c = t.catalogue();
    for (VendorRegion p : c.pairs) {
      expect(Shapes.VENDORS.contains(p.vendor()), "M1", null, "supported_regions lists vendor " + p.vendor()
          + ", which is not one of " + Shapes.VENDORS);
    }
    List<Map<String, String>> items = everyPair(t, t.reset(t.zone), c, 0x51, V1Zone::item);
    ObservedBatch r = t.shapes.batch(t.zone.batchUpsert(items), "S1");
    expect(r.failed().isEmpty(), "S1", r.exchange(), "every listed pair must be accepted, failed: " + r.failed());
    t.reset(t.zone);
  }

  /**
   * One batch item for each pair of {@code c}, up to 100, each on its own address {@code 2001:db8:<third>::<n>} that
   * {@code base} lets the run use; {@code item} writes it in a family's shape.
   */
  static List<Map<String, String>> everyPair(Target t, Snapshot base, RegionCatalogue c, int third,
      BiFunction<String, VendorRegion, Map<String, String>> item) {
    List<Address> generated = new ArrayList<>();
    for (int i = 0; i < Math.min(100, c.pairs.size()); i++) {
      generated.add(Address.v6(new int[] {0x2001, 0xdb8, third, 0, 0, 0, 0, i + 1}));
    }
    List<Address> ips = t.usable(generated, base);
    List<Map<String, String>> items = new ArrayList<>();
    for (int i = 0; i < ips.size(); i++) {
      items.add(item.apply(ips.get(i).toString(), c.pairs.get(i)));
    }
    return items;
  }

  static void create(Target t) {
    t.forAll(IpChecks.form(t).zip(Gens.index(), Gens.form(), (f, k, g) -> new Object[] {f, k, g})
        .describedAs(a -> "create " + a[0]), a -> {
          IpChecks.Form f = (IpChecks.Form) a[0];
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of(f.ip()), base).get(0);
          String text = AddressForms.render(ip, f.form());
          VendorRegion p = t.catalogue().pair((Integer) a[1]);
          Instant wm = t.watermark(t.zone);
          Exchange ex = t.zone.create(text, p);
          ObservedMapping m = t.shapes.single(ex, "C1");
          expect(m.ip().equals(ip.toString()) && m.vendor().equals(p.vendor()) && m.region().equals(p.region()), "C1",
              ex, "create " + text + " " + p + " must return that mapping with the canonical IP " + ip + ", got " + m);
          expect(wm == null || !m.modifiedAt().isBefore(wm), "M1", ex, "modified_on " + m.modifiedOn()
              + " is earlier than a time the server returned before (" + wm + ")");
          t.observe(t.zone, m.modifiedAt());
          Snapshot before = t.snapshot(t.zone, "C1");
          Exchange again = t.zone.create(AddressForms.render(ip, (Long) a[2]), t.catalogue().pair((Integer) a[1] + 1));
          t.shapes.error(again, "C1", 400, 1145);
          BatchDeleteChecks.unchanged(again, before, t.snapshot(t.zone, "C1"), "C1", "a refused create changed the zone");
        });
    t.reset(t.zone);
  }

  static void upsert(Target t) {
    t.forAll(lists().of(Gens.address(t)).ofSizeBetween(0, 10).zip(IpChecks.form(t), Gens.index(),
            (s, f, k) -> new Object[] {s, f, k}).describedAs(a -> "seeded " + a[0] + ", upsert " + a[1]), a -> {
          @SuppressWarnings("unchecked")
          List<Address> seeded = (List<Address>) a[0];
          IpChecks.Form f = (IpChecks.Form) a[1];
          int k = (Integer) a[2];
          Snapshot base = t.reset(t.zone);
          List<Address> all = new ArrayList<>(seeded);
          all.add(f.ip());
          List<Address> ips = t.usable(all, base);
          t.seed(t.zone, Target.zip(ips.subList(0, ips.size() - 1), t.catalogue().pairs));
          // Half the time the upserted IP already exists.
          Address target = k % 2 == 0 && ips.size() > 1 ? ips.get(k % (ips.size() - 1)) : ips.get(ips.size() - 1);
          Snapshot before = t.snapshot(t.zone, "U1");
          VendorRegion p = t.catalogue().pair(k);
          Exchange ex = t.zone.upsert(AddressForms.render(target, f.form()), p);
          Snapshot returned = t.shapes.snapshot(ex, "U1");
          Snapshot listed = t.snapshot(t.zone, "U1");
          List<String> r = returned.mappings().stream().map(ObservedMapping::toString).toList();
          List<String> l = listed.mappings().stream().map(ObservedMapping::toString).toList();
          expect(r.equals(l), "U1", ex, "upsert must return the whole list after the change: returned " + r
              + ", list shows " + l);
          ObservedMapping m = listed.byIp().get(target.toString());
          expect(m != null && m.vendor().equals(p.vendor()) && m.region().equals(p.region()), "U1", listed.exchange(),
              "after upserting " + target + " " + p + " the list shows " + m);
          for (ObservedMapping o : before.mappings()) {
            if (!o.ip().equals(target.toString())) {
              expect(o.sameAs(listed.byIp().get(o.ip())), "U1", listed.exchange(), "upserting " + target
                  + " changed another mapping " + o + " into " + listed.byIp().get(o.ip()));
            }
          }
          Instant latest = listed.mappings().stream().map(ObservedMapping::modifiedAt).max(Instant::compareTo).orElse(null);
          expect(listed.modifiedAt() != null && listed.modifiedAt().equals(latest), "L1", listed.exchange(),
              "the list's modified_on must be the latest change " + latest + ", got " + listed.modifiedOn());
        });
    t.reset(t.zone);
  }

  static void getDelete(Target t) {
    t.forAll(IpChecks.form(t).zip(Gens.form(), Gens.index(), (f, g, k) -> new Object[] {f, g, k})
        .describedAs(a -> "get/delete " + a[0] + " created as form " + a[1]), a -> {
          IpChecks.Form f = (IpChecks.Form) a[0];
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of(f.ip()), base).get(0);
          t.shapes.single(t.zone.create(AddressForms.render(ip, (Long) a[1]), t.catalogue().pair((Integer) a[2])), "C1");
          ObservedMapping listed = t.snapshot(t.zone, "G1").byIp().get(ip.toString());
          String text = AddressForms.render(ip, f.form());
          ObservedMapping got = t.shapes.single(t.zone.get(text), "G1");
          expect(got.sameAs(listed), "G1", null, "get " + text + " must return " + listed + ", got " + got);
          Exchange dex = t.zone.delete(text);
          ObservedMapping deleted = t.shapes.single(dex, "G2");
          expect(deleted.sameAs(listed), "G2", dex, "delete must return the mapping it removed, " + listed + ", got "
              + deleted);
          t.shapes.error(t.zone.get(text), "G1", 404, 1142);
          int[] codes = t.reference ? new int[] {1142} : new int[] {1142, 1163};
          t.shapes.error(t.zone.delete(text), "G1", 404, codes);
          expect(!t.snapshot(t.zone, "G2").contains(ip.toString()), "G2", null, ip + " is still listed after delete");
        });
    t.reset(t.zone);
  }

  static void listModifiedOn(Target t) {
    if (t.safety.hadMappings()) {
      throw new Check.Skip("the zones held mappings before the run, so the empty-zone states cannot be reached");
    }
    t.forAll(lists().of(IpChecks.form(t)).ofSizeBetween(1, 5)
        .describedAs(l -> "create then delete " + l), forms -> {
          Snapshot empty = t.reset(t.zone);
          expect(empty.mappings().isEmpty() && empty.modifiedOn() == null, "L1", empty.exchange(),
              "an empty zone's list has modified_on null, got " + empty.modifiedOn());
          List<Address> ips = t.usable(forms.stream().map(IpChecks.Form::ip).toList(), empty);
          Instant last = null;
          for (int i = 0; i < ips.size(); i++) {
            ObservedMapping m = t.shapes.single(t.zone.create(AddressForms.render(ips.get(i), forms.get(i).form()),
                t.catalogue().pair(i)), "C1");
            last = m.modifiedAt();
            Snapshot s = t.snapshot(t.zone, "L1");
            expect(last.equals(s.modifiedAt()), "L1", s.exchange(), "after a create at " + m.modifiedOn()
                + " the list's modified_on must be that time, got " + s.modifiedOn());
          }
          for (int i = 0; i < ips.size(); i++) {
            Exchange ex = t.zone.delete(ips.get(i).toString());
            t.shapes.single(ex, "G2");
            Snapshot s = t.snapshot(t.zone, "L1");
            if (i == ips.size() - 1) {
              expect(s.modifiedOn() == null, "G2", s.exchange(), "deleting the last mapping makes modified_on null "
                  + "again, got " + s.modifiedOn());
            } else {
              expect(s.modifiedAt() != null && !s.modifiedAt().isBefore(last), "L1", s.exchange(),
                  "after a delete the list's modified_on must be the latest change, got " + s.modifiedOn());
              last = s.modifiedAt();
            }
          }
        });
  }
}
