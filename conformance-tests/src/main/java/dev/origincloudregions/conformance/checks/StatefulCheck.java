package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.model.BatchModel.Expected;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The model-based test: random sequences of create, upsert, batch upsert, get, delete, batch delete and list over a
 * small pool of addresses (so operations collide), compared step by step with an in-memory model of the contract.
 */
final class StatefulCheck {
  private StatefulCheck() {}

  static List<Check> all() {
    return List.of(Check.of("stateful-model", "random sequences of all seven operations agree with an in-memory "
        + "model after every step", List.of("C1", "U1", "G1", "G2", "L1", "M1", "BD5", "BU2", "BU3", "IP3"),
        StatefulCheck::run).tries(3, 5).cost(6, 56));
  }

  static final String[] OPS = {"create", "upsert", "batch-upsert", "get", "delete", "batch-delete", "list"};

  /** One step: an operation over pool indexes, with text forms and pair indexes. */
  record Step(int op, List<Integer> idx, List<Long> forms, int pair) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(OPS[op]);
      if (op != 6) {
        sb.append(' ');
        for (int i = 0; i < (op == 2 || op == 5 ? idx.size() : 1); i++) {
          sb.append(i == 0 ? "" : ",").append('#').append(idx.get(i));
          if (forms.get(i) != 0) {
            sb.append("~").append(Long.toHexString(forms.get(i)));
          }
        }
        if (op <= 2) {
          sb.append(" pair#").append(pair);
        }
      }
      return sb.toString();
    }
  }

  static Gen<Step> step() {
    return Generate.range(0, 6).zip(lists().of(integers().between(0, 5)).ofSizeBetween(1, 6),
        lists().of(Gens.form()).ofSize(6), Gens.index(), Step::new);
  }

  static void run(Target t) {
    Gen<List<Address>> pool = lists().of(Gens.address(t)).ofSize(6);
    t.forAll(pool.zip(lists().of(step()).ofSizeBetween(1, 25),
        (p, s) -> new Object[] {p, s}).describedAs(a -> "pool " + a[0] + ", steps " + a[1]), a -> {
          @SuppressWarnings("unchecked")
          List<Address> gen = (List<Address>) a[0];
          @SuppressWarnings("unchecked")
          List<Step> steps = (List<Step>) a[1];
          Snapshot base = t.reset(t.zone);
          List<Address> ips = t.usable(gen, base);
          Map<String, ObservedMapping> model = new LinkedHashMap<>(base.byIp());
          for (Step s : steps) {
            apply(t, s, ips, model);
            Snapshot now = t.snapshot(t.zone, "L1");
            for (ObservedMapping want : model.values()) {
              ObservedMapping got = now.byIp().get(want.ip());
              boolean ok = got != null && got.vendor().equals(want.vendor()) && got.region().equals(want.region());
              expect(ok, "BU3", now.exchange(), "after " + s + " the model holds " + want.ip() + "=" + want.vendor()
                  + "/" + want.region() + ", the list shows " + got);
            }
            expect(now.mappings().size() == model.size(), "G2", now.exchange(), "after " + s + " the model holds "
                + model.keySet() + ", the list " + now.byIp().keySet());
            expect(now.mappings().isEmpty() == (now.modifiedOn() == null), "L1", now.exchange(), "modified_on must be "
                + "null exactly when the zone is empty, got " + now.modifiedOn() + " with " + now.mappings().size()
                + " mappings");
            model.replaceAll((k, v) -> now.byIp().get(k));
          }
        });
    t.reset(t.zone);
  }

  private static void apply(Target t, Step s, List<Address> ips, Map<String, ObservedMapping> model) {
    Address ip = ips.get(s.idx().get(0));
    String text = AddressForms.render(ip, s.forms().get(0));
    VendorRegion p = t.catalogue().pair(s.pair());
    String c = ip.toString();
    switch (s.op()) {
      case 0: {
        Exchange ex = t.zone.create(text, p);
        if (model.containsKey(c)) {
          t.shapes.error(ex, "C1", 400, 1145);
        } else {
          ObservedMapping m = t.shapes.single(ex, "C1");
          expect(m.ip().equals(c) && m.vendor().equals(p.vendor()) && m.region().equals(p.region()), "C1", ex,
              "create " + text + " " + p + " returned " + m);
          model.put(c, m);
        }
        break;
      }
      case 1: {
        Snapshot r = t.shapes.snapshot(t.zone.upsert(text, p), "U1");
        model.put(c, new ObservedMapping(c, p.vendor(), p.region(), null, null));
        expect(r.byIp().keySet().equals(model.keySet()), "U1", r.exchange(), "upsert must return the whole list "
            + model.keySet() + ", returned " + r.byIp().keySet());
        break;
      }
      case 2: {
        List<Map<String, String>> body = new ArrayList<>();
        for (int i = 0; i < s.idx().size(); i++) {
          String x = ips.get(s.idx().get(i)).toString();
          if (!t.reference && body.stream().anyMatch(b -> Address.canonical(b.get("ip")).orElse("").equals(x))) {
            continue;
          }
          body.add(V1Zone.item(AddressForms.render(ips.get(s.idx().get(i)), s.forms().get(i)), t.catalogue().pair(s.pair() + i)));
        }
        List<Expected> want = BatchModel.upsert(t.catalogue(), body, model);
        ObservedBatch r = t.shapes.batch(t.zone.batchUpsert(body), "BU2");
        BatchModel.compare(t.reference, r, want, true, null);
        break;
      }
      case 3: {
        Exchange ex = t.zone.get(text);
        if (model.containsKey(c)) {
          ObservedMapping m = t.shapes.single(ex, "G1");
          expect(m.ip().equals(c) && m.vendor().equals(model.get(c).vendor()), "G1", ex, "get " + text
              + " must return " + model.get(c) + ", got " + m);
        } else {
          t.shapes.error(ex, "G1", 404, 1142);
        }
        break;
      }
      case 4: {
        Exchange ex = t.zone.delete(text);
        if (model.containsKey(c)) {
          ObservedMapping m = t.shapes.single(ex, "G2");
          expect(m.sameAs(model.get(c)), "G2", ex, "delete must return the removed " + model.get(c) + ", got " + m);
          model.remove(c);
        } else {
          t.shapes.error(ex, "G1", 404, t.reference ? new int[] {1142} : new int[] {1142, 1163});
        }
        break;
      }
      case 5: {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < s.idx().size(); i++) {
          String x = AddressForms.render(ips.get(s.idx().get(i)), s.forms().get(i));
          if (!t.reference && texts.stream().anyMatch(y -> Address.canonical(y).equals(Address.canonical(x)))) {
            continue;
          }
          texts.add(x);
        }
        List<Expected> want = BatchModel.delete(texts, model);
        ObservedBatch r = t.shapes.batch(t.zone.batchDelete(texts), "BD5");
        BatchModel.compare(t.reference, r, want, false, null);
        break;
      }
      default:
        t.snapshot(t.zone, "L1");
    }
  }
}
