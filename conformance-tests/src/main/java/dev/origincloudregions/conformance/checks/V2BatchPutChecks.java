package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.BatchModel;
import dev.origincloudregions.conformance.model.BatchModel.Expected;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V2Shapes;
import dev.origincloudregions.conformance.model.V2Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/**
 * v2 batch put (VBU1): {@code PUT /origin/cloud_regions/batch} follows BU1 to BU4 with items
 * {@code {"origin_ip", vendor, region}} and the flat result. The plans and the model are batch upsert's of v1
 * ({@link BatchUpsertChecks}); the state is read and set through v2 only. Also the zone limit through v2 (M2, VP1,
 * VBU1), counted once over both families (VS1).
 */
final class V2BatchPutChecks {
  static final String OP = "VBU1";

  private V2BatchPutChecks() {}

  static List<Check> all() {
    return List.of(
        Check.v2("v2-batch-put-agrees-with-model", "v2 batch put of new, existing, invalid, unlisted and duplicate "
            + "items in many text forms matches the model; it merges, and untouched entries keep their modified_on",
            List.of("VBU1", "VK1", "VM1", "M3", "IP1", "IP2", "Z2"), V2BatchPutChecks::model).tries(2, 1).cost(6, 16),
        Check.v2("v2-batch-put-malformed-body", "a malformed v2 batch put body, an item keyed origin-ip included, is "
            + "refused with 1190 and changes nothing", List.of("VBU1", "VK1", "E5"), V2BatchPutChecks::malformed)
            .tries(3, 1).cost(4, 8),
        Check.v2("v2-batch-put-over-limit", "101 or more items are refused with 1191 and nothing is created",
            List.of("VBU1", "E5"), V2BatchPutChecks::overLimit).tries(10, 3).cost(4, 6),
        Check.v2("v2-zone-limit", "a zone holds at most 3,500 mappings through v2 too: a new put or batch put beyond "
            + "answers 403/1164 and changes nothing; a replace in a full zone works; [ref] mappings written through "
            + "either family count once", List.of("M2", "VP1", "VBU1", "VS1"), V2BatchPutChecks::zoneLimit)
            .cost(100, 0));
  }

  static void model(Target t) {
    t.forAll(BatchUpsertChecks.plan(t), plan -> {
      Snapshot base = V2Zones.reset(t, t.v2zone);
      List<Address> seededIps = t.usable(plan.seeded(), base);
      List<VendorRegion> pairs = new ArrayList<>();
      plan.pairs().forEach(i -> pairs.add(t.catalogue().pair(i)));
      V2Zones.seed(t, t.v2zone, Target.zip(seededIps, pairs));
      Snapshot before = V2Zones.snapshot(t, t.v2zone);
      Snapshot otherBefore = V2Zones.snapshot(t, t.v2otherZone);
      List<Map<String, String>> body = BatchUpsertChecks.body(t, plan, seededIps,
          new HashSet<>(before.byIp().keySet()), "origin_ip");
      Map<String, ObservedMapping> state = new LinkedHashMap<>(before.byIp());
      List<Expected> expected = BatchModel.upsert(t.catalogue(), body, state);
      Exchange ex = t.v2zone.batchPut(body);
      expect(ex.status() == 200, OP, ex, "a well-formed batch within the limit answers 200, even when items fail");
      ObservedBatch r = t.v2shapes.batch(ex, OP);
      V2Zones.as(OP, () -> BatchModel.compare(t.reference, r, expected, true, null));
      List<Expected> ok = expected.stream().filter(Expected::ok).toList();
      for (int i = 0; i < r.succeeded().size() && t.reference; i++) {
        ObservedBatch.Item got = r.succeeded().get(i);
        ObservedMapping want = ok.get(i).mapping();
        expect(want.vendor().equals(got.vendor()) && want.region().equals(got.region()), OP, ex,
            "succeeded item " + got + " must carry the new vendor and region " + want.vendor() + "/" + want.region());
      }
      Snapshot after = V2Zones.snapshot(t, t.v2zone);
      Map<String, ObservedMapping> named = new LinkedHashMap<>();
      Map<String, ObservedMapping> untouched = new LinkedHashMap<>();
      state.forEach((ip, m) -> (m.modifiedOn() == null ? named : untouched).put(ip, m));
      Map<String, ObservedMapping> got = after.byIp();
      for (ObservedMapping want : named.values()) {
        ObservedMapping g = got.get(want.ip());
        expect(g != null && g.vendor().equals(want.vendor()) && g.region().equals(want.region()), OP, ex,
            "after the batch, " + want.ip() + " must map to " + want.vendor() + "/" + want.region() + ", the v2 list "
                + "shows " + g);
      }
      Map<String, ObservedMapping> rest = new LinkedHashMap<>(got);
      rest.keySet().removeAll(named.keySet());
      for (ObservedMapping m : untouched.values()) {
        expect(rest.containsKey(m.ip()), OP, ex, "batch put merges: " + m + " was not named, yet the v2 list after "
            + "it no longer holds it");
      }
      V2BatchDeleteChecks.unchangedEntries(untouched, new Snapshot(null, null, List.copyOf(rest.values()),
          after.exchange()), OP, ex);
      V2Zones.as(OP, () -> BatchDeleteChecks.unchanged(ex, otherBefore, V2Zones.snapshot(t, t.v2otherZone), "Z2",
          "a v2 batch put in zone " + t.zone.id + " changed zone " + t.otherZone.id));
      if (!ok.isEmpty()) {
        Expected probe = ok.get(ok.size() - 1);
        ObservedMapping g = t.v2shapes.single(t.v2zone.get(probe.ip()), OP);
        expect(g.vendor().equals(probe.mapping().vendor()) && g.region().equals(probe.mapping().region()), OP,
            g == null ? null : ex, "get " + probe.ip() + " after the batch shows " + g);
      }
    });
    V2Zones.reset(t, t.v2zone);
  }

  static void malformed(Target t) {
    Gen<BatchDeleteChecks.Body> bodies = BatchUpsertChecks.malformedUpsertBody("@IP@",
        new VendorRegion("@VENDOR@", "@REGION@"));
    t.forAll(Gens.address(t).zip(Gens.index(), bodies, (ip, p, b) -> new Object[] {ip, p, b})
        .describedAs(a -> "new item " + a[0] + " first, body " + a[2] + " (keyed origin_ip, or origin-ip)"), a -> {
          Snapshot base = V2Zones.reset(t, t.v2zone);
          Address ip = t.usable(List.of((Address) a[0]), base).get(0);
          int k = (Integer) a[1];
          VendorRegion p = t.catalogue().pair(k);
          BatchDeleteChecks.Body template = (BatchDeleteChecks.Body) a[2];
          // v1's malformed bodies with the v2 key; one in three keeps an item keyed origin-ip, the v1 spelling (VK1).
          boolean hyphen = k % 3 == 0;
          String rule = hyphen ? "VK1 [ref]" : OP + " [ref]";
          byte[] bytes;
          if (hyphen) {
            String good = "{\"origin_ip\":\"" + ip + "\",\"vendor\":\"" + p.vendor() + "\",\"region\":\"" + p.region()
                + "\"}";
            bytes = ("[" + good + "," + good.replace("origin_ip", "origin-ip").replace(ip.toString(),
                t.usable(List.of(ip, ip), base).get(1).toString()) + "]").getBytes(StandardCharsets.UTF_8);
          } else {
            bytes = template.bytes() == null ? null : new String(template.bytes(), StandardCharsets.UTF_8)
                .replace("\"ip\"", "\"origin_ip\"").replace("@IP@", ip.toString()).replace("@VENDOR@", p.vendor())
                .replace("@REGION@", p.region()).getBytes(StandardCharsets.UTF_8);
          }
          Snapshot before = V2Zones.snapshot(t, t.v2zone);
          Exchange ex = t.api.send("PUT", t.v2zone.path() + "/batch", bytes, bytes == null ? null : "application/json",
              HttpTarget.Auth.DEFAULT, Map.of());
          if (t.reference) {
            t.shapes.error(ex, rule, 400, 1190);
            BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), rule,
                "a refused v2 batch put changed the zone");
          } else if (!hyphen) {
            expect(ex.status() >= 400 && ex.status() < 500, OP, ex, "a malformed body must be refused with a 4xx");
          }
        });
    V2Zones.reset(t, t.v2zone);
  }

  static void overLimit(Target t) {
    t.forAll(Gens.oversize().zip(Gens.index(), (n, k) -> new int[] {n, k})
        .describedAs(a -> "v2 batch put of " + a[0] + " new items"), a -> {
          Snapshot base = V2Zones.reset(t, t.v2zone);
          List<Address> gen = new ArrayList<>();
          for (int i = 0; i < a[0]; i++) {
            gen.add(i % 2 == 0 && i < 200 ? Address.v4(198, 51, 100, i / 2)
                : Address.v6(new int[] {0x2001, 0xdb8, 0xb02, a[1] & 0xffff, 0, 0, i >> 16, i & 0xffff}));
          }
          List<Address> ips = t.usable(gen, base);
          List<Map<String, String>> body = new ArrayList<>();
          for (int i = 0; i < ips.size(); i++) {
            body.add(V2Zone.item(ips.get(i).toString(), t.catalogue().pair(i)));
          }
          Exchange ex = t.v2zone.batchPut(body);
          if (t.reference) {
            t.shapes.error(ex, OP + " [ref]", 400, 1191);
            BatchDeleteChecks.unchanged(ex, base, V2Zones.snapshot(t, t.v2zone), OP + " [ref]", "a refused v2 "
                + "batch of " + a[0] + " items created mappings");
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, OP, ex, "a batch of " + a[0] + " items must be refused");
          }
        });
    V2Zones.reset(t, t.v2zone);
  }

  /**
   * Fills the zone to 3,500 through v2 batch put, or, under --api all, half through v1 and half through v2 (the
   * limit counts each mapping once, VS1), then tries to pass it through v2.
   */
  static void zoneLimit(Target t) {
    if (t.safety.hadMappings()) {
      throw new Check.Skip("the zones held mappings before the run; filling one to 3,500 is only done in an empty "
          + "zone");
    }
    Snapshot base = V2Zones.reset(t, t.v2zone);
    if (!base.mappings().isEmpty()) {
      throw new Check.Skip("the zone is not empty");
    }
    boolean both = t.options.v1() && t.reference;
    long salt = t.checkSeed() & 0xffff;
    Map<Address, VendorRegion> v1half = new LinkedHashMap<>();
    Map<Address, VendorRegion> v2half = new LinkedHashMap<>();
    List<Address> ips = new ArrayList<>();
    for (int i = 0; i < MappingChecks.LIMIT; i++) {
      Address ip = Address.v6(new int[] {0x2001, 0xdb8, 0x3502, (int) salt, 0, 0, 0, i + 1});
      ips.add(ip);
      (both && i % 2 == 1 ? v1half : v2half).put(ip, t.catalogue().pair(i));
    }
    try {
      V2Zones.seed(t, t.v2zone, v2half);
      // Counted by result_info.total_count, so that a target whose paging is broken fails VL1's checks only.
      V2Shapes.Page half = t.v2shapes.page(t.v2zone.list("1", "1"));
      expect(half.totalCount() == v2half.size(), OP, half.exchange(), "after v2 batch puts of " + v2half.size()
          + " new mappings in chunks of 100, the v2 list's total_count is " + half.totalCount());
      if (!v1half.isEmpty()) {
        t.seed(t.zone, v1half);
      }
      V2Shapes.Page count = t.v2shapes.page(t.v2zone.list("1", "1"));
      expect(count.totalCount() == MappingChecks.LIMIT, both ? "VS1" : "M2", count.exchange(), "the zone should "
          + "hold 3,500 mappings" + (both ? ", 1,750 written through each family" : "") + ", the v2 list's "
          + "total_count is " + count.totalCount());
      Snapshot full = V2Zones.snapshot(t, t.v2zone);
      VendorRegion p = t.catalogue().pair(1);
      Address extra = Address.v6(new int[] {0x2001, 0xdb8, 0x3502, (int) salt, 0, 0, 1, 0});
      Exchange put = t.v2zone.put(extra.toString(), extra.toString(), p);
      t.shapes.error(put, "VP1", 403, 1164);
      Exchange bput = t.v2zone.batchPut(List.of(V2Zone.item(ips.get(0).toString(), t.catalogue().pair(5)),
          V2Zone.item(extra.toString(), p)));
      t.shapes.error(bput, OP, 403, 1164);
      if (t.reference) {
        BatchDeleteChecks.unchanged(bput, full, V2Zones.snapshot(t, t.v2zone), OP + " [ref]", "a refused v2 batch "
            + "put changed the full zone");
      }
      // Replacing an existing mapping of a full zone is allowed, also one written through v1.
      Address old = ips.get(both ? 1 : 2);
      VendorRegion other = MappingChecks.differentPair(t, full.byIp().get(old.toString()));
      ObservedMapping m = t.v2shapes.single(t.v2zone.put(old.toString(), old.toString(), other), "VP1");
      expect(m.vendor().equals(other.vendor()) && m.region().equals(other.region()), "VP1", null, "replacing "
          + old + " in a full zone must work, got " + m);
      ObservedBatch br = t.v2shapes.batch(t.v2zone.batchPut(List.of(V2Zone.item(ips.get(3).toString(), other))), OP);
      expect(br.succeeded().size() == 1, OP, br.exchange(), "a v2 batch put that only replaces must succeed in a "
          + "full zone");
    } finally {
      // Removed by name, not from the list: a target whose paging is broken is cleaned up all the same.
      List<String> all = new ArrayList<>();
      ips.forEach(ip -> all.add(ip.toString()));
      all.add(Address.v6(new int[] {0x2001, 0xdb8, 0x3502, (int) salt, 0, 0, 1, 0}).toString());
      V2Zones.clear(t.v2zone, all);
      if (!v1half.isEmpty()) {
        t.clear(t.zone, v1half.keySet().stream().map(Address::toString).toList());
      }
      V2Zones.reset(t, t.v2zone);
    }
  }
}
