package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.BatchModel;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** IP addresses (section 3): IP1-IP3, through every operation. */
final class IpChecks {
  private IpChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("valid-text-forms-accepted", "every RFC 4291 text form (upper case, zero-padded groups, every "
            + "compression, IPv4 tails) is accepted and returned canonical by create, get, delete and batch upsert",
            List.of("IP1", "IP2", "G1"), IpChecks::validForms).tries(1, 1).cost(6, 12),
        Check.of("invalid-text-refused", "near misses (256.1.1.1, 1.2.3, ::g, nine groups, [ref] leading zeros, zone "
            + "indexes, prefixes, whitespace) are refused by every operation and create nothing",
            List.of("IP1", "C1", "U1", "G1", "BD5", "BD6"), IpChecks::invalidForms).tries(1, 1).cost(4, 5),
        Check.of("equivalent-forms-one-mapping", "two texts name one mapping exactly when their canonical forms are "
            + "equal; [ref] IPv4 and IPv4-mapped IPv6 are two mappings", List.of("IP3", "C1", "G1"),
            IpChecks::equivalence).tries(1, 1).cost(4, 14));
  }

  record Form(Address ip, long form) {
    String text() {
      return AddressForms.render(ip, form);
    }

    @Override
    public String toString() {
      return text();
    }
  }

  static Gen<Form> form(Target t) {
    return Gens.address(t).zip(Gens.form(), Form::new);
  }

  static void validForms(Target t) {
    t.forAll(lists().of(form(t)).ofSizeBetween(1, 12).zip(Gens.index(), (l, k) -> new Object[] {l, k})
        .describedAs(a -> "texts " + a[0]), a -> {
          @SuppressWarnings("unchecked")
          List<Form> forms = (List<Form>) a[0];
          Snapshot base = t.reset(t.zone);
          List<Address> ips = t.usable(forms.stream().map(Form::ip).toList(), base);
          List<Map<String, String>> items = new ArrayList<>();
          for (int i = 0; i < ips.size(); i++) {
            items.add(V1Zone.item(AddressForms.render(ips.get(i), forms.get(i).form()), t.catalogue().pair((Integer) a[1] + i)));
          }
          // The first goes through create, the rest through batch upsert.
          Map<String, String> first = items.get(0);
          ObservedMapping created = t.shapes.single(t.zone.create(first.get("ip"),
              new VendorRegion(first.get("vendor"), first.get("region"))), "IP1");
          expect(created.ip().equals(ips.get(0).toString()), "IP2", null, "create " + first.get("ip")
              + " must return the canonical " + ips.get(0) + ", got " + created.ip());
          if (items.size() > 1) {
            List<Map<String, String>> rest = items.subList(1, items.size());
            ObservedBatch r = t.shapes.batch(t.zone.batchUpsert(rest), "IP1");
            Map<String, ObservedMapping> state = new java.util.LinkedHashMap<>();
            BatchModel.compare(t.reference, r, BatchModel.upsert(t.catalogue(), rest, state), true, null);
          }
          Snapshot after = t.snapshot(t.zone, "IP2");
          for (Address ip : ips) {
            expect(after.contains(ip.toString()), "IP2", after.exchange(), "the list must hold the canonical " + ip);
          }
          Address last = ips.get(ips.size() - 1);
          String other = AddressForms.render(last, forms.get(0).form() + 7);
          ObservedMapping got = t.shapes.single(t.zone.get(other), "G1");
          expect(got.ip().equals(last.toString()), "IP2", null, "get " + other + " must return " + last + ", got "
              + got.ip());
          ObservedMapping deleted = t.shapes.single(t.zone.delete(AddressForms.render(last, forms.get(0).form() + 11)), "G1");
          expect(deleted.ip().equals(last.toString()), "IP2", null, "delete must return the canonical " + last);
        });
    t.reset(t.zone);
  }

  record Miss(Address ip, AddressForms.NearMiss kind, int op) {
    String text() {
      return AddressForms.nearMiss(ip, kind);
    }

    @Override
    public String toString() {
      return OPS.get(op) + " \"" + text().replace("\n", "\\n") + "\" (" + kind + ")";
    }
  }

  static final List<String> OPS = List.of("create", "upsert", "get", "delete", "batch upsert", "batch delete");

  static void invalidForms(Target t) {
    Gen<Miss> misses = Gens.address(t).zip(Gens.nearMiss(t.reference), Generate.range(0, OPS.size() - 1), Miss::new);
    t.forAll(misses, m -> {
      String text = m.text();
      if (Address.isValid(text) || ((m.op() == 2 || m.op() == 3) && text.isEmpty())) {
        return; // an empty path segment is another route
      }
      Snapshot before = t.reset(t.zone);
      String ip1 = m.kind().clearlyInvalid ? "IP1" : "IP1 [ref]";
      VendorRegion p = t.catalogue().pair(m.ip().hashCode());
      switch (m.op()) {
        case 0:
          t.shapes.error(t.zone.create(text, p), ip1, 400, 1146);
          break;
        case 1:
          t.shapes.error(t.zone.upsert(text, p), ip1, 400, 1146);
          break;
        case 2: case 3: {
          Exchange ex = m.op() == 2 ? t.zone.get(text) : t.zone.delete(text);
          if (t.reference) {
            t.shapes.error(ex, ip1, 400, 1146);
          } else {
            t.shapes.errorAnyStatus(ex, "IP1", new int[] {400, 404});
          }
          break;
        }
        default: {
          Exchange ex = m.op() == 4 ? t.zone.batchUpsert(List.of(V1Zone.item(text, p))) : t.zone.batchDelete(List.of(text));
          ObservedBatch r = t.shapes.batch(ex, "BD3");
          expect(r.succeeded().size() + r.failed().size() == 1, "BD4", ex, "one item sent, so one result item, got "
              + r.succeeded() + " and " + r.failed());
          expect(r.succeeded().isEmpty(), ip1,
              ex, "\"" + text + "\" is not an IP address, so its item must fail");
          if (t.reference) {
            expect(r.failed().get(0).ip().equals(text), "BD6", ex, "a failed item that is not a valid IP carries the "
                + "text exactly as sent, \"" + text + "\", got \"" + r.failed().get(0).ip() + "\"");
            expect(r.failed().get(0).error().toLowerCase(java.util.Locale.ROOT).contains("invalid"), "BD5", ex,
                "the error must say \"invalid IP address\", got \"" + r.failed().get(0).error() + "\"");
          }
        }
      }
      Snapshot after = t.snapshot(t.zone, "IP1");
      expect(after.byIp().keySet().equals(before.byIp().keySet()), ip1, after.exchange(), "refusing \"" + text
          + "\" must create nothing, but the list went from " + before.byIp().keySet() + " to " + after.byIp().keySet());
    });
    t.reset(t.zone);
  }

  static void equivalence(Target t) {
    t.forAll(Gens.address(t).zip(Gens.form(), Gens.form(), Gens.index(), (ip, f1, f2, k) -> new Object[] {ip, f1, f2, k})
        .describedAs(a -> a[0] + " as form " + a[1] + " and form " + a[2]), a -> {
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of((Address) a[0]), base).get(0);
          int k = (Integer) a[3];
          String one = AddressForms.render(ip, (Long) a[1]);
          String two = AddressForms.render(ip, (Long) a[2] + 1);
          ObservedMapping m = t.shapes.single(t.zone.create(one, t.catalogue().pair(k)), "C1");
          t.shapes.error(t.zone.create(two, t.catalogue().pair(k + 1)), "IP3", 400, 1145);
          ObservedMapping g = t.shapes.single(t.zone.get(two), "G1");
          expect(g.sameAs(m), "IP3", null, one + " and " + two + " are one mapping: get " + two + " returned " + g
              + ", created " + m);
          Snapshot up = t.shapes.snapshot(t.zone.upsert(two, t.catalogue().pair(k + 1)), "U1");
          long n = up.mappings().stream().filter(x -> Address.canonical(x.ip()).orElse("").equals(ip.toString())).count();
          expect(n == 1, "IP3", up.exchange(), "upserting " + two + " must replace " + one + ", the list holds " + n
              + " mappings for it");
          if (t.reference && (ip.isV4() || ip.isV4Mapped())) {
            Address twin = ip.isV4() ? Address.parse("::ffff:" + ip).orElseThrow() : Address.parse(ip.dottedTail()).orElseThrow();
            if (!t.safety.isProtected(twin) && !base.contains(twin.toString())) {
              ObservedMapping tm = t.shapes.single(t.zone.create(twin.toString(), t.catalogue().pair(k)), "IP3 [ref]");
              expect(tm.ip().equals(twin.toString()), "IP3 [ref]", null, twin + " must be its own mapping, got "
                  + tm.ip());
              Snapshot both = t.snapshot(t.zone, "IP3");
              expect(both.contains(ip.toString()) && both.contains(twin.toString()), "IP3 [ref]", both.exchange(),
                  ip + " and " + twin + " are two mappings; the list holds " + both.byIp().keySet());
              t.shapes.single(t.zone.delete(twin.toString()), "IP3 [ref]");
              t.shapes.single(t.zone.get(ip.toString()), "IP3 [ref]");
            }
          }
          ObservedMapping d = t.shapes.single(t.zone.delete(AddressForms.render(ip, (Long) a[1] + 2)), "G1");
          expect(d.ip().equals(ip.toString()), "IP3", null, "delete returned " + d.ip() + " for " + ip);
          t.shapes.error(t.zone.get(one), "IP3", 404, 1142);
        });
    t.reset(t.zone);
  }
}
