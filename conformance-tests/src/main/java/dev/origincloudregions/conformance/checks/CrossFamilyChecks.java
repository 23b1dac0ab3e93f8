package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.BatchModel;
import dev.origincloudregions.conformance.model.BatchModel.Expected;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.V2Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The rules that tie the two families together (VS1, VM1), checked with {@code --api all} only: random sequences of
 * operations drawn from both families over a small pool of addresses, against one model of the zone that keeps
 * each mapping's {@code modified_on}. After every step the zone is read through one family or the other (in turn)
 * and must be the model: a server that keeps a store per family fails VS1, one that moves {@code modified_on} of
 * a mapping the step did not touch fails VM1.
 */
final class CrossFamilyChecks {
  private CrossFamilyChecks() {}

  static List<Check> all() {
    return List.of(Check.both("stateful-both-families", "random sequences of the v1 and v2 operations, mixed, agree "
            + "with one model after every step, read in turn through either family: one store, and modified_on moves "
            + "only with a mapping's own changes", List.of("VS1", "VM1"), CrossFamilyChecks::run)
        .tries(3, 5).cost(6, 64));
  }

  static final String[] OPS = {"v1-create", "v1-upsert", "v1-batch-upsert", "v1-delete", "v1-batch-delete",
      "v2-put", "v2-delete", "v2-batch-put", "v2-batch-delete", "v1-get", "v2-get"};

  /** One step: an operation over pool indexes, a text form for the reads, a pair index. */
  record Step(int op, List<Integer> idx, long form, int pair) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(OPS[op]).append(' ');
      int n = op == 2 || op == 4 || op == 7 || op == 8 ? idx.size() : 1;
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : ",").append('#').append(idx.get(i));
      }
      if (op >= 9 && form != 0) {
        sb.append('~').append(Long.toHexString(form));
      }
      return op <= 2 || op == 5 || op == 7 ? sb.append(" pair#").append(pair).toString() : sb.toString();
    }
  }

  static Gen<Step> step() {
    return Generate.range(0, OPS.length - 1).zip(lists().of(integers().between(0, 5)).ofSizeBetween(1, 4),
        Gens.form(), Gens.index(), Step::new);
  }

  /** A mapping of the model: as last answered, with the family that last wrote it; {@code m} null = time unknown. */
  record Entry(String ip, VendorRegion pair, ObservedMapping m, String family) {}

  static void run(Target t) {
    Gen<List<Address>> pool = lists().of(Gens.address(t)).ofSize(6);
    t.forAll(pool.zip(lists().of(step()).ofSizeBetween(1, 20), (p, s) -> new Object[] {p, s})
        .describedAs(a -> "pool " + a[0] + ", steps " + a[1]), a -> {
          @SuppressWarnings("unchecked")
          List<Address> gen = (List<Address>) a[0];
          @SuppressWarnings("unchecked")
          List<Step> steps = (List<Step>) a[1];
          Snapshot base = t.reset(t.zone);
          V2Zones.reset(t, t.v2zone);
          List<Address> ips = t.usable(gen, base);
          Map<String, Entry> model = new LinkedHashMap<>();
          base.mappings().forEach(m -> model.put(m.ip(), new Entry(m.ip(), new VendorRegion(m.vendor(), m.region()),
              m, "v1")));
          int i = 0;
          for (Step s : steps) {
            Set<String> touched = apply(t, s, ips, model);
            compare(t, model, touched, s, i++ % 2 == 0 ? "v2" : "v1");
          }
        });
    t.reset(t.zone);
  }

  /** Applies one step, checks its answer and updates the model; returns the addresses the step changed. */
  private static Set<String> apply(Target t, Step s, List<Address> ips, Map<String, Entry> model) {
    Address ip = ips.get(s.idx().get(0));
    String c = ip.toString();
    VendorRegion p = t.catalogue().pair(s.pair());
    Set<String> touched = new LinkedHashSet<>();
    Entry e = model.get(c);
    switch (s.op()) {
      case 0: {
        Exchange ex = t.zone.create(c, p);
        if (e != null) {
          t.shapes.error(ex, e.family().equals("v2") ? "VS1" : "C1", 400, 1145);
        } else {
          ObservedMapping m = t.shapes.single(ex, "C1");
          model.put(c, new Entry(c, p, m, "v1"));
          touched.add(c);
        }
        break;
      }
      case 1:
        t.shapes.snapshot(t.zone.upsert(c, p), "U1");
        model.put(c, new Entry(c, p, null, "v1"));
        touched.add(c);
        break;
      case 2: case 7: {
        boolean v1 = s.op() == 2;
        List<Map<String, String>> body = new ArrayList<>();
        Map<String, Entry> state = new LinkedHashMap<>();
        for (int k : distinct(s.idx())) {
          String x = ips.get(k).toString();
          VendorRegion q = t.catalogue().pair(s.pair() + k);
          body.add(v1 ? V1Zone.item(x, q) : V2Zone.item(x, q));
          state.put(x, new Entry(x, q, null, v1 ? "v1" : "v2"));
        }
        Map<String, ObservedMapping> before = view(model);
        List<Expected> want = BatchModel.upsert(t.catalogue(), body, before);
        ObservedBatch r = v1 ? t.shapes.batch(t.zone.batchUpsert(body), "BU2")
            : t.v2shapes.batch(t.v2zone.batchPut(body), "VBU1");
        if (v1) {
          BatchModel.compare(t.reference, r, want, true, null);
        } else {
          V2Zones.as("VBU1", () -> BatchModel.compare(t.reference, r, want, true, null));
        }
        model.putAll(state);
        touched.addAll(state.keySet());
        break;
      }
      case 3: {
        Exchange ex = t.zone.delete(c);
        if (e == null) {
          t.shapes.error(ex, "G1", 404, t.reference ? new int[] {1142} : new int[] {1142, 1163});
        } else {
          ObservedMapping m = t.shapes.single(ex, "G2");
          sameEntry(e, m, "G2", ex, "v1 delete answers the removed mapping");
          model.remove(c);
          touched.add(c);
        }
        break;
      }
      case 4: case 8: {
        boolean v1 = s.op() == 4;
        List<String> texts = new ArrayList<>();
        distinct(s.idx()).forEach(k -> texts.add(ips.get(k).toString()));
        Map<String, ObservedMapping> before = view(model);
        List<Expected> want = BatchModel.delete(texts, before);
        ObservedBatch r = v1 ? t.shapes.batch(t.zone.batchDelete(texts), "BD5")
            : t.v2shapes.batch(t.v2zone.batchDelete(texts), "VBD1");
        if (v1) {
          BatchModel.compare(t.reference, r, want, false, null);
        } else {
          V2Zones.as("VBD1", () -> BatchModel.compare(t.reference, r, want, false, null));
        }
        for (ObservedBatch.Item ok : r.succeeded()) {
          model.remove(ok.ip());
          touched.add(ok.ip());
        }
        break;
      }
      case 5: {
        ObservedMapping m = t.v2shapes.single(t.v2zone.put(c, c, p), "VP1");
        model.put(c, new Entry(c, p, m, "v2"));
        touched.add(c);
        break;
      }
      case 6: {
        Exchange ex = t.v2zone.delete(c);
        if (e == null) {
          t.shapes.error(ex, "VG1", 404, t.reference ? new int[] {1142} : new int[] {1142, 1163});
        } else {
          t.v2shapes.deleted(ex);
          model.remove(c);
          touched.add(c);
        }
        break;
      }
      default: {
        boolean v1 = s.op() == 9;
        String text = AddressForms.render(ip, s.form());
        Exchange ex = v1 ? t.zone.get(text) : t.v2zone.get(text);
        if (e == null) {
          t.shapes.error(ex, v1 ? "G1" : "VG1", 404, 1142);
        } else {
          ObservedMapping m = v1 ? t.shapes.single(ex, "G1") : t.v2shapes.single(ex, "VG1");
          sameEntry(e, m, v1 ? "G1" : "VG1", ex, (v1 ? "v1" : "v2") + " get " + text + " answers the mapping");
        }
      }
    }
    return touched;
  }

  /** A mapping as read, against the model: another family's write that reads differently breaks VS1. */
  private static void sameEntry(Entry e, ObservedMapping got, String rule, Exchange ex, String what) {
    boolean value = got.vendor().equals(e.pair().vendor()) && got.region().equals(e.pair().region());
    boolean time = e.m() == null || e.m().modifiedAt().equals(got.modifiedAt());
    if (!value || !time) {
      throw new Violation("VS1", what + " as the model holds it, " + e.ip() + "=" + e.pair() + (e.m() == null ? "" : "@" + e.m().modifiedOn()) + " (last written through " + e.family() + "), got " + got, ex);
    }
  }

  /**
   * The zone read through {@code family} (v1 list, or every v2 page), against the model: the same mappings (VS1),
   * untouched ones with the same {@code modified_on} (VM1); v1's list time is never earlier than an entry's (VM1).
   */
  private static void compare(Target t, Map<String, Entry> model, Set<String> touched, Step s, String family) {
    Snapshot now = family.equals("v1") ? t.snapshot(t.zone, "L1") : V2Zones.snapshot(t, t.v2zone);
    Map<String, ObservedMapping> got = now.byIp();
    for (Entry e : model.values()) {
      ObservedMapping g = got.get(e.ip());
      // Written and read through one family, a difference is that family's own matter, checked elsewhere.
      String rule = e.family().equals(family) ? (family.equals("v1") ? "BU3" : "VBU1") : "VS1";
      if (g == null || !g.vendor().equals(e.pair().vendor()) || !g.region().equals(e.pair().region())) {
        throw new Violation(rule, "after " + s + " the model holds " + e.ip() + "=" + e.pair() + " (last written "
            + "through " + e.family() + "), the " + family + " list shows " + g, now.exchange());
      }
      if (e.m() != null && !touched.contains(e.ip()) && !e.m().modifiedAt().equals(g.modifiedAt())) {
        throw new Violation("VM1", "after " + s + ", which did not touch " + e.ip() + ", its modified_on moved from "
            + e.m().modifiedOn() + " to " + g.modifiedOn() + " (as the " + family + " list shows)", now.exchange());
      }
      if (e.m() != null && touched.contains(e.ip()) && !e.m().modifiedAt().equals(g.modifiedAt())
          && !e.family().equals(family)) {
        throw new Violation("VS1", "after " + s + ", " + e.ip() + " was answered with modified_on "
            + e.m().modifiedOn() + ", the " + family + " list shows " + g.modifiedOn(), now.exchange());
      }
    }
    expect(got.size() == model.size(), "VS1", now.exchange(), "after " + s + " the model holds " + model.keySet()
        + ", the " + family + " list " + got.keySet());
    if (family.equals("v1") && now.modifiedAt() != null) {
      for (ObservedMapping m : now.mappings()) {
        expect(!now.modifiedAt().isBefore(m.modifiedAt()), "VM1", now.exchange(), "v1's list modified_on "
            + now.modifiedOn() + " is the latest change made through either family, so never earlier than " + m);
      }
    }
    model.replaceAll((k, v) -> new Entry(k, v.pair(), got.get(k), v.family()));
  }

  private static Map<String, ObservedMapping> view(Map<String, Entry> model) {
    Map<String, ObservedMapping> m = new LinkedHashMap<>();
    model.forEach((k, v) -> m.put(k, new ObservedMapping(k, v.pair().vendor(), v.pair().region(), null, null)));
    return m;
  }

  private static List<Integer> distinct(List<Integer> idx) {
    return idx.stream().distinct().toList();
  }
}
