package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Envelope and transport (section 1): E1-E5. */
final class EnvelopeChecks {
  private EnvelopeChecks() {}

  static List<Check> all() {
    return List.of(
        Check.ref("unknown-path-and-wrong-method", "an unknown path answers 404/7000 and a known path with a wrong "
            + "method 405/7001 with an Allow header listing the path's methods, both as envelopes", List.of("E3", "E1"), EnvelopeChecks::routing).tries(5, 5).cost(12, 1),
        Check.ref("malformed-input-never-5xx", "garbage bodies, deep nesting, huge values, invalid UTF-8 and odd "
            + "content types on every operation never produce a 5xx, a dropped connection or a non-envelope",
            List.of("E4", "E1", "E2"), EnvelopeChecks::garbage).tries(1, 1).cost(6, 1),
        Check.ref("oversized-body-413", "a body over 1 MiB is refused with 413/1192 before it has been sent whole",
            List.of("E4"), EnvelopeChecks::oversized).cost(8, 0));
  }

  static void routing(Target t) {
    String zp = t.zone.path();
    String ip = t.spare(1);
    // A wrong method, and the methods the path has (the Allow header of the 405).
    List<String[]> wrong = List.of(new String[] {"PUT", zp, "GET,PATCH,POST"},
        new String[] {"PUT", zp + "/batch", "DELETE,PATCH"}, new String[] {"POST", zp + "/batch", "DELETE,PATCH"},
        new String[] {"POST", zp + "/supported_regions", "GET"}, new String[] {"PUT", zp + "/supported_regions", "GET"},
        new String[] {"PUT", zp + "/" + ip, "DELETE,GET"}, new String[] {"POST", zp + "/" + ip, "DELETE,GET"},
        new String[] {"PATCH", zp + "/" + ip, "DELETE,GET"}, new String[] {"DELETE", zp, "GET,PATCH,POST"});
    for (String[] w : wrong) {
      Exchange ex = t.api.send(w[0], w[1], w[0].equals("GET") ? null : "[]".getBytes(StandardCharsets.UTF_8),
          "application/json", HttpTarget.Auth.DEFAULT, Map.of());
      judgeWrongMethod(t, ex, w[2]);
    }
    Gen<String> unknown = Generate.pick(List.of("/zones/" + t.zone.id + "/cache/origin_cloud_region",
        zp + "/" + ip + "/extra", zp + "/batch/more", "/zones/" + t.zone.id + "/cache", "/zones/" + t.zone.id,
        "/nothing-here", zp + "s", zp + "/supported_regions/aws"))
        .zip(Generate.pick(List.of("GET", "POST", "PATCH", "DELETE", "PUT")), (p, m) -> m + " " + p);
    t.forAll(unknown, mp -> {
      String[] a = mp.split(" ", 2);
      Exchange ex = t.api.send(a[0], a[1], a[0].equals("GET") ? null : "[]".getBytes(StandardCharsets.UTF_8),
          "application/json", HttpTarget.Auth.DEFAULT, Map.of());
      t.shapes.error(ex, "E3", 404, 7000);
    });
  }

  /** A known path with a wrong method: 405/7001 with an Allow header listing exactly the path's methods (E3). */
  static void judgeWrongMethod(Target t, Exchange ex, String methods) {
    t.shapes.error(ex, "E3", 405, 7001);
    String allow = ex.header("allow");
    java.util.Set<String> got = new java.util.TreeSet<>();
    if (allow != null) {
      for (String m : allow.split(",")) {
        String x = m.trim().toUpperCase(java.util.Locale.ROOT);
        if (!x.isEmpty() && !x.equals("HEAD") && !x.equals("OPTIONS")) {
          got.add(x);
        }
      }
    }
    java.util.Set<String> want = new java.util.TreeSet<>(List.of(methods.split(",")));
    expect(got.equals(want), "E3", ex, "a 405 carries an Allow header listing the path's methods " + want
        + " (RFC 9110), got " + (allow == null ? "none" : "'" + allow + "'"));
  }

  /** The answer to garbage: no dropped connection, no 5xx (E4), an envelope (E1). */
  static void judgeGarbage(Exchange ex) {
    expect(ex.status() > 0, "E4", ex, "the connection dropped: " + ex.transportError());
    expect(ex.status() < 500, "E4", ex, "no input may produce a 5xx");
    String p = Shapes.envelopeProblem(ex);
    expect(p == null, "E1", ex, String.valueOf(p));
  }

  /** A request: method, path suffix under the zone, body bytes, content type. */
  record Garbage(String method, String suffix, String label, byte[] body, String contentType) {
    @Override
    public String toString() {
      String b = body == null ? "none" : body.length > 120 ? label + " (" + body.length + " bytes)"
          : label + " " + new String(body, StandardCharsets.UTF_8);
      return method + " ..." + suffix + " body " + b + " as " + contentType;
    }
  }

  static Gen<Garbage> garbage() {
    Gen<String[]> op = Generate.pick(List.of(new String[] {"POST", ""}, new String[] {"PATCH", ""},
        new String[] {"PATCH", "/batch"}, new String[] {"DELETE", "/batch"}, new String[] {"GET", ""},
        new String[] {"DELETE", "/192.0.2.1"}));
    Gen<Object[]> body = Generate.oneOf(
        integers().between(1, 50_000).map(n -> new Object[] {"nested arrays", ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8)}),
        integers().between(1, 50_000).map(n -> new Object[] {"nested objects", ("{\"a\":".repeat(n) + "1" + "}".repeat(n)).getBytes(StandardCharsets.UTF_8)}),
        integers().between(1, 400).map(n -> new Object[] {"huge number", ("[" + "9".repeat(n * 10) + "]").getBytes(StandardCharsets.UTF_8)}),
        integers().between(1, 900).map(n -> new Object[] {"long string", ("[\"" + "1".repeat(n * 1000) + "\"]").getBytes(StandardCharsets.UTF_8)}),
        integers().between(0, 255).map(b -> new Object[] {"invalid UTF-8", new byte[] {'{', '"', 'i', 'p', '"', ':', '"', (byte) 0xff, (byte) b.intValue(), '"', '}'}}),
        Generate.pick(List.of("\u0000", "[\"\\u0000\"]", "{\"ip\":\"\\ud800\"}", "[1e99999]", "{\"ip\":\"192.0.2.1\",\"ip\":\"192.0.2.2\",\"vendor\":\"aws\",\"region\":\"x\"}",
            "[\"192.0.2.1\"] trailing", "\ufeff[]", "{\"ip\":[],\"vendor\":{},\"region\":null}", "-", "[,]", "{\"a\":}"))
            .map(s -> new Object[] {"odd JSON", s.getBytes(StandardCharsets.UTF_8)}),
        integers().between(1, 2000).map(n -> {
          byte[] b = new byte[n];
          new java.util.Random(n).nextBytes(b);
          return new Object[] {"random bytes", b};
        }));
    Gen<String> ct = Generate.pick(List.of("application/json", "text/plain", "application/x-www-form-urlencoded",
        "application/json; charset=latin1", "multipart/form-data; boundary=x", ""));
    return op.zip(body, ct, (o, b, c) -> new Garbage(o[0], o[1], (String) b[0], (byte[]) b[1], c.isEmpty() ? null : c));
  }

  static void garbage(Target t) {
    Snapshot base = t.reset(t.zone);
    String one = t.spare(1);
    String two = t.spare(2);
    t.forAll(garbage(), g -> {
      byte[] body = g.body() == null ? null : new String(g.body(), StandardCharsets.ISO_8859_1)
          .replace("192.0.2.1", one).replace("192.0.2.2", two).getBytes(StandardCharsets.ISO_8859_1);
      Exchange ex = t.api.send(g.method(), t.zone.path() + g.suffix().replace("192.0.2.1", one), body, g.contentType(),
          HttpTarget.Auth.DEFAULT, Map.of());
      judgeGarbage(ex);
    });
    Snapshot after = t.reset(t.zone);
    expect(after.byIp().keySet().equals(base.byIp().keySet()), "E5", after.exchange(),
        "garbage requests changed the zone: " + base.byIp().keySet() + " became " + after.byIp().keySet());
  }

  static void oversized(Target t) {
    List<Map.Entry<String, String>> auth = t.api.credentials().headers();
    String ip = t.spare(1);
    byte[] prefix = ("[\"" + ip + "\"" + (",\"" + ip + "\"").repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    List<Exchange> seen = new ArrayList<>();
    for (String[] op : List.of(new String[] {"DELETE", "/batch"}, new String[] {"PATCH", "/batch"},
        new String[] {"POST", ""})) {
      String url = t.api.baseUrl() + t.zone.path() + op[1];
      Exchange announced = t.api.partial(url, op[0], auth, java.util.Arrays.copyOf(prefix, 128 * 1024),
          2L * 1024 * 1024, 10_000);
      seen.add(announced);
      t.shapes.error(announced, "E4", 413, 1192);
      byte[] chunked = new byte[1024 * 1024 + 256 * 1024];
      java.util.Arrays.fill(chunked, (byte) ' ');
      System.arraycopy(prefix, 0, chunked, 0, prefix.length);
      Exchange streamed = t.api.partial(url, op[0], auth, chunked, -1, 10_000);
      t.shapes.error(streamed, "E4", 413, 1192);
    }
  }
}
