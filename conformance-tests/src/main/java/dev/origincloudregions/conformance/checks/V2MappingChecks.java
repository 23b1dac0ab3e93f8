package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.AddressForms;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.RegionCatalogue;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V2Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The v2 single-mapping operations: put (VP1) creates and replaces with path/body agreement by canonical form and
 * its refusals in VP1's order; get and delete (VG1) with the {@code {origin_ip}} answer; the key {@code origin_ip}
 * (VK1); the IP rules of section 3 through v2 paths; v2's supported_regions (S1).
 */
final class V2MappingChecks {
  private V2MappingChecks() {}

  static List<Check> all() {
    return List.of(
        Check.v2("v2-put-get-delete", "a v2 put in one text form creates, replaces (modified_on moves) and is read "
            + "back in another; delete answers {origin_ip}, canonical; the mapping is then missing (404/1142)",
            List.of("VP1", "VG1", "VK1", "M1", "IP2", "IP3"), V2MappingChecks::putGetDelete).tries(5, 3).cost(4, 14),
        Check.v2("v2-put-refusals", "a v2 put with an invalid path or body IP, a malformed body, a body that names "
            + "another address or an unlisted pair is refused with the code of the first check in VP1's order, "
            + "and changes nothing", List.of("VP1", "VK1", "IP1"), V2MappingChecks::refusals)
            .tries(5, 3).cost(4, 24),
        Check.v2("v2-get-delete-missing-or-invalid", "v2 get and delete of an absent mapping answer 404/1142, of an "
            + "invalid path IP 400/1146, and change nothing", List.of("VG1", "IP1", "E5"),
            V2MappingChecks::missingOrInvalid).tries(5, 3).cost(4, 8),
        Check.v2("v2-supported-regions-usable", "v2 supported_regions is well formed, lists what v1's lists when "
            + "both families are checked, and every pair it lists can be used through v2 batch put",
            List.of("S1", "M1"), V2MappingChecks::supported).cost(8, 0));
  }

  /**
   * S1 through v2: the catalogue is read from v2's own path (the rest of the suite reads v1's when it checks v1),
   * compared with v1's when both families are checked ("as in v1"), and each listed pair, up to 100, is put once.
   */
  static void supported(Target t) {
    Exchange ex = t.v2zone.supportedRegions();
    RegionCatalogue c = RegionCatalogue.read(t.shapes, ex);
    for (VendorRegion p : c.pairs) {
      expect(Shapes.VENDORS.contains(p.vendor()), "M1", ex, "v2 supported_regions lists vendor " + p.vendor()
          + ", which is not one of " + Shapes.VENDORS);
    }
    if (t.options.v1()) {
      Set<VendorRegion> v1 = new LinkedHashSet<>(t.catalogue().pairs);
      Set<VendorRegion> v2 = new LinkedHashSet<>(c.pairs);
      Set<VendorRegion> onlyV1 = new LinkedHashSet<>(v1);
      onlyV1.removeAll(v2);
      Set<VendorRegion> onlyV2 = new LinkedHashSet<>(v2);
      onlyV2.removeAll(v1);
      expect(onlyV1.isEmpty() && onlyV2.isEmpty(), "S1", ex, "v2 supported_regions must list what v1's lists; "
          + "only in v1: " + onlyV1 + ", only in v2: " + onlyV2);
    }
    List<Map<String, String>> items = OperationChecks.everyPair(t, V2Zones.reset(t, t.v2zone), c, 0x52, V2Zone::item);
    ObservedBatch r = t.v2shapes.batch(t.v2zone.batchPut(items), "S1");
    expect(r.failed().isEmpty(), "S1", r.exchange(), "every pair v2 supported_regions lists must be accepted by "
        + "a v2 batch put, failed: " + r.failed());
    V2Zones.reset(t, t.v2zone);
  }

  static void putGetDelete(Target t) {
    Gen<List<Long>> forms = lists().of(Gens.form()).ofSize(5);
    t.forAll(Gens.address(t).zip(forms, Gens.index(), (ip, f, k) -> new Object[] {ip, f, k})
        .describedAs(a -> a[0] + " in the forms " + a[1] + ", pair #" + a[2]), a -> {
          @SuppressWarnings("unchecked")
          List<Long> f = (List<Long>) a[1];
          int k = (Integer) a[2];
          Snapshot base = V2Zones.reset(t, t.v2zone);
          Address ip = t.usable(List.of((Address) a[0]), base).get(0);
          VendorRegion p = t.catalogue().pair(k);
          VendorRegion q = t.catalogue().pair(k + 1);
          String path = AddressForms.render(ip, f.get(0));
          // Agreement by canonical form is [ref]; the documented profile sends the same text in path and body.
          String body = t.reference ? AddressForms.render(ip, f.get(1)) : path;
          String agree = body.equals(path) ? "VP1" : "VP1 [ref]";
          Exchange created = t.v2zone.put(path, body, p);
          expect(created.status() == 200, agree, created, "a put whose body names the path's address ("
              + path + " and " + body + ") creates the mapping and answers 200");
          ObservedMapping m = t.v2shapes.single(created, "VP1");
          expect(m.vendor().equals(p.vendor()) && m.region().equals(p.region()), "VP1", created,
              "put " + p + " answered " + m);
          ObservedMapping got = t.v2shapes.single(t.v2zone.get(AddressForms.render(ip, f.get(2))), "VG1");
          expect(got.sameAs(m), "VG1", got == null ? null : created, "get answers the entry put: " + m + ", got "
              + got);
          // Replace with the same pair: still a change (modified_on moves, [ref]); then with another pair.
          Exchange same = t.v2zone.put(ip.toString(), ip.toString(), p);
          ObservedMapping m2 = t.v2shapes.single(same, "VP1");
          if (t.reference) {
            expect(m2.modifiedAt().isAfter(m.modifiedAt()), "VP1 [ref]", same, "every accepted put is a change: "
                + "modified_on must move past " + m.modifiedOn() + " even with the same vendor and region, got "
                + m2.modifiedOn());
          }
          Exchange replaced = t.v2zone.put(AddressForms.render(ip, f.get(3)), ip.toString(), q);
          expect(replaced.status() == 200, "VP1", replaced, "put replaces an existing mapping and answers 200");
          ObservedMapping m3 = t.v2shapes.single(replaced, "VP1");
          expect(m3.vendor().equals(q.vendor()) && m3.region().equals(q.region()), "VP1", replaced,
              "put " + q + " over " + m2 + " answered " + m3);
          Snapshot listed = V2Zones.snapshot(t, t.v2zone);
          expect(listed.mappings().stream().filter(x -> x.ip().equals(ip.toString())).count() == 1
              && m3.sameAs(listed.byIp().get(ip.toString())), "IP3", listed.exchange(), "the texts " + path + ", "
              + body + " and " + ip + " name one mapping, " + m3 + "; the v2 list shows " + listed.mappings());
          Exchange deleted = t.v2zone.delete(AddressForms.render(ip, f.get(4)));
          expect(deleted.status() == 200, "VG1", deleted, "delete of a mapped address answers 200");
          t.v2shapes.deleted(deleted);
          t.shapes.error(t.v2zone.get(ip.toString()), "VG1", 404, 1142);
          t.shapes.error(t.v2zone.delete(ip.toString()), "VG1", 404, 1142);
        });
    V2Zones.reset(t, t.v2zone);
  }

  /** What a refused put is wrong in, in VP1's order of checks: path IP, body shape, body IP, agreement, pair. */
  enum Fault {
    PATH_IP, BODY_SHAPE, HYPHEN_KEY, BODY_IP, MISMATCH, UNLISTED;

    /** Only MISMATCH and UNLISTED are [doc]; the rest, and every order among faults, is [ref]. */
    boolean documented() {
      return this == MISMATCH || this == UNLISTED;
    }
  }

  /**
   * One example of refused puts: every fault alone, then ([ref]) the faults {@code combo} together, on an address
   * that exists or not, with the generated invalid text, malformed body shape and pair.
   */
  record Refusal(List<Fault> combo, Address ip, boolean existing, int pair, AddressForms.NearMiss miss, int shape) {
    @Override
    public String toString() {
      return "each fault alone, then " + combo + ", on " + (existing ? "existing " : "new ") + ip + ", invalid text "
          + miss + ", body shape #" + shape + ", pair #" + pair;
    }
  }

  static final List<String> SHAPES = List.of("[@ITEM@]", "\"@IP@\"", "42", "null", "{}",
      "{\"origin_ip\":\"@IP@\",\"region\":\"@R@\"}", "{\"origin_ip\":\"@IP@\",\"vendor\":\"@V@\"}",
      "{\"origin_ip\":7,\"vendor\":\"@V@\",\"region\":\"@R@\"}", "{\"origin_ip\":\"@IP@\",\"vendor\":[],\"region\":\"@R@\"}",
      "", "{\"origin_ip\":\"@IP@\",\"vendor\":\"@V@\",\"region\":\"@R@\"");

  static Gen<Refusal> refusal(Target t) {
    Gen<List<Fault>> combo = lists().of(Generate.enumValues(Fault.class)).ofSizeBetween(2, 3)
        .map(l -> l.stream().distinct().toList());
    return combo.zip(Gens.address(t), Generate.booleans(), Gens.index(), (fs, ip, e, k) -> new Object[] {fs, ip, e, k})
        .zip(Gens.nearMiss(t.reference), Generate.range(0, SHAPES.size() - 1), (a, m, s) -> {
          @SuppressWarnings("unchecked")
          List<Fault> fs = (List<Fault>) a[0];
          return new Refusal(fs, (Address) a[1], (Boolean) a[2], (Integer) a[3], m, s);
        });
  }

  static void refusals(Target t) {
    t.forAll(refusal(t), r -> {
      Snapshot base = V2Zones.reset(t, t.v2zone);
      List<Address> two = t.usable(List.of(r.ip(), r.ip()), base);
      if (r.existing()) {
        V2Zones.seed(t, t.v2zone, Map.of(two.get(0), t.catalogue().pair(r.pair() + 1)));
      }
      Snapshot before = V2Zones.snapshot(t, t.v2zone);
      for (Fault f : Fault.values()) {
        if (t.reference || f.documented()) {
          refuse(t, r, List.of(f), two, before);
        }
      }
      if (t.reference && r.combo().size() > 1) {
        refuse(t, r, r.combo(), two, before);
      }
    });
    V2Zones.reset(t, t.v2zone);
  }

  /** Sends one put with {@code faults} and checks the refusal: the first fault in VP1's order decides the code. */
  private static void refuse(Target t, Refusal r, List<Fault> faults, List<Address> two, Snapshot before) {
    Address ip = two.get(0);
    // A lone invalid text may be a [ref] matter (IP1's strict grammar); with other faults it is clearly invalid,
    // so that only the order of the checks is in question.
    boolean single = faults.size() == 1;
    AddressForms.NearMiss miss = single || r.miss().clearlyInvalid ? r.miss() : AddressForms.NearMiss.HOSTNAME;
    String invalid = AddressForms.nearMiss(ip, miss);
    if (Address.isValid(invalid) || invalid.isEmpty()) {
      invalid = "not-an-ip"; // an empty path segment is another route
      miss = AddressForms.NearMiss.HOSTNAME;
    }
    String path = faults.contains(Fault.PATH_IP) ? invalid : ip.toString();
    String bodyIp = faults.contains(Fault.BODY_IP) ? invalid
        : faults.contains(Fault.MISMATCH) ? two.get(1).toString() : ip.toString();
    VendorRegion pair = faults.contains(Fault.UNLISTED) ? t.catalogue().unlisted(r.pair(), r.pair())
        : t.catalogue().pair(r.pair());
    String json = "{\"origin_ip\":\"@IP@\",\"vendor\":\"@V@\",\"region\":\"@R@\"}";
    if (faults.contains(Fault.BODY_SHAPE)) {
      json = SHAPES.get(r.shape()).replace("@ITEM@", json);
    } else if (faults.contains(Fault.HYPHEN_KEY)) {
      json = json.replace("origin_ip", "origin-ip");
    }
    json = json.replace("\"@IP@\"", quoted(bodyIp)).replace("@V@", pair.vendor()).replace("@R@", pair.region());
    Exchange ex = t.api.send("PUT", t.v2zone.path() + "/" + HttpTarget.segment(path),
        json.getBytes(StandardCharsets.UTF_8), "application/json", HttpTarget.Auth.DEFAULT, Map.of());
    Fault first = faults.stream().min(Enum::compareTo).orElseThrow();
    int code = switch (first) {
      case PATH_IP, BODY_IP, MISMATCH -> 1146;
      case BODY_SHAPE, HYPHEN_KEY -> 1190;
      case UNLISTED -> 1157;
    };
    if (!t.reference) {
      t.shapes.error(ex, "VP1", 400, first == Fault.UNLISTED ? new int[] {1157, 1156} : new int[] {1146});
      return;
    }
    String rule = !single ? "VP1 [ref]" : switch (first) {
      case PATH_IP, BODY_IP -> miss.clearlyInvalid ? "IP1" : "IP1 [ref]";
      case BODY_SHAPE -> "VP1 [ref]";
      case HYPHEN_KEY -> "VK1 [ref]";
      case MISMATCH, UNLISTED -> "VP1";
    };
    try {
      t.shapes.error(ex, rule, 400, code);
      if (first == Fault.MISMATCH) {
        expect(ex.errorMessage().toLowerCase(Locale.ROOT).contains("match"), "VP1", ex, "the mismatch is refused "
            + "with Cloudflare's message \"body origin_ip does not match URL\", got \"" + ex.errorMessage() + "\"");
      }
      BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), rule, "a refused put changed the zone");
    } catch (dev.origincloudregions.conformance.model.Violation v) {
      throw new dev.origincloudregions.conformance.model.Violation(v.breaches(), "a put with " + faults + ": "
          + v.detail(), v.exchange());
    }
  }

  /** {@code text} as a JSON string: a near miss may hold a newline or a non-ASCII digit. */
  private static String quoted(String text) {
    try {
      return HttpTarget.JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void missingOrInvalid(Target t) {
    t.forAll(Gens.address(t).zip(Gens.form(), Gens.nearMiss(t.reference), Generate.booleans(),
        (ip, f, m, get) -> new Object[] {ip, f, m, get}).describedAs(a -> (((Boolean) a[3]) ? "get " : "delete ")
        + a[0] + " absent, then as " + a[2]), a -> {
          Snapshot base = V2Zones.reset(t, t.v2zone);
          List<Address> ips = t.usable(List.of((Address) a[0], (Address) a[0]), base);
          V2Zones.seed(t, t.v2zone, Map.of(ips.get(1), t.catalogue().pair(0)));
          Snapshot before = V2Zones.snapshot(t, t.v2zone);
          boolean get = (Boolean) a[3];
          String absent = AddressForms.render(ips.get(0), (Long) a[1]);
          Exchange ex = get ? t.v2zone.get(absent) : t.v2zone.delete(absent);
          t.shapes.error(ex, "VG1", 404, t.reference || get ? new int[] {1142} : new int[] {1142, 1163});
          if (t.reference) {
            String invalid = AddressForms.nearMiss(ips.get(1), (AddressForms.NearMiss) a[2]);
            if (!Address.isValid(invalid) && !invalid.isEmpty()) { // an empty path segment is another route
              Exchange bad = get ? t.v2zone.get(invalid) : t.v2zone.delete(invalid);
              t.shapes.error(bad, "VG1 [ref]", 400, 1146);
            }
            BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), "VG1 [ref]",
                "a refused v2 get or delete changed the zone");
          }
        });
    V2Zones.reset(t, t.v2zone);
  }
}
