package dev.origincloudregions.conformance;

import static dev.origincloudregions.conformance.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.origincloudregions.conformance.BatchModel.Expected;
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
            List.of("BD11"), BatchDeleteChecks::concurrent).tries(10, 3).cost(4, 20));
  }

  /** One item of a planned batch; resolved against the seeded state when the example runs. */
  record Item(int kind, int ref, long form, Ip fresh, IpForms.NearMiss miss) {
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
  record Plan(List<Ip> seeded, List<Integer> pairs, List<Item> items) {
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
    Gen<List<Ip>> seeded = lists().of(Gens.address(t)).ofSizeBetween(0, 40);
    Gen<List<Integer>> pairs = lists().of(Gens.index()).ofSize(8);
    Gen<List<Item>> items = lists().of(item(t, duplicates)).ofSizes(sizes);
    return seeded.zip(pairs, items, Plan::new);
  }

  /** A plan resolved: the seeded mappings and the texts sent. */
  record Resolved(Map<Ip, VendorRegion> seeded, List<String> texts) {}

  static Resolved resolve(Target t, Plan plan, Snapshot base) {
    List<Ip> seededIps = t.usable(plan.seeded(), base);
    List<VendorRegion> pairs = new ArrayList<>();
    plan.pairs().forEach(i -> pairs.add(t.catalogue().pair(i)));
    Map<Ip, VendorRegion> seeded = Target.zip(seededIps, pairs);
    Set<String> taken = new HashSet<>();
    base.mappings().forEach(m -> taken.add(Ip.canonical(m.ip()).orElse(m.ip())));
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
          texts.add(IpForms.render(seededIps.get(it.ref() % seededIps.size()), it.form()));
          break;
        case Item.ABSENT: {
          Ip ip = t.avoid(it.fresh(), taken);
          texts.add(IpForms.render(ip, it.form()));
          break;
        }
        case Item.INVALID: {
          String s = IpForms.nearMiss(it.fresh(), it.miss());
          texts.add(Ip.isValid(s) ? "not-an-ip" : s);
          break;
        }
        default: {
          String earlier = texts.get(it.ref() % i);
          Optional<Ip> e = Ip.parse(earlier);
          texts.add(e.isPresent() ? IpForms.render(e.get(), it.form()) : earlier);
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
      Map<String, Mapping> state = new LinkedHashMap<>(before.byIp());
      List<Expected> expected = BatchModel.delete(res.texts(), state);
      Exchange ex = t.zone.batchDelete(res.texts());
      expect(ex.status() == 200, "BD3", ex, "a well-formed batch within the limit answers 200, even when items fail");
      ObservedBatch r = t.shapes.batch(ex, "BD3");
      BatchModel.compare(t.reference, r, expected, false, null);
      boolean any = expected.stream().anyMatch(Expected::ok);
      for (int i = 0; i < r.succeeded().size() && i < expected.size(); i++) {
        ObservedBatch.Item got = r.succeeded().get(i);
        Mapping removed = before.byIp().get(got.ip());
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
  static void checkEffects(Target t, Snapshot before, Snapshot after, ObservedBatch r, Map<String, Mapping> state,
      String rule) {
    Exchange ex = after.exchange();
    for (ObservedBatch.Item s : r.succeeded()) {
      expect(!after.contains(s.ip()), rule, ex, "succeeded IP " + s.ip() + " is still listed after the batch");
    }
    Map<String, Mapping> got = after.byIp();
    for (Mapping m : state.values()) {
      Mapping g = got.get(m.ip());
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
    Map<String, Mapping> a = after.byIp();
    for (Mapping m : before.mappings()) {
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
    Gen<Ip> seedIp = Gens.address(t);
    t.forAll(seedIp.zip(Gens.form(), Gens.index(), (ip, form, k) -> new Object[] {ip, form, k})
        .flatMap(a -> malformedDeleteBody(Generate.constant(IpForms.render((Ip) a[0], (Long) a[1])))
            .map(b -> new Object[] {a[0], a[1], a[2], b}))
        .describedAs(a -> "existing " + a[0] + ", body " + a[3]), a -> {
          Ip ip = (Ip) a[0];
          Body body = (Body) a[3];
          Snapshot base = t.reset(t.zone);
          Ip u = t.usable(List.of(ip), base).get(0);
          Body b = body.bytes() == null ? body : new Body(body.label(), new String(body.bytes(), StandardCharsets.ISO_8859_1)
              .replace(IpForms.render(ip, (Long) a[1]), IpForms.render(u, (Long) a[1])).getBytes(StandardCharsets.ISO_8859_1));
          t.seed(t.zone, Map.of(u, t.catalogue().pair((Integer) a[2])));
          Snapshot before = t.snapshot(t.zone, "E5");
          Exchange ex = t.api.send("DELETE", t.zone.path() + "/batch", b.bytes(),
              b.bytes() == null ? null : "application/json", Api.Auth.DEFAULT, Map.of());
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
    Gen<List<Ip>> seeded = lists().of(Gens.address(t)).ofSizeBetween(1, 30);
    t.forAll(seeded.zip(Gens.oversize(), Gens.form(), (s, n, f) -> new Object[] {s, n, f})
        .describedAs(a -> "existing " + a[0] + ", batch of " + a[1] + " items"), a -> {
          @SuppressWarnings("unchecked")
          List<Ip> gen = (List<Ip>) a[0];
          int n = (Integer) a[1];
          Snapshot base = t.reset(t.zone);
          List<Ip> ips = t.usable(gen, base);
          t.seed(t.zone, Target.zip(ips, t.catalogue().pairs));
          Snapshot before = t.snapshot(t.zone, "BD2");
          List<String> body = new ArrayList<>();
          ips.forEach(ip -> body.add(IpForms.render(ip, (Long) a[2])));
          java.util.Set<String> taken = new HashSet<>(before.byIp().keySet());
          for (int i = 0; body.size() < n; i++) {
            Ip filler = t.avoid(i % 2 == 0 ? Ip.v4(192, 0, 2, i % 256)
                : Ip.v6(new int[] {0x2001, 0xdb8, 0xffff, 0, 0, 0, 0, i}), taken);
            taken.add(filler.toString());
            body.add(filler.toString());
          }
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

  // ---- BD9 ----

  static void empty(Target t) {
    Snapshot base = t.reset(t.zone);
    List<Ip> ips = t.usable(List.of(Ip.v4(192, 0, 2, 10), Ip.v6(new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x10})), base);
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
      Map<String, Mapping> state = new LinkedHashMap<>(mid.byIp());
      List<Expected> expected = BatchModel.delete(res.texts(), state);
      ObservedBatch second = t.shapes.batch(t.zone.batchDelete(res.texts()), "BD10");
      expect(second.succeeded().isEmpty(), "BD10", second.exchange(), "the repeated request deleted "
          + second.succeeded() + " again");
      Set<String> firstOk = new HashSet<>();
      first.succeeded().forEach(i -> firstOk.add(i.ip()));
      for (ObservedBatch.Item f : second.failed()) {
        if (firstOk.remove(Ip.canonical(f.ip()).orElse(f.ip()))) {
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

  // ---- BD11 ----

  static void concurrent(Target t) {
    Gen<List<List<Integer>>> subsets = lists().of(lists().of(integers().between(0, 59)).ofSizeBetween(10, 60))
        .ofSize(4);
    t.forAll(subsets.zip(Gens.index(), (s, k) -> new Object[] {s, k})
        .describedAs(a -> "4 concurrent batches over 60 mappings, picking indexes " + a[0]), a -> {
          @SuppressWarnings("unchecked")
          List<List<Integer>> picks = (List<List<Integer>>) a[0];
          Snapshot base = t.reset(t.zone);
          List<Ip> gen = new ArrayList<>();
          int k = (Integer) a[1];
          for (int i = 0; i < 60; i++) {
            gen.add(i % 3 == 0 ? Ip.v4(203, 0, 113, (k + i) % 256)
                : Ip.v6(new int[] {0x2001, 0xdb8, 0xbd11, k & 0xffff, 0, 0, 0, i}));
          }
          List<Ip> ips = t.usable(gen, base);
          t.seed(t.zone, Target.zip(ips, t.catalogue().pairs));
          List<List<String>> batches = new ArrayList<>();
          for (List<Integer> p : picks) {
            List<String> b = new ArrayList<>();
            new java.util.LinkedHashSet<>(p).forEach(i -> b.add(ips.get(i).toString()));
            batches.add(b);
          }
          ExecutorService pool = Executors.newFixedThreadPool(batches.size() + 1);
          try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Snapshot> lists = new CopyOnWriteArrayList<>();
            Future<?> lister = pool.submit(() -> {
              start.await();
              while (!done.get() && lists.size() < 8) { // bounded: the request budget counts these
                lists.add(t.shapes.snapshot(t.zone.list(), "BD11"));
              }
              return null;
            });
            List<Future<ObservedBatch>> fs = new ArrayList<>();
            for (List<String> b : batches) {
              fs.add(pool.submit(() -> {
                start.await();
                return t.shapes.batch(t.zone.batchDelete(b), "BD11");
              }));
            }
            start.countDown();
            List<ObservedBatch> results = new ArrayList<>();
            for (Future<ObservedBatch> f : fs) {
              results.add(get(f));
            }
            done.set(true);
            get(lister);
            Map<String, Integer> count = new HashMap<>();
            for (ObservedBatch r : results) {
              r.succeeded().forEach(i -> count.merge(i.ip(), 1, Integer::sum));
            }
            Set<String> named = new HashSet<>();
            batches.forEach(b -> b.forEach(x -> named.add(Ip.canonical(x).orElse(x))));
            for (Ip ip : ips) {
              String c = ip.toString();
              int n = count.getOrDefault(c, 0);
              int want = named.contains(c) ? 1 : 0;
              if (n != want) {
                ObservedBatch culprit = results.stream().filter(r -> r.succeeded().stream().anyMatch(i -> i.ip().equals(c)))
                    .findFirst().orElse(results.get(0));
                throw new Violation("BD11", c + " was reported deleted by " + n + " of the concurrent batches, expected "
                    + want, culprit.exchange());
              }
            }
            for (Snapshot s : lists) {
              for (ObservedBatch r : results) {
                long seen = r.succeeded().stream().filter(i -> s.contains(i.ip())).count();
                expect(seen == 0 || seen == r.succeeded().size(), "BD11", s.exchange(), "a concurrent list saw "
                    + seen + " of the " + r.succeeded().size() + " mappings one batch deleted: not atomic");
              }
            }
          } finally {
            pool.shutdownNow();
          }
        });
    t.reset(t.zone);
  }

  static <T> T get(Future<T> f) {
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("a concurrent request did not finish: " + e, e);
    }
  }
}
