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
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Batch delete, the centre of the contract (section 6): BD1-BD11. */
final class BatchDeleteChecks {
  private BatchDeleteChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("batch-delete-agrees-with-model",
            "batch delete of existing, absent, invalid and duplicate IPs in many text forms matches the model, "
                + "and its effects show in list and get",
            List.of("BD3", "BD4", "BD5", "BD6", "BD7", "BD8", "IP1", "IP3"), BatchDeleteChecks::model).tries(1, 1).cost(6, 15),
        Check.of("batch-delete-malformed-body", "a missing or malformed batch delete body is refused with 1190 "
            + "and deletes nothing", List.of("BD1", "E5"), BatchDeleteChecks::malformed).tries(1, 1).cost(4, 10),
        Check.of("batch-delete-over-limit", "101 or more items are refused with 1191 and nothing is deleted, "
            + "not even the first 100", List.of("BD2", "E5"), BatchDeleteChecks::overLimit).tries(5, 3).cost(4, 10),
        Check.ref("batch-delete-empty-array", "an empty array answers 200 with both arrays empty and no modified_on",
            List.of("BD9"), BatchDeleteChecks::empty).cost(12, 0),
        Check.ref("batch-delete-repeated", "repeating a batch delete fails every item that succeeded the first time",
            List.of("BD10"), BatchDeleteChecks::repeated).tries(2, 5).cost(4, 12),
        Check.ref("batch-delete-concurrent", "concurrent overlapping batch deletes report each mapping deleted "
            + "exactly once, and a concurrent list sees each batch whole or not at all",
            List.of("BD11"), ConcurrentDeleteCheck::run).tries(10, 3).cost(4, 20));
  }

  /** One item of a planned batch; resolved against the seeded state when the example runs. */
  record Item(int kind, int ref, long form, Address fresh, AddressForms.NearMiss miss) {
    static final int EXISTING = 0;
    static final int ABSENT = 1;
    static final int INVALID = 2;
    static final int REPEAT = 3;

    @Override
    public String toString() {
      switch (kind) {
        case EXISTING: return "existing#" + ref + (form == 0 ? "" : "~form" + Long.toHexString(form));
        case ABSENT: return "absent " + fresh + (form == 0 ? "" : "~form" + Long.toHexString(form));
        case INVALID: return "invalid " + miss + " of " + fresh;
        default: return "repeat-of-earlier#" + ref + (form == 0 ? "" : "~form" + Long.toHexString(form));
      }
    }
  }

  /** Seeded mappings and a batch to send. */
  record Plan(List<Address> seeded, List<Integer> pairs, List<Item> items) {
    @Override
    public String toString() {
      return "seeded " + seeded + ", batch " + items;
    }
  }

  static Gen<Item> item(Target t, boolean duplicates) {
    Gen<Integer> kind = duplicates
        ? Generate.frequency(Pair.of(4, Generate.constant(0)), Pair.of(2, Generate.constant(1)),
            Pair.of(2, Generate.constant(2)), Pair.of(2, Generate.constant(3)))
        : Generate.frequency(Pair.of(4, Generate.constant(0)), Pair.of(2, Generate.constant(1)),
            Pair.of(2, Generate.constant(2)));
    return kind.zip(Gens.index(), Gens.form(), Gens.address(t), Gens.nearMiss(t.reference), Item::new);
  }

  static Gen<Plan> plan(Target t, Gen<Integer> sizes, boolean duplicates) {
    Gen<List<Address>> seeded = lists().of(Gens.address(t)).ofSizeBetween(0, 40);
    Gen<List<Integer>> pairs = lists().of(Gens.index()).ofSize(8);
    Gen<List<Item>> items = lists().of(item(t, duplicates)).ofSizes(sizes);
    return seeded.zip(pairs, items, Plan::new);
  }

  /** A plan resolved: the seeded mappings and the texts sent. */
  record Resolved(Map<Address, VendorRegion> seeded, List<String> texts) {}

  static Resolved resolve(Target t, Plan plan, Snapshot base) {
    List<Address> seededIps = t.usable(plan.seeded(), base);
    List<VendorRegion> pairs = new ArrayList<>();
    plan.pairs().forEach(i -> pairs.add(t.catalogue().pair(i)));
    Map<Address, VendorRegion> seeded = Target.zip(seededIps, pairs);
    Set<String> taken = new HashSet<>();
    base.mappings().forEach(m -> taken.add(Address.canonical(m.ip()).orElse(m.ip())));
    seededIps.forEach(ip -> taken.add(ip.toString()));
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < plan.items().size(); i++) {
      Item it = plan.items().get(i);
      int kind = it.kind();
      if ((kind == Item.EXISTING && seededIps.isEmpty()) || (kind == Item.REPEAT && i == 0)) {
        kind = Item.ABSENT;
      }
      switch (kind) {
        case Item.EXISTING:
          texts.add(AddressForms.render(seededIps.get(it.ref() % seededIps.size()), it.form()));
          break;
        case Item.ABSENT: {
          Address ip = t.avoid(it.fresh(), taken);
          texts.add(AddressForms.render(ip, it.form()));
          break;
        }
        case Item.INVALID: {
          String s = AddressForms.nearMiss(it.fresh(), it.miss());
          texts.add(Address.isValid(s) ? "not-an-ip" : s);
          break;
        }
        default: {
          String earlier = texts.get(it.ref() % i);
          Optional<Address> e = Address.parse(earlier);
          texts.add(e.isPresent() ? AddressForms.render(e.get(), it.form()) : earlier);
        }
      }
    }
    return new Resolved(seeded, texts);
  }

  // ---- BD3-BD8 ----

  static void model(Target t) {
    t.forAll(plan(t, Gens.batchSize(), t.reference), plan -> {
      Snapshot base = t.reset(t.zone);
      Resolved res = resolve(t, plan, base);
      t.seed(t.zone, res.seeded());
      Snapshot before = t.snapshot(t.zone, "BD8");
      Snapshot otherBefore = t.snapshot(t.otherZone, "Z2");
      Instant wm = t.watermark(t.zone);
      Map<String, ObservedMapping> state = new LinkedHashMap<>(before.byIp());
      List<Expected> expected = BatchModel.delete(res.texts(), state);
      Exchange ex = t.zone.batchDelete(res.texts());
      expect(ex.status() == 200, "BD3", ex, "a well-formed batch within the limit answers 200, even when items fail");
      ObservedBatch r = t.shapes.batch(ex, "BD3");
      BatchModel.compare(t.reference, r, expected, false, null);
      boolean any = expected.stream().anyMatch(Expected::ok);
      for (int i = 0; i < r.succeeded().size() && i < expected.size(); i++) {
        ObservedBatch.Item got = r.succeeded().get(i);
        ObservedMapping removed = before.byIp().get(got.ip());
        expect(removed != null && removed.vendor().equals(got.vendor()) && removed.region().equals(got.region()),
            "BD5", ex, "succeeded item " + got + " must carry the vendor and region of the removed mapping " + removed);
      }
      checkModifiedOn(t, r, any, wm);
      Snapshot after = t.snapshot(t.zone, "BD8");
      checkEffects(t, before, after, r, state, "BD8");
      afterModifiedOn(t, r, any, before, after);
      Snapshot otherAfter = t.snapshot(t.otherZone, "Z2");
      unchanged(otherBefore, otherAfter, "Z2", "a batch delete in zone " + t.zone.id + " changed zone " + t.otherZone.id);
      int probes = 0;
      for (ObservedBatch.Item s : r.succeeded()) {
        if (probes++ >= 2) {
          break;
        }
        t.shapes.error(t.zone.get(s.ip()), "BD8", 404, 1142);
      }
    });
    t.reset(t.zone);
  }

  /** BD7: the batch's modified_on. */
  static void checkModifiedOn(Target t, ObservedBatch r, boolean anySucceeded, Instant watermark) {
    Exchange ex = r.exchange();
    if (!anySucceeded || r.succeeded().isEmpty()) {
      expect(r.modifiedOn() == null, "BD7", ex, "modified_on must be null when nothing succeeded, got " + r.modifiedOn());
      return;
    }
    if (t.reference) {
      expect(r.modifiedAt() != null, "BD7", ex, "modified_on must be set when something succeeded");
      expect(watermark == null || !r.modifiedAt().isBefore(watermark), "BD7", ex, "modified_on " + r.modifiedOn()
          + " is earlier than a modified_on the server returned before (" + watermark + ")");
      t.observe(t.zone, r.modifiedAt());
    }
  }

  /** BD7/L1: the list's modified_on after the batch. */
  static void afterModifiedOn(Target t, ObservedBatch r, boolean anySucceeded, Snapshot before, Snapshot after) {
    if (after.mappings().isEmpty()) {
      expect(after.modifiedOn() == null, "L1", after.exchange(), "an empty zone's list has modified_on null, got "
          + after.modifiedOn());
    } else if (anySucceeded && t.reference) {
      expect(r.modifiedAt().equals(after.modifiedAt()), "BD7", after.exchange(), "after the batch, the list's "
          + "modified_on must equal the batch's " + r.modifiedOn() + ", got " + after.modifiedOn());
    } else if (!anySucceeded) {
      expect(java.util.Objects.equals(before.modifiedAt(), after.modifiedAt()), "L1", after.exchange(),
          "nothing changed, so the list's modified_on must stay " + before.modifiedOn() + ", got " + after.modifiedOn());
    }
  }

  /** BD8: every succeeded IP is gone, every other mapping unchanged (state is the model after the batch). */
  static void checkEffects(Target t, Snapshot before, Snapshot after, ObservedBatch r, Map<String, ObservedMapping> state,
      String rule) {
    Exchange ex = after.exchange();
    for (ObservedBatch.Item s : r.succeeded()) {
      expect(!after.contains(s.ip()), rule, ex, "succeeded IP " + s.ip() + " is still listed after the batch");
    }
    Map<String, ObservedMapping> got = after.byIp();
    for (ObservedMapping m : state.values()) {
      ObservedMapping g = got.get(m.ip());
      expect(m.sameAs(g), rule, ex, "mapping " + m + " should be unchanged, but the list shows " + g);
    }
    expect(got.size() == state.size(), rule, ex, "the list should hold exactly " + state.keySet() + ", got "
        + got.keySet());
  }

  /** As {@link #unchanged(Snapshot, Snapshot, String, String)}, blaming the request that made the change. */
  static void unchanged(Exchange cause, Snapshot before, Snapshot after, String rule, String what) {
    try {
      unchanged(before, after, rule, what);
    } catch (Violation v) {
      throw new Violation(v.breaches(), v.detail() + " (as the list after it shows)", cause);
    }
  }

  static void unchanged(Snapshot before, Snapshot after, String rule, String what) {
    Map<String, ObservedMapping> a = after.byIp();
    for (ObservedMapping m : before.mappings()) {
      expect(m.sameAs(a.get(m.ip())), rule, after.exchange(), what + ": " + m + " became " + a.get(m.ip()));
    }
    expect(a.size() == before.mappings().size(), rule, after.exchange(), what + ": the list was " + before.byIp().keySet()
        + ", now " + a.keySet());
    expect(java.util.Objects.equals(before.modifiedAt(), after.modifiedAt()), rule, after.exchange(),
        what + ": modified_on was " + before.modifiedOn() + ", now " + after.modifiedOn());
  }

  // ---- BD1 ----

  /** A malformed body: raw bytes (null = no body at all) and a label. */
  record Body(String label, byte[] bytes) {
    @Override
    public String toString() {
      return label + (bytes == null ? "" : " " + new String(bytes, StandardCharsets.UTF_8));
    }
  }

  static Gen<Body> malformedDeleteBody(Gen<String> existingText) {
    List<Gen<Body>> g = new ArrayList<>();
    g.add(Generate.constant(new Body("no body", null)));
    g.add(Generate.constant(new Body("empty body", new byte[0])));
    g.add(existingText.map(ip -> new Body("truncated JSON", ("[\"" + ip + "\"").getBytes(StandardCharsets.UTF_8))));
    g.add(existingText.map(ip -> new Body("single quotes", ("['" + ip + "']").getBytes(StandardCharsets.UTF_8))));
    g.add(existingText.map(ip -> new Body("object", ("{\"ips\":[\"" + ip + "\"]}").getBytes(StandardCharsets.UTF_8))));
    g.add(existingText.map(ip -> new Body("bare string", ("\"" + ip + "\"").getBytes(StandardCharsets.UTF_8))));
    g.add(Generate.pick(List.of("42", "null", "true", "{}", "[", "]", "nul", "[1,]", "\"\"")).map(s ->
        new Body("not an array", s.getBytes(StandardCharsets.UTF_8))));
    g.add(existingText.zip(integers().between(0, 7), integers().between(0, 3), (ip, which, pos) -> {
      String bad = List.of("1", "null", "true", "{\"ip\":\"" + ip + "\"}", "[\"" + ip + "\"]", "1.5", "{}", "[]")
          .get(which);
      List<String> items = new ArrayList<>(List.of("\"" + ip + "\"", "\"198.51.100.77\""));
      items.add(Math.min(pos, items.size()), bad);
      return new Body("array with a non-string", ("[" + String.join(",", items) + "]").getBytes(StandardCharsets.UTF_8));
    }));
    g.add(integers().between(0, 255).map(b -> new Body("invalid UTF-8", new byte[] {'[', '"', (byte) 0xC3,
        (byte) 0x28, (byte) b.intValue(), '"', ']'})));
    @SuppressWarnings("unchecked")
    Gen<Body>[] rest = g.subList(1, g.size()).toArray(new Gen[0]);
    return Generate.oneOf(g.get(0), rest);
  }

  static void malformed(Target t) {
    Gen<Address> seedIp = Gens.address(t);
    t.forAll(seedIp.zip(Gens.form(), Gens.index(), (ip, form, k) -> new Object[] {ip, form, k})
        .flatMap(a -> malformedDeleteBody(Generate.constant(AddressForms.render((Address) a[0], (Long) a[1])))
            .map(b -> new Object[] {a[0], a[1], a[2], b}))
        .describedAs(a -> "existing " + a[0] + ", body " + a[3]), a -> {
          Address ip = (Address) a[0];
          Body body = (Body) a[3];
          Snapshot base = t.reset(t.zone);
          Address u = t.usable(List.of(ip), base).get(0);
          Body b = body.bytes() == null ? body : new Body(body.label(), new String(body.bytes(), StandardCharsets.ISO_8859_1)
              .replace(AddressForms.render(ip, (Long) a[1]), AddressForms.render(u, (Long) a[1])).getBytes(StandardCharsets.ISO_8859_1));
          t.seed(t.zone, Map.of(u, t.catalogue().pair((Integer) a[2])));
          Snapshot before = t.snapshot(t.zone, "E5");
          Exchange ex = t.api.send("DELETE", t.zone.path() + "/batch", b.bytes(),
              b.bytes() == null ? null : "application/json", HttpTarget.Auth.DEFAULT, Map.of());
          if (t.reference) {
            t.shapes.error(ex, "BD1", 400, 1190);
            if (b.bytes() == null || b.bytes().length == 0) {
              expect(ex.errorMessage().toLowerCase(Locale.ROOT).contains("array"), "BD1", ex,
                  "a missing body's message must say that a JSON array of IP strings is required, got \""
                      + ex.errorMessage() + "\"");
            }
            unchanged(ex, before, t.snapshot(t.zone, "E5"), "E5", "a refused batch delete changed the zone");
          } else {
            t.shapes.errorAnyStatus(ex, "BD1", new int[] {400, 411, 415, 422});
          }
        });
    t.reset(t.zone);
  }

  // ---- BD2 ----

  static void overLimit(Target t) {
    Gen<List<Address>> seeded = lists().of(Gens.address(t)).ofSizeBetween(1, 30);
    t.forAll(seeded.zip(Gens.oversize(), Gens.form(), (s, n, f) -> new Object[] {s, n, f})
        .describedAs(a -> "existing " + a[0] + ", batch of " + a[1] + " items"), a -> {
          @SuppressWarnings("unchecked")
          List<Address> gen = (List<Address>) a[0];
          int n = (Integer) a[1];
          Snapshot base = t.reset(t.zone);
          List<Address> ips = t.usable(gen, base);
          t.seed(t.zone, Target.zip(ips, t.catalogue().pairs));
          Snapshot before = t.snapshot(t.zone, "BD2");
          List<String> body = oversized(t, ips, (Long) a[2], n, before);
          Exchange ex = t.zone.batchDelete(body);
          if (t.reference) {
            t.shapes.error(ex, "BD2", 400, 1191);
            unchanged(ex, before, t.snapshot(t.zone, "BD2"), "BD2", "a refused batch of " + n + " items deleted mappings");
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, "BD2", ex, "a batch of " + n + " items (over 100) must be "
                + "refused with a 4xx");
          }
        });
    t.reset(t.zone);
  }

  /**
   * A batch of {@code n} texts (over the limit): the existing {@code ips} in text form {@code form}, then absent
   * addresses, IPv4 and IPv6 alternately while the IPv4 ones last.
   */
  static List<String> oversized(Target t, List<Address> ips, long form, int n, Snapshot before) {
    List<String> body = new ArrayList<>();
    ips.forEach(ip -> body.add(AddressForms.render(ip, form)));
    Set<String> taken = new HashSet<>(before.byIp().keySet());
    ips.forEach(ip -> taken.add(ip.toString()));
    for (int i = 0; body.size() < n; i++) {
      Address filler = t.avoid(i % 2 == 0 && i < 256 ? Address.v4(192, 0, 2, i / 2)
          : Address.v6(new int[] {0x2001, 0xdb8, 0xffff, 0, 0, 0, i >> 16, i & 0xffff}), taken);
      taken.add(filler.toString());
      body.add(filler.toString());
    }
    return body;
  }

  // ---- BD9 ----

  static void empty(Target t) {
    Snapshot base = t.reset(t.zone);
    List<Address> ips = t.usable(List.of(Address.v4(192, 0, 2, 10), Address.v6(new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x10})), base);
    t.seed(t.zone, Target.zip(ips, t.catalogue().pairs));
    Snapshot before = t.snapshot(t.zone, "BD9");
    Exchange ex = t.zone.batchDelete(List.of());
    ObservedBatch r = t.shapes.batch(ex, "BD9");
    expect(r.succeeded().isEmpty() && r.failed().isEmpty(), "BD9", ex, "an empty batch has both arrays empty");
    expect(r.modifiedOn() == null, "BD9", ex, "an empty batch has modified_on null, got " + r.modifiedOn());
    unchanged(ex, before, t.snapshot(t.zone, "BD9"), "BD9", "an empty batch changed the zone");
    t.reset(t.zone);
  }

  // ---- BD10 ----

  static void repeated(Target t) {
    t.forAll(plan(t, Gens.batchSize(), true), plan -> {
      Snapshot base = t.reset(t.zone);
      Resolved res = resolve(t, plan, base);
      t.seed(t.zone, res.seeded());
      ObservedBatch first = t.shapes.batch(t.zone.batchDelete(res.texts()), "BD3");
      Snapshot mid = t.snapshot(t.zone, "BD10");
      Map<String, ObservedMapping> state = new LinkedHashMap<>(mid.byIp());
      List<Expected> expected = BatchModel.delete(res.texts(), state);
      ObservedBatch second = t.shapes.batch(t.zone.batchDelete(res.texts()), "BD10");
      expect(second.succeeded().isEmpty(), "BD10", second.exchange(), "the repeated request deleted "
          + second.succeeded() + " again");
      Set<String> firstOk = new HashSet<>();
      first.succeeded().forEach(i -> firstOk.add(i.ip()));
      for (ObservedBatch.Item f : second.failed()) {
        if (firstOk.remove(Address.canonical(f.ip()).orElse(f.ip()))) {
          expect(f.error().toLowerCase(Locale.ROOT).contains(BatchModel.NOT_FOUND), "BD10", second.exchange(),
              f.ip() + " succeeded the first time, so the repeat must fail it \"not found\", got \"" + f.error() + "\"");
        }
      }
      BatchModel.compare(t.reference, second, expected, false, "BD10");
      expect(firstOk.isEmpty(), "BD10", second.exchange(), "items that succeeded the first time are missing from "
          + "the repeat's failed array: " + firstOk);
      unchanged(second.exchange(), mid, t.snapshot(t.zone, "BD10"), "BD10", "a repeated batch delete changed the zone");
    });
    t.reset(t.zone);
  }

}
