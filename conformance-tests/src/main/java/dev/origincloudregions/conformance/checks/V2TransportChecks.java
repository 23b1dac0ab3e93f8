package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V2Zone;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Sections 1 and 2 on the v2 operations: envelopes and routing (E1-E5), authentication (A2, A3) and zone
 * identifiers (Z1) hold for {@code /origin/cloud_regions} as for v1's paths.
 */
final class V2TransportChecks {
  private V2TransportChecks() {}

  static List<Check> all() {
    return List.of(
        Check.v2ref("v2-unknown-path-and-wrong-method", "on the v2 paths a wrong method answers 405/7001 with an "
            + "Allow header listing the path's methods, an unknown path 404/7000", List.of("E3", "E1"),
            V2TransportChecks::routing).cost(16, 0),
        Check.v2ref("v2-malformed-input-never-5xx", "garbage bodies, deep nesting, huge values and odd content types "
            + "on every v2 operation never produce a 5xx, a dropped connection or a non-envelope",
            List.of("E4", "E1", "E2"), V2TransportChecks::garbage).tries(1, 1).cost(6, 1),
        Check.v2ref("v2-oversized-body-413", "a v2 body over 1 MiB is refused with 413/1192 before it has been sent "
            + "whole", List.of("E4"), V2TransportChecks::oversized).cost(8, 0),
        Check.v2("v2-credentials-accepted", "the configured credentials work on the v2 paths, as a Bearer token and "
            + "([ref]) as X-Auth-Key with any X-Auth-Email", List.of("A1"), V2TransportChecks::accepted).cost(3, 0),
        Check.v2("v2-missing-or-wrong-credentials", "missing credentials answer 401 and wrong ones 403, code 10000, "
            + "on every v2 operation, and change nothing", List.of("A2", "A3", "E5"), V2TransportChecks::refused)
            .tries(4, 7).cost(6, 16),
        Check.v2("v2-zone-id-validation", "a zone_id that is not 32 lowercase hex digits answers 400/7003 on every "
            + "v2 operation and changes nothing", List.of("Z1", "E5"), V2TransportChecks::zoneIds).tries(2, 10)
            .cost(6, 8));
  }

  /** The seven v2 operations, as (method, path suffix, body with @IP@, @V@ and @R@). */
  static final List<String[]> OPERATIONS = List.of(new String[] {"GET", "", null},
      new String[] {"GET", "/@IP@", null},
      new String[] {"PUT", "/@IP@", "{\"origin_ip\":\"@IP@\",\"vendor\":\"@V@\",\"region\":\"@R@\"}"},
      new String[] {"DELETE", "/@IP@", null},
      new String[] {"PUT", "/batch", "[{\"origin_ip\":\"@IP@\",\"vendor\":\"@V@\",\"region\":\"@R@\"}]"},
      new String[] {"DELETE", "/batch", "[\"@IP@\"]"},
      new String[] {"GET", "/supported_regions", null});

  /** Sends operation {@code op} on zone path {@code zonePath} for {@code ip}, the body's pair the catalogue's second. */
  static Exchange send(Target t, int op, String zonePath, Address ip, HttpTarget.Auth auth) {
    String[] o = OPERATIONS.get(op);
    String body = o[2] == null ? null : o[2].replace("@IP@", ip.toString())
        .replace("@V@", t.catalogue().pair(1).vendor()).replace("@R@", t.catalogue().pair(1).region());
    return t.api.send(o[0], zonePath + o[1].replace("@IP@", HttpTarget.segment(ip.toString())),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), body == null ? null : "application/json",
        auth, Map.of());
  }

  static String describe(int op) {
    return OPERATIONS.get(op)[0] + " ..." + OPERATIONS.get(op)[1].replace("@IP@", "{origin_ip}");
  }

  static void routing(Target t) {
    String zp = t.v2zone.path();
    String ip = t.spare(1);
    List<String[]> wrong = List.of(new String[] {"PUT", zp, "GET"}, new String[] {"DELETE", zp, "GET"},
        new String[] {"POST", zp, "GET"}, new String[] {"PATCH", zp + "/batch", "DELETE,PUT"},
        new String[] {"POST", zp + "/batch", "DELETE,PUT"}, new String[] {"PUT", zp + "/supported_regions", "GET"},
        new String[] {"PATCH", zp + "/" + ip, "DELETE,GET,PUT"}, new String[] {"POST", zp + "/" + ip, "DELETE,GET,PUT"});
    for (String[] w : wrong) {
      Exchange ex = t.api.send(w[0], w[1], "[]".getBytes(StandardCharsets.UTF_8), "application/json",
          HttpTarget.Auth.DEFAULT, Map.of());
      EnvelopeChecks.judgeWrongMethod(t, ex, w[2]);
    }
    for (String p : List.of(zp + "/" + ip + "/extra", zp + "/batch/more", "/zones/" + t.zone.id + "/origin",
        "/zones/" + t.zone.id + "/origin/cloud_region", zp + "/supported_regions/aws")) {
      t.shapes.error(t.api.send("GET", p, null, null, HttpTarget.Auth.DEFAULT, Map.of()), "E3", 404, 7000);
    }
  }

  static void garbage(Target t) {
    Snapshot base = V2Zones.reset(t, t.v2zone);
    String one = t.spare(1);
    String two = t.spare(2);
    Gen<String[]> ops = Generate.pick(List.of(new String[] {"PUT", "/192.0.2.1"}, new String[] {"PUT", "/batch"},
        new String[] {"DELETE", "/batch"}, new String[] {"GET", ""}, new String[] {"DELETE", "/192.0.2.1"}));
    t.forAll(ops.zip(EnvelopeChecks.garbage(), (o, g) -> new EnvelopeChecks.Garbage(o[0], o[1], g.label(),
        g.body(), g.contentType())), g -> {
          byte[] body = g.body() == null ? null : new String(g.body(), StandardCharsets.ISO_8859_1)
              .replace("\"ip\"", "\"origin_ip\"").replace("192.0.2.1", one).replace("192.0.2.2", two)
              .getBytes(StandardCharsets.ISO_8859_1);
          Exchange ex = t.api.send(g.method(), t.v2zone.path() + g.suffix().replace("192.0.2.1", one), body,
              g.contentType(), HttpTarget.Auth.DEFAULT, Map.of());
          EnvelopeChecks.judgeGarbage(ex);
        });
    Snapshot after = V2Zones.reset(t, t.v2zone);
    expect(after.byIp().keySet().equals(base.byIp().keySet()), "E5", after.exchange(),
        "garbage requests changed the zone: " + base.byIp().keySet() + " became " + after.byIp().keySet());
  }

  static void oversized(Target t) {
    List<Map.Entry<String, String>> auth = t.api.credentials().headers();
    String ip = t.spare(1);
    byte[] prefix = ("[\"" + ip + "\"" + (",\"" + ip + "\"").repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    for (String[] op : List.of(new String[] {"DELETE", "/batch"}, new String[] {"PUT", "/batch"},
        new String[] {"PUT", "/" + ip})) {
      String url = t.api.baseUrl() + t.v2zone.path() + op[1];
      Exchange announced = t.api.partial(url, op[0], auth, java.util.Arrays.copyOf(prefix, 128 * 1024),
          2L * 1024 * 1024, 10_000);
      t.shapes.error(announced, "E4", 413, 1192);
      byte[] chunked = new byte[1024 * 1024 + 256 * 1024];
      java.util.Arrays.fill(chunked, (byte) ' ');
      System.arraycopy(prefix, 0, chunked, 0, prefix.length);
      t.shapes.error(t.api.partial(url, op[0], auth, chunked, -1, 10_000), "E4", 413, 1192);
    }
  }

  static void accepted(Target t) {
    t.v2shapes.page(t.v2zone.list());
    if (t.reference) {
      t.v2shapes.page(t.api.send("GET", t.v2zone.path(), null, null, AuthChecks.alternative(t.api.credentials()),
          Map.of()));
    }
  }

  static void refused(Target t) {
    t.forAll(Generate.range(0, OPERATIONS.size() - 1).zip(Gens.address(t), (o, ip) -> new Object[] {o, ip})
        .describedAs(a -> "every wrong credential on " + describe((Integer) a[0]) + " for " + a[1]), a -> {
          Snapshot base = V2Zones.reset(t, t.v2zone);
          Address ip = t.usable(List.of((Address) a[1]), base).get(0);
          V2Zones.seed(t, t.v2zone, Map.of(ip, t.catalogue().pair(0)));
          Snapshot before = V2Zones.snapshot(t, t.v2zone);
          for (AuthChecks.Variant v : AuthChecks.VARIANTS) {
            AuthChecks.judgeRefused(t, v, send(t, (Integer) a[0], t.v2zone.path(), ip,
                AuthChecks.auth(v, t.api.credentials())));
          }
          if (t.reference) {
            BatchDeleteChecks.unchanged(before, V2Zones.snapshot(t, t.v2zone), "E5",
                "a v2 request with wrong or missing credentials changed the zone");
          }
        });
    V2Zones.reset(t, t.v2zone);
  }

  static void zoneIds(Target t) {
    List<String> zones = ZoneChecks.invalidZones(t.zone.id);
    t.forAll(Generate.range(0, zones.size() - 1).zip(Generate.range(0, OPERATIONS.size() - 1), Gens.address(t),
        (z, o, ip) -> new Object[] {z, o, ip}).describedAs(a -> "zone '" + zones.get((Integer) a[0]) + "', "
        + describe((Integer) a[1]) + " for " + a[2]), a -> {
          String zone = zones.get((Integer) a[0]);
          if (!t.reference && zone.length() <= 32) {
            return; // the documented profile knows only the 32-character limit
          }
          Snapshot base = V2Zones.reset(t, t.v2zone);
          Address ip = t.usable(List.of((Address) a[2]), base).get(0);
          V2Zones.seed(t, t.v2zone, Map.of(ip, t.catalogue().pair(0)));
          Snapshot before = V2Zones.snapshot(t, t.v2zone);
          Exchange ex = send(t, (Integer) a[1], V2Zone.pathOf(zone), ip, HttpTarget.Auth.DEFAULT);
          if (t.reference) {
            t.shapes.error(ex, "Z1", 400, 7003);
            BatchDeleteChecks.unchanged(ex, before, V2Zones.snapshot(t, t.v2zone), "E5", "a v2 request to zone '"
                + zone + "' changed zone " + t.zone.id);
          } else {
            expect(ex.status() >= 400 && ex.status() < 500, "Z1", ex, "a zone_id over 32 characters must be refused");
          }
        });
    V2Zones.reset(t, t.v2zone);
  }
}
