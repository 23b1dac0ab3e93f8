package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Zones (section 2): Z1, Z2. */
final class ZoneChecks {
  private ZoneChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("zone-id-validation", "a zone_id that is not 32 lowercase hex digits answers 400/7003 on every "
            + "operation and changes nothing", List.of("Z1", "E5"), ZoneChecks::zoneIds).tries(2, 10).cost(6, 10),
        Check.ref("zones-isolated", "nothing done in one zone is visible in another, and a new zone starts empty",
            List.of("Z2", "BD8"), ZoneChecks::isolated).tries(4, 5).cost(8, 40));
  }

  /** Invalid zone ids derived from the configured zone; the ones over 32 characters fail under both profiles. */
  static List<String> invalidZones(String zone) {
    return List.of(zone.toUpperCase(Locale.ROOT), zone.substring(1), zone + "0", zone.substring(0, 31) + "g",
        zone.substring(0, 16) + "-" + zone.substring(17), zone + zone, "z" + zone.substring(1),
        zone.substring(0, 31) + "\u00e9", "0".repeat(200));
  }

  static void zoneIds(Target t) {
    List<String> zones = invalidZones(t.zone.id);
    Gen<Integer> zi = Generate.range(0, zones.size() - 1);
    Gen<Integer> ops = Generate.range(0, 7);
    t.forAll(zi.zip(ops, Gens.address(t), (z, o, ip) -> new Object[] {z, o, ip})
        .describedAs(a -> "zone '" + zones.get((Integer) a[0]) + "', " + AuthChecks.operations("IP")
            .get((Integer) a[1])[0] + " ..." + AuthChecks.operations("IP").get((Integer) a[1])[1] + " for " + a[2]), a -> {
          String zone = zones.get((Integer) a[0]);
          if (!t.reference && zone.length() <= 32) {
            return; // the documented profile knows only the 32-character limit
          }
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of((Address) a[2]), base).get(0);
          t.seed(t.zone, Map.of(ip, t.catalogue().pair(0)));
          Snapshot before = t.snapshot(t.zone, "E5");
          String[] op = AuthChecks.operations(HttpTarget.segment(ip.toString())).get((Integer) a[1]);
          String body = op[2] == null ? null : op[2].replace(HttpTarget.segment(ip.toString()), ip.toString())
              .replace("@V@", t.catalogue().pair(1).vendor()).replace("@R@", t.catalogue().pair(1).region());
          Exchange ex = t.api.send(op[0], V1Zone.pathOf(zone) + op[1],
              body == null ? null : body.getBytes(StandardCharsets.UTF_8), body == null ? null : "application/json",
              HttpTarget.Auth.DEFAULT, Map.of());
          if (t.reference) {
            t.shapes.error(ex, "Z1", 400, 7003);
            BatchDeleteChecks.unchanged(ex, before, t.snapshot(t.zone, "E5"), "E5", "a request to zone '" + zone
                + "' changed zone " + t.zone.id);
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, "Z1", ex, "a zone_id over 32 characters must be refused");
          }
        });
    t.reset(t.zone);
  }

  static void isolated(Target t) {
    String fresh = String.format("%016x%016x", t.options.seed(), ~t.options.seed());
    Snapshot empty = t.shapes.snapshot(new V1Zone(t.api, fresh).list(), "Z2");
    expect(empty.mappings().isEmpty() && empty.modifiedOn() == null, "Z2", empty.exchange(),
        "a zone never used must exist and start empty");
    Gen<List<Address>> ips = org.quicktheories.generators.SourceDSL.lists().of(Gens.address(t)).ofSizeBetween(1, 20);
    t.forAll(ips.zip(Gens.index(), Gens.form(), (l, k, f) -> new Object[] {l, k, f})
        .describedAs(a -> "shared addresses " + a[0]), a -> {
          @SuppressWarnings("unchecked")
          List<Address> gen = (List<Address>) a[0];
          int k = (Integer) a[1];
          Snapshot baseA = t.reset(t.zone);
          Snapshot baseB = t.reset(t.otherZone);
          List<Address> shared = t.usable(t.usable(gen, baseA), baseB);
          // The same addresses in both zones, with different pairs.
          t.seed(t.otherZone, Target.zip(shared, List.of(t.catalogue().pair(k))));
          Snapshot b0 = t.snapshot(t.otherZone, "Z2");
          List<String> steps = new ArrayList<>();
          for (Address ip : shared) {
            String form = AddressForms.render(ip, (Long) a[2]);
            t.shapes.single(t.zone.create(form, t.catalogue().pair(k + 1)), "Z2");
            steps.add("create " + form);
          }
          t.shapes.snapshot(t.zone.upsert(shared.get(0).toString(), t.catalogue().pair(k + 2)), "Z2");
          ObservedBatch d = t.shapes.batch(t.zone.batchDelete(shared.stream().map(Address::toString).toList()), "Z2");
          expect(d.succeeded().size() == shared.size(), "Z2", d.exchange(), "zone " + t.zone.id + " must hold its own "
              + "copies of " + shared + " to delete");
          Snapshot b1 = t.snapshot(t.otherZone, "Z2");
          BatchDeleteChecks.unchanged(b0, b1, "Z2", "creating, upserting and deleting in zone " + t.zone.id
              + " changed zone " + t.otherZone.id);
          Snapshot a1 = t.snapshot(t.zone, "Z2");
          for (Address ip : shared) {
            expect(!a1.contains(ip.toString()), "Z2", a1.exchange(), ip + " is deleted from zone " + t.zone.id
                + " yet still listed there (does it see zone " + t.otherZone.id + "'s copy?)");
          }
          t.reset(t.otherZone);
        });
    t.reset(t.zone);
    t.reset(t.otherZone);
  }
}
