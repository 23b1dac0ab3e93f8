package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Authentication (section 2): A1-A3. */
final class AuthChecks {
  private AuthChecks() {}

  static List<Check> all() {
    return List.of(
        Check.of("credentials-accepted", "the configured credentials work, as a Bearer token and ([ref]) as "
            + "X-Auth-Key with any X-Auth-Email", List.of("A1"), AuthChecks::accepted).cost(3, 0),
        Check.of("missing-or-wrong-credentials", "missing credentials answer 401 and wrong ones 403, code 10000, on "
            + "every operation, and change nothing", List.of("A2", "E5"), AuthChecks::refused).tries(4, 8).cost(6, 18),
        Check.ref("credential-not-echoed", "answers to requests that present the credential wrongly never echo it",
            List.of("A3"), AuthChecks::notEchoed).cost(10, 0));
  }

  /** The eight operations, as (method, path suffix, body). */
  static List<String[]> operations(String ip) {
    return List.of(new String[] {"GET", "", null},
        new String[] {"POST", "", "{\"ip\":\"" + ip + "\",\"vendor\":\"@V@\",\"region\":\"@R@\"}"},
        new String[] {"PATCH", "", "{\"ip\":\"" + ip + "\",\"vendor\":\"@V@\",\"region\":\"@R@\"}"},
        new String[] {"GET", "/" + ip, null}, new String[] {"DELETE", "/" + ip, null},
        new String[] {"PATCH", "/batch", "[{\"ip\":\"" + ip + "\",\"vendor\":\"@V@\",\"region\":\"@R@\"}]"},
        new String[] {"DELETE", "/batch", "[\"" + ip + "\"]"}, new String[] {"GET", "/supported_regions", null});
  }

  static void accepted(Target t) {
    TargetCredentials c = t.api.credentials();
    t.shapes.snapshot(t.zone.list(), "A1");
    if (!t.reference) {
      return;
    }
    Exchange ex = t.api.send("GET", t.zone.path(), null, null, alternative(c), Map.of());
    t.shapes.snapshot(ex, "A1");
  }

  /** The configured secret presented the other way ([ref] A1): as X-Auth-Key for a token, as a token for a key. */
  static HttpTarget.Auth alternative(TargetCredentials c) {
    return c.usesToken()
        ? HttpTarget.Auth.headers("X-Auth-Email", "conformance@example.com", "X-Auth-Key", c.secretAs("").text)
        : HttpTarget.Auth.headers("Authorization", "Bearer " + c.secretAs("").text);
  }

  /** A way of presenting credentials wrongly, and what the reference profile expects. */
  record Variant(String label, int[] statuses) {
    @Override
    public String toString() {
      return label;
    }
  }

  static final List<Variant> VARIANTS = List.of(
      new Variant("no credentials", new int[] {401}),
      new Variant("X-Auth-Email without a key", new int[] {401}),
      new Variant("a wrong Bearer token", new int[] {403}),
      new Variant("the token with a character added", new int[] {403}),
      new Variant("the token without its last character", new int[] {403}),
      new Variant("an email with a wrong X-Auth-Key", new int[] {403}),
      new Variant("the secret as X-Auth-Key without an email", new int[] {401, 403}),
      new Variant("Basic authentication", new int[] {401, 403}),
      new Variant("an empty Bearer token", new int[] {401, 403}));

  /** A variant's headers, with placeholders: the secret itself never enters a recorded request. */
  static HttpTarget.Auth auth(Variant v, TargetCredentials c) {
    String s = c.secretAs("").text;
    String email = TargetCredentials.Placeholder.EMAIL.text;
    switch (VARIANTS.indexOf(v)) {
      case 0: return HttpTarget.Auth.NONE;
      case 1: return HttpTarget.Auth.headers("X-Auth-Email", "conformance@example.com");
      case 2: return HttpTarget.Auth.headers("Authorization", "Bearer wrong-" + Integer.toHexString(c.secret().hashCode()));
      case 3: return c.usesToken() ? HttpTarget.Auth.headers("Authorization", "Bearer " + c.secretAs("PLUS_X").text)
          : HttpTarget.Auth.headers("X-Auth-Email", email, "X-Auth-Key", c.secretAs("PLUS_X").text);
      case 4: return c.usesToken() ? HttpTarget.Auth.headers("Authorization", "Bearer " + c.secretAs("MINUS_LAST").text)
          : HttpTarget.Auth.headers("X-Auth-Email", email, "X-Auth-Key", c.secretAs("MINUS_LAST").text);
      case 5: return HttpTarget.Auth.headers("X-Auth-Email", "conformance@example.com", "X-Auth-Key", "0123456789abcdef");
      case 6: return HttpTarget.Auth.headers("X-Auth-Key", s);
      case 7: return HttpTarget.Auth.headers("Authorization", "Basic " + c.secretAs("BASIC").text);
      default: return HttpTarget.Auth.headers("Authorization", "Bearer ");
    }
  }

  static void refused(Target t) {
    Gen<Integer> ops = Generate.range(0, 7);
    t.forAll(ops.zip(Gens.address(t), (o, ip) -> new Object[] {o, ip})
        .describedAs(a -> "every wrong credential on " + operations("IP").get((Integer) a[0])[0] + " ..."
            + operations("IP").get((Integer) a[0])[1] + " for " + a[1]), a -> {
          Snapshot base = t.reset(t.zone);
          Address ip = t.usable(List.of((Address) a[1]), base).get(0);
          VendorRegion p = t.catalogue().pair(0);
          t.seed(t.zone, Map.of(ip, p));
          Snapshot before = t.snapshot(t.zone, "E5");
          String[] op = operations(HttpTarget.segment(ip.toString())).get((Integer) a[0]);
          String body = op[2] == null ? null : op[2].replace(HttpTarget.segment(ip.toString()), ip.toString())
              .replace("@V@", t.catalogue().pair(1).vendor()).replace("@R@", t.catalogue().pair(1).region());
          for (Variant v : VARIANTS) {
            Exchange ex = t.api.send(op[0], t.zone.path() + op[1],
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), body == null ? null : "application/json",
                auth(v, t.api.credentials()), Map.of());
            judgeRefused(t, v, ex);
          }
          if (t.reference) {
            BatchDeleteChecks.unchanged(before, t.snapshot(t.zone, "E5"), "E5",
                "a request with wrong or missing credentials changed the zone");
          }
        });
    t.reset(t.zone);
  }

  /** A request with credential variant {@code v} is refused as A2 says (per profile) and does not echo it (A3). */
  static void judgeRefused(Target t, Variant v, Exchange ex) {
    try {
      if (t.reference) {
        t.shapes.errorAnyStatus(ex, "A2", v.statuses(), 10000);
      } else {
        t.shapes.errorAnyStatus(ex, "A2", new int[] {400, 401, 403});
      }
    } catch (Violation x) {
      throw new Violation(x.breaches(), "with " + v + ": " + x.detail(), x.exchange());
    }
    expect(!t.api.credentials().leaks(ex.responseText()), "A3", ex, "the answer echoes the credential");
  }

  static void notEchoed(Target t) {
    TargetCredentials c = t.api.credentials();
    if (!c.searchable()) {
      throw new Check.Skip("the secret is shorter than " + TargetCredentials.SEARCHABLE_LENGTH + " characters, too short to "
          + "search answers for; use a longer token to check A3");
    }
    for (Variant v : List.of(VARIANTS.get(3), VARIANTS.get(4), VARIANTS.get(6), VARIANTS.get(7))) {
      for (String[] op : List.of(new String[] {"GET", ""}, new String[] {"DELETE", "/batch"})) {
        Exchange ex = t.api.send(op[0], t.zone.path() + op[1], op[0].equals("GET") ? null
            : "[]".getBytes(StandardCharsets.UTF_8), "application/json", auth(v, c), Map.of());
        expect(!c.leaks(ex.responseText()) && !c.leaks(ex.responseHeaders().toString()), "A3", ex,
            "the answer to a request with " + v + " echoes the credential");
      }
    }
  }
}
