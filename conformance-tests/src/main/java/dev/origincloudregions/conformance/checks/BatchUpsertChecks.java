package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.model.BatchModel.Expected;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.BatchModel;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Batch upsert (section 7): BU1-BU5, with BD4 and BD6, which hold here too. */
final class BatchUpsertChecks {
  private BatchUpsertChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("batch-upsert-agrees-with-model", "batch upsert of new, existing, invalid, unlisted and duplicate "
            + "items matches the model; it merges, and its effects show in list and get",
            List.of("BU2", "BU3", "BU5", "BD4", "BD6", "M3", "IP1", "IP2"), BatchUpsertChecks::model).tries(1, 1).cost(6, 14),
        Check.of("batch-upsert-malformed-body", "a malformed batch upsert body is refused with 1190 and changes "
            + "nothing", List.of("BU1", "E5"), BatchUpsertChecks::malformed).tries(1, 1).cost(4, 6),
        Check.of("batch-upsert-over-limit", "101 or more items are refused with 1191 and nothing is created",
            List.of("BU1", "E5"), BatchUpsertChecks::overLimit).tries(5, 3).cost(4, 5));
  }

  /** One planned item. Kinds: 0 existing, 1 new, 2 invalid IP, 3 unlisted pair, 4 repeat of an earlier item. */
  record Item(int kind, int ref, long form, Address fresh, AddressForms.NearMiss miss, int pair) {
    @Override
    public String toString() {
      String f = form == 0 ? "" : "~form" + Long.toHexString(form);
      switch (kind) {
        case 0: return "existing#" + ref + f + " pair#" + pair;
        case 1: return "new " + fresh + f + " pair#" + pair;
        case 2: return "invalid " + miss + " of " + fresh;
        case 3: return "unlisted-pair#" + pair + " for " + (ref % 2 == 0 ? "existing#" + ref : "new " + fresh);
        default: return "repeat-of-earlier#" + ref + f + " pair#" + pair;
      }
    }
  }

  record Plan(List<Address> seeded, List<Integer> pairs, List<Item> items) {
    @Override
    public String toString() {
      return "seeded " + seeded + ", batch " + items;
    }
  }

  static Gen<Plan> plan(Target t) {
    Gen<Integer> kind = t.reference
        ? Generate.frequency(Pair.of(3, Generate.constant(0)), Pair.of(3, Generate.constant(1)),
            Pair.of(1, Generate.constant(2)), Pair.of(1, Generate.constant(3)), Pair.of(2, Generate.constant(4)))
        : Generate.frequency(Pair.of(3, Generate.constant(0)), Pair.of(3, Generate.constant(1)),
            Pair.of(1, Generate.constant(2)), Pair.of(1, Generate.constant(3)));
    Gen<Item> item = kind.zip(Gens.index(), Gens.form(), Gens.address(t), Gens.nearMiss(t.reference),
        (k, r, f, ip, m) -> new Object[] {k, r, f, ip, m})
        .zip(Gens.index(), (a, p) -> new Item((Integer) a[0], (Integer) a[1], (Long) a[2], (Address) a[3],
            (AddressForms.NearMiss) a[4], p));
    return lists().of(Gens.address(t)).ofSizeBetween(0, 30)
        .zip(lists().of(Gens.index()).ofSize(8), lists().of(item).ofSizes(Gens.batchSize()), Plan::new);
  }

  static void model(Target t) {
    t.forAll(plan(t), plan -> {
      Snapshot base = t.reset(t.zone);
      List<Address> seededIps = t.usable(plan.seeded(), base);
      List<VendorRegion> pairs = new ArrayList<>();
      plan.pairs().forEach(i -> pairs.add(t.catalogue().pair(i)));
      t.seed(t.zone, Target.zip(seededIps, pairs));
      Snapshot before = t.snapshot(t.zone, "BU3");
      Snapshot otherBefore = t.snapshot(t.otherZone, "Z2");
      Instant wm = t.watermark(t.zone);
      List<Map<String, String>> body = body(t, plan, seededIps, new HashSet<>(before.byIp().keySet()), "ip");
      Map<String, ObservedMapping> state = new LinkedHashMap<>(before.byIp());
      List<Expected> expected = BatchModel.upsert(t.catalogue(), body, state);
      Exchange ex = t.zone.batchUpsert(body);
      expect(ex.status() == 200, "BU2", ex, "a well-formed batch within the limit answers 200, even when items fail");
      ObservedBatch r = t.shapes.batch(ex, "BU2");
      BatchModel.compare(t.reference, r, expected, true, null);
      List<Expected> ok = expected.stream().filter(Expected::ok).toList();
      for (int i = 0; i < r.succeeded().size() && t.reference; i++) {
        ObservedBatch.Item got = r.succeeded().get(i);
        ObservedMapping want = ok.get(i).mapping();
        expect(want.vendor().equals(got.vendor()) && want.region().equals(got.region()), "BU2", ex,
            "succeeded item " + got + " must carry the new vendor and region " + want.vendor() + "/" + want.region());
      }
      boolean any = !ok.isEmpty();
      if (!any) {
        expect(r.modifiedOn() == null, "BU5", ex, "modified_on must be null when nothing succeeded, got " + r.modifiedOn());
      } else if (t.reference) {
        expect(r.modifiedAt() != null && (wm == null || !r.modifiedAt().isBefore(wm)), "BU5", ex,
            "modified_on " + r.modifiedOn() + " must be set and no earlier than " + wm);
      }
      Snapshot after = t.snapshot(t.zone, "BU3");
      Map<String, ObservedMapping> got = after.byIp();
      for (ObservedMapping want : state.values()) {
        ObservedMapping g = got.get(want.ip());
        ObservedMapping old = before.byIp().get(want.ip());
        boolean touched = want.modifiedOn() == null;
        if (!touched) {
          expect(want.sameAs(g), "BU3", after.exchange(), "mapping " + want + " was not named, so it must be "
              + "unchanged; the list shows " + g);
          continue;
        }
        expect(g != null && g.vendor().equals(want.vendor()) && g.region().equals(want.region()), "BU2",
            after.exchange(), "after the batch, " + want.ip() + " must map to " + want.vendor() + "/" + want.region()
                + ", the list shows " + g);
        boolean sameValue = old != null && old.vendor().equals(want.vendor()) && old.region().equals(want.region());
        if (t.reference && !sameValue && r.modifiedAt() != null) {
          expect(!g.modifiedAt().isAfter(r.modifiedAt()) && (wm == null || !g.modifiedAt().isBefore(wm)), "M1",
              after.exchange(), "the changed mapping's modified_on " + g.modifiedOn() + " must be the time of this "
                  + "change (batch modified_on " + r.modifiedOn() + ")");
        }
      }
      expect(got.size() == state.size(), "BU3", after.exchange(), "the list should hold exactly " + state.keySet()
          + ", got " + got.keySet());
      if (any && t.reference) {
        expect(r.modifiedAt().equals(after.modifiedAt()), "BU5", after.exchange(), "the list's modified_on must equal "
            + "the batch's " + r.modifiedOn() + ", got " + after.modifiedOn());
      }
      BatchDeleteChecks.unchanged(otherBefore, t.snapshot(t.otherZone, "Z2"), "Z2",
          "a batch upsert in zone " + t.zone.id + " changed zone " + t.otherZone.id);
      if (!ok.isEmpty()) {
        Expected probe = ok.get(ok.size() - 1);
        ObservedMapping g = t.shapes.single(t.zone.get(probe.ip()), "BU2");
        expect(g.ip().equals(probe.ip()) && g.vendor().equals(probe.mapping().vendor()), "BU2", null,
            "get " + probe.ip() + " after the batch shows " + g);
      }
    });
    t.reset(t.zone);
  }

  /**
   * The batch a plan describes, against the seeded addresses: each item keyed {@code key} ({@code ip} for v1,
   * {@code origin_ip} for v2), new addresses chosen outside {@code taken}.
   */
  static List<Map<String, String>> body(Target t, Plan plan, List<Address> seededIps, Set<String> taken, String key) {
    List<Map<String, String>> body = new ArrayList<>();
    List<Boolean> pairListed = new ArrayList<>();
    for (int i = 0; i < plan.items().size(); i++) {
      Item it = plan.items().get(i);
      int kind = it.kind();
      if ((kind == 0 && seededIps.isEmpty()) || (kind == 4 && (i == 0 || !pairListed.get(it.ref() % i)))) {
        kind = 1;
      }
      VendorRegion p = t.catalogue().pair(it.pair());
      String text;
      switch (kind) {
        case 0:
          text = AddressForms.render(seededIps.get(it.ref() % seededIps.size()), it.form());
          break;
        case 2: {
          String s = AddressForms.nearMiss(it.fresh(), it.miss());
          text = Address.isValid(s) ? "not-an-ip" : s;
          break;
        }
        case 3: {
          p = t.catalogue().unlisted(it.ref(), it.pair());
          text = it.ref() % 2 == 0 && !seededIps.isEmpty()
              ? AddressForms.render(seededIps.get(it.ref() % seededIps.size()), it.form())
              : AddressForms.render(fresh(t, it.fresh(), taken), it.form());
          break;
        }
        case 4: {
          String earlier = body.get(it.ref() % i).get(key);
          Optional<Address> e = Address.parse(earlier);
          text = e.isPresent() ? AddressForms.render(e.get(), it.form()) : earlier;
          break;
        }
        default:
          text = AddressForms.render(fresh(t, it.fresh(), taken), it.form());
      }
      pairListed.add(t.catalogue().lists(p) && Address.isValid(text));
      Map<String, String> item = new java.util.LinkedHashMap<>();
      item.put(key, text);
      item.put("vendor", p.vendor());
      item.put("region", p.region());
      body.add(item);
    }
    return body;
  }

  private static Address fresh(Target t, Address ip, Set<String> taken) {
    Address u = t.avoid(ip, taken);
    taken.add(u.toString());
    return u;
  }

  /** A malformed body, with a valid new item first so that a partial application shows. */
  static Gen<BatchDeleteChecks.Body> malformedUpsertBody(String ip, VendorRegion p) {
    String good = "{\"ip\":\"" + ip + "\",\"vendor\":\"" + p.vendor() + "\",\"region\":\"" + p.region() + "\"}";
    List<String> bad = List.of(
        "{\"vendor\":\"" + p.vendor() + "\",\"region\":\"" + p.region() + "\"}",
        "{\"ip\":\"198.51.100.9\",\"region\":\"" + p.region() + "\"}",
        "{\"ip\":\"198.51.100.9\",\"vendor\":\"" + p.vendor() + "\"}",
        "{\"ip\":42,\"vendor\":\"" + p.vendor() + "\",\"region\":\"" + p.region() + "\"}",
        "{\"ip\":null,\"vendor\":\"" + p.vendor() + "\",\"region\":\"" + p.region() + "\"}",
        "{\"ip\":\"198.51.100.9\",\"vendor\":1,\"region\":\"" + p.region() + "\"}",
        "{\"ip\":\"198.51.100.9\",\"vendor\":\"" + p.vendor() + "\",\"region\":[\"" + p.region() + "\"]}",
        "\"198.51.100.9\"", "42", "null", "[]", "true");
    List<String> whole = List.of("", "{}", "\"x\"", "42", "null", good, "[" + good, "[" + good + ",]",
        "{\"items\":[" + good + "]}");
    Gen<BatchDeleteChecks.Body> items = integers().between(0, bad.size() - 1).map(i ->
        new BatchDeleteChecks.Body("array with a bad item", ("[" + good + "," + bad.get(i) + "]")
            .getBytes(StandardCharsets.UTF_8)));
    Gen<BatchDeleteChecks.Body> wholes = integers().between(0, whole.size() - 1).map(i ->
        new BatchDeleteChecks.Body(i == 0 ? "empty body" : "not an array", whole.get(i).getBytes(StandardCharsets.UTF_8)));
    return Generate.oneOf(items, wholes, Generate.constant(new BatchDeleteChecks.Body("no body", null)));
  }

  static void malformed(Target t) {
    Gen<BatchDeleteChecks.Body> bodies = malformedUpsertBody("@IP@", new VendorRegion("@VENDOR@", "@REGION@"));
    t.forAll(Gens.address(t).zip(Gens.index(), bodies, (ip, p, b) -> new Object[] {ip, p, b})
        .describedAs(a -> "new item " + a[0] + " first, body " + a[2]), a -> {
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of((Address) a[0]), base).get(0);
          VendorRegion p = t.catalogue().pair((Integer) a[1]);
          BatchDeleteChecks.Body template = (BatchDeleteChecks.Body) a[2];
          byte[] bytes = template.bytes() == null ? null : new String(template.bytes(), StandardCharsets.UTF_8)
              .replace("@IP@", ip.toString()).replace("@VENDOR@", p.vendor()).replace("@REGION@", p.region())
              .getBytes(StandardCharsets.UTF_8);
          BatchDeleteChecks.Body body = new BatchDeleteChecks.Body(template.label(), bytes);
          Snapshot before = t.snapshot(t.zone, "E5");
          Exchange ex = t.api.send("PATCH", t.zone.path() + "/batch", body.bytes(),
              body.bytes() == null ? null : "application/json", HttpTarget.Auth.DEFAULT, Map.of());
          if (t.reference) {
            t.shapes.error(ex, "BU1", 400, 1190);
            BatchDeleteChecks.unchanged(ex, before, t.snapshot(t.zone, "E5"), "E5", "a refused batch upsert changed the zone");
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, "BU1", ex, "a malformed body must be refused with a 4xx: "
                + body);
          }
        });
    t.reset(t.zone);
  }

  static void overLimit(Target t) {
    t.forAll(Gens.oversize().zip(Gens.index(), (n, k) -> new int[] {n, k})
        .describedAs(a -> "batch of " + a[0] + " new items"), a -> {
          Snapshot base = t.reset(t.zone);
          List<Address> gen = new ArrayList<>();
          for (int i = 0; i < a[0]; i++) {
            gen.add(Address.v6(new int[] {0x2001, 0xdb8, 0xb01, a[1] & 0xffff, 0, 0, i >> 16, i & 0xffff}));
          }
          List<Address> ips = t.usable(gen, base);
          List<Map<String, String>> body = new ArrayList<>();
          for (int i = 0; i < ips.size(); i++) {
            body.add(V1Zone.item(ips.get(i).toString(), t.catalogue().pair(i)));
          }
          Exchange ex = t.zone.batchUpsert(body);
          if (t.reference) {
            t.shapes.error(ex, "BU1", 400, 1191);
            BatchDeleteChecks.unchanged(ex, base, t.snapshot(t.zone, "BU1"), "BU1", "a refused batch of " + a[0]
                + " items created mappings");
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, "BU1", ex, "a batch of " + a[0] + " items must be refused");
          }
        });
    t.reset(t.zone);
  }
}
