package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.BatchModel;
import dev.origincloudregions.conformance.model.BatchModel.Expected;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.Violation;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;

/**
 * v2 batch delete (VBD1): {@code DELETE /origin/cloud_regions/batch} follows BD1 to BD6 and BD8 to BD11 with the key
 * {@code origin_ip} and the flat result. The batches, the model and the near misses are batch delete's of v1
 * ({@link BatchDeleteChecks}); the state is read and set through v2 only, and a broken BD rule is reported as the
 * part of VBD1 that carries it.
 */
final class V2BatchDeleteChecks {
  static final String OP = "VBD1";

  private V2BatchDeleteChecks() {}

  static List<Check> all() {
    return List.of(
        Check.v2("v2-batch-delete-agrees-with-model", "v2 batch delete of existing, absent, invalid and duplicate IPs "
            + "in many text forms matches the model, and its effects show in the v2 list and get",
            List.of("VBD1", "VK1", "VM1", "IP1", "IP3", "Z2"), V2BatchDeleteChecks::model).tries(2, 1).cost(6, 16),
        Check.v2("v2-batch-delete-malformed-body", "a missing or malformed v2 batch delete body is refused with 1190 "
            + "and deletes nothing", List.of("VBD1", "E5"), V2BatchDeleteChecks::malformed).tries(3, 1).cost(4, 10),
        Check.v2("v2-batch-delete-over-limit", "101 or more items are refused with 1191 and nothing is deleted",
            List.of("VBD1", "E5"), V2BatchDeleteChecks::overLimit).tries(10, 3).cost(4, 10),
        Check.v2ref("v2-batch-delete-empty-array", "an empty array answers 200 with both arrays empty and changes "
            + "nothing", List.of("VBD1"), V2BatchDeleteChecks::empty).cost(12, 0),
        Check.v2ref("v2-batch-delete-repeated", "repeating a v2 batch delete fails every item that succeeded the "
            + "first time", List.of("VBD1"), V2BatchDeleteChecks::repeated).tries(4, 5).cost(4, 12),
        Check.v2ref("v2-batch-delete-concurrent", "concurrent overlapping v2 batch deletes report each mapping "
            + "deleted exactly once, and a concurrent list sees each batch whole or not at all",
            List.of("VBD1"), V2BatchDeleteChecks::concurrent).tries(20, 3).cost(4, 20));
  }

  static void model(Target t) {
    t.forAll(BatchDeleteChecks.plan(t, Gens.batchSize(), t.reference), plan -> {
      Snapshot base = V2Zones.reset(t, t.v2zone);
      BatchDeleteChecks.Resolved res = BatchDeleteChecks.resolve(t, plan, base);
      V2Zones.seed(t, t.v2zone, res.seeded());
      Snapshot before = V2Zones.snapshot(t, t.v2zone);
      Snapshot otherBefore = V2Zones.snapshot(t, t.v2otherZone);
      Map<String, ObservedMapping> state = new LinkedHashMap<>(before.byIp());
      List<Expected> expected = BatchModel.delete(res.texts(), state);
      Exchange ex = t.v2zone.batchDelete(res.texts());
      expect(ex.status() == 200, OP, ex, "a well-formed batch within the limit answers 200, even when items fail");
      ObservedBatch r = t.v2shapes.batch(ex, OP);
      V2Zones.as(OP, () -> BatchModel.compare(t.reference, r, expected, false, null));
      for (ObservedBatch.Item got : r.succeeded()) {
        ObservedMapping removed = before.byIp().get(got.ip());
        expect(removed != null && removed.vendor().equals(got.vendor()) && removed.region().equals(got.region()),
            OP, ex, "succeeded item " + got + " must carry the vendor and region of the removed mapping " + removed);
      }
      Snapshot after = V2Zones.snapshot(t, t.v2zone);
      effects(r, state, after, OP + " [ref]");
      V2Zones.as(OP, () -> BatchDeleteChecks.unchanged(ex, otherBefore, V2Zones.snapshot(t, t.v2otherZone), "Z2",
          "a v2 batch delete in zone " + t.zone.id + " changed zone " + t.otherZone.id));
      int probes = 0;
      for (ObservedBatch.Item s : r.succeeded()) {
        if (probes++ >= 2) {
          break;
        }
        t.shapes.error(t.v2zone.get(s.ip()), OP + " [ref]", 404, 1142);
      }
    });
    V2Zones.reset(t, t.v2zone);
  }

  /**
   * BD8 through v2: every succeeded address is gone and every other mapping is unchanged; one whose vendor and
   * region are kept but whose {@code modified_on} moved breaks VM1 ("an operation on other mappings never moves
   * it").
   */
  static void effects(ObservedBatch r, Map<String, ObservedMapping> state, Snapshot after, String rule) {
    Exchange ex = after.exchange();
    for (ObservedBatch.Item s : r.succeeded()) {
      expect(!after.contains(s.ip()), rule, r.exchange(), "succeeded IP " + s.ip() + " is still listed after the "
          + "batch (as the v2 list shows)");
    }
    unchangedEntries(state, after, rule, r.exchange());
  }

  /** The entries of {@code want} are all listed, unchanged, and nothing else is (VM1 for a moved time alone). */
  static void unchangedEntries(Map<String, ObservedMapping> want, Snapshot after, String rule, Exchange cause) {
    Map<String, ObservedMapping> got = after.byIp();
    for (ObservedMapping m : want.values()) {
      ObservedMapping g = got.get(m.ip());
      if (g != null && g.vendor().equals(m.vendor()) && g.region().equals(m.region()) && m.modifiedAt() != null
          && !m.modifiedAt().equals(g.modifiedAt())) {
        throw new Violation("VM1", "the request did not name " + m.ip() + ", yet its modified_on moved from "
            + m.modifiedOn() + " to " + g.modifiedOn() + " (as the v2 list after it shows)", cause);
      }
      expect(m.modifiedAt() == null ? g != null && g.vendor().equals(m.vendor()) && g.region().equals(m.region())
          : m.sameAs(g), rule, cause, "mapping " + m + " should be " + (m.modifiedAt() == null ? "listed" : "unchanged")
          + ", but the v2 list after the request shows " + g);
    }
    expect(got.size() == want.size(), rule, cause, "the v2 list should hold exactly " + want.keySet() + ", got "
        + got.keySet());
  }

  static void malformed(Target t) {
    t.forAll(Gens.address(t).zip(Gens.form(), Gens.index(), (ip, form, k) -> new Object[] {ip, form, k})
        .flatMap(a -> BatchDeleteChecks.malformedDeleteBody(org.quicktheories.generators.Generate.constant(
            AddressForms.render((Address) a[0], (Long) a[1]))).map(b -> new Object[] {a[0], a[1], a[2], b}))
        .describedAs(a -> "existing " + a[0] + ", body " + a[3]), a -> {
          Address ip = (Address) a[0];
          BatchDeleteChecks.Body body = (BatchDeleteChecks.Body) a[3];
          Snapshot base = V2Zones.reset(t, t.v2zone);
          Address u = t.usable(List.of(ip), base).get(0);
          byte[] bytes = body.bytes() == null ? null : new String(body.bytes(), StandardCharsets.ISO_8859_1)
              .replace(AddressForms.render(ip, (Long) a[1]), AddressForms.render(u, (Long) a[1]))
              .getBytes(StandardCharsets.ISO_8859_1);
          V2Zones.seed(t, t.v2zone, Map.of(u, t.catalogue().pair((Integer) a[2])));
          Snapshot before = V2Zones.snapshot(t, t.v2zone);
          Exchange ex = t.api.send("DELETE", t.v2zone.path() + "/batch", bytes, bytes == null ? null
              : "application/json", HttpTarget.Auth.DEFAULT, Map.of());
          if (t.reference) {
            t.shapes.error(ex, OP, 400, 1190);
            if (bytes == null || bytes.length == 0) {
              expect(ex.errorMessage().toLowerCase(Locale.ROOT).contains("array"), OP, ex, "a missing body's "
                  + "message must say that a JSON array of IP strings is required, got \"" + ex.errorMessage() + "\"");
            }
            BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), "E5",
                "a refused v2 batch delete changed the zone");
          } else {
            t.shapes.errorAnyStatus(ex, OP, new int[] {400, 411, 415, 422});
          }
        });
    V2Zones.reset(t, t.v2zone);
  }

  static void overLimit(Target t) {
    Gen<List<Address>> seeded = lists().of(Gens.address(t)).ofSizeBetween(1, 30);
    t.forAll(seeded.zip(Gens.oversize(), Gens.form(), (s, n, f) -> new Object[] {s, n, f})
        .describedAs(a -> "existing " + a[0] + ", batch of " + a[1] + " items"), a -> {
          @SuppressWarnings("unchecked")
          List<Address> gen = (List<Address>) a[0];
          int n = (Integer) a[1];
          Snapshot base = V2Zones.reset(t, t.v2zone);
          List<Address> ips = t.usable(gen, base);
          V2Zones.seed(t, t.v2zone, Target.zip(ips, t.catalogue().pairs));
          Snapshot before = V2Zones.snapshot(t, t.v2zone);
          List<String> body = BatchDeleteChecks.oversized(t, ips, (Long) a[2], n, before);
          Exchange ex = t.v2zone.batchDelete(body);
          if (t.reference) {
            t.shapes.error(ex, OP, 400, 1191);
            BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), OP + " [ref]",
                "a refused v2 batch of " + n + " items deleted mappings");
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, OP, ex, "a batch of " + n + " items (over 100) must be "
                + "refused with a 4xx");
          }
        });
    V2Zones.reset(t, t.v2zone);
  }

  static void empty(Target t) {
    Snapshot base = V2Zones.reset(t, t.v2zone);
    List<Address> ips = t.usable(List.of(Address.v4(192, 0, 2, 20),
        Address.v6(new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x20})), base);
    V2Zones.seed(t, t.v2zone, Target.zip(ips, t.catalogue().pairs));
    Snapshot before = V2Zones.snapshot(t, t.v2zone);
    Exchange ex = t.v2zone.batchDelete(List.of());
    ObservedBatch r = t.v2shapes.batch(ex, OP);
    expect(r.succeeded().isEmpty() && r.failed().isEmpty(), OP + " [ref]", ex, "an empty batch has both arrays "
        + "empty");
    BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), OP + " [ref]",
        "an empty v2 batch changed the zone");
    V2Zones.reset(t, t.v2zone);
  }

  static void repeated(Target t) {
    t.forAll(BatchDeleteChecks.plan(t, Gens.batchSize(), true), plan -> {
      Snapshot base = V2Zones.reset(t, t.v2zone);
      BatchDeleteChecks.Resolved res = BatchDeleteChecks.resolve(t, plan, base);
      V2Zones.seed(t, t.v2zone, res.seeded());
      ObservedBatch first = t.v2shapes.batch(t.v2zone.batchDelete(res.texts()), OP);
      Snapshot mid = V2Zones.snapshot(t, t.v2zone);
      Map<String, ObservedMapping> state = new LinkedHashMap<>(mid.byIp());
      List<Expected> expected = BatchModel.delete(res.texts(), state);
      ObservedBatch second = t.v2shapes.batch(t.v2zone.batchDelete(res.texts()), OP);
      String rule = OP + " [ref]";
      expect(second.succeeded().isEmpty(), rule, second.exchange(), "the repeated request deleted "
          + second.succeeded() + " again");
      Set<String> firstOk = new HashSet<>();
      first.succeeded().forEach(i -> firstOk.add(i.ip()));
      for (ObservedBatch.Item f : second.failed()) {
        if (firstOk.remove(Address.canonical(f.ip()).orElse(f.ip()))) {
          expect(f.error().toLowerCase(Locale.ROOT).contains(BatchModel.NOT_FOUND), rule, second.exchange(),
              f.ip() + " succeeded the first time, so the repeat must fail it \"not found\", got \"" + f.error()
                  + "\"");
        }
      }
      V2Zones.as(OP, () -> BatchModel.compare(t.reference, second, expected, false, "BD10"));
      expect(firstOk.isEmpty(), rule, second.exchange(), "items that succeeded the first time are missing from "
          + "the repeat's failed array: " + firstOk);
      BatchDeleteChecks.unchanged(second.exchange(), mid, V2Zones.snapshot(t, t.v2zone), rule,
          "a repeated v2 batch delete changed the zone");
    });
    V2Zones.reset(t, t.v2zone);
  }

  static void concurrent(Target t) {
    ConcurrentDeleteCheck.run(t, new ConcurrentDeleteCheck.Family(OP + " [ref]",
        () -> V2Zones.reset(t, t.v2zone), m -> V2Zones.seed(t, t.v2zone, m),
        b -> t.v2shapes.batch(t.v2zone.batchDelete(b), OP), () -> {
          var page = t.v2shapes.page(t.v2zone.list("1", "100"));
          return new Snapshot(null, null, page.entries(), page.exchange());
        }, () -> V2Zones.reset(t, t.v2zone)));
  }
}
