package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;

import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.V2Zone;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that run after every other check and the clean-up: the SAFE rules, verified by the suite itself, and the
 * audits of every response the run received (E1, E2, E4, A3).
 */
final class EndChecks {
  private EndChecks() {}

  static List<Check> all() {
    return List.of(
        Check.end("safe-pre-existing-unchanged", "mappings that existed before the run were never sent in a delete "
            + "or upsert and are unchanged at the end", List.of("SAFE1"), false, EndChecks::safe1),
        Check.end("safe-documentation-addresses", "every mapping the run created used a documentation address",
            List.of("SAFE2"), false, EndChecks::safe2),
        Check.end("safe-cleanup-complete", "everything the run created is gone at the end", List.of("SAFE3"), false,
            EndChecks::safe3),
        Check.end("safe-paced", "the run kept to --max-rps and honoured every 429 Retry-After", List.of("SAFE4"), false,
            EndChecks::safe4),
        Check.end("audit-envelope", "every response of the run was a well-formed JSON envelope", List.of("E1"), false,
            t -> audit(t, "E1")),
        Check.end("audit-content-type", "every response of the run had Content-Type: application/json", List.of("E2"),
            true, t -> audit(t, "E2")),
        Check.end("audit-no-server-error", "no request of the run produced a 5xx or a dropped connection",
            List.of("E4"), true, t -> audit(t, "E4")),
        Check.end("audit-no-credential-echo", "no response of the run (nor the embedded server's log) contained the "
            + "credential", List.of("A3"), true, EndChecks::a3));
  }

  private static Suite.Finish finish() {
    Suite.Finish f = Suite.FINISH.get();
    if (f == null) {
      throw new IllegalStateException("end-of-run checks run only inside Suite.run");
    }
    return f;
  }

  static void safe1(Target t) {
    List<String> blocked = t.safety.blocked();
    expect(blocked.isEmpty(), "SAFE1", null, "the guard had to stop " + blocked.size() + " requests, the first: "
        + (blocked.isEmpty() ? "" : blocked.get(0)));
    for (String id : List.of(t.zone.id, t.otherZone.id)) {
      if (t.options.v1()) {
        V1Zone z = id.equals(t.zone.id) ? t.zone : t.otherZone;
        unchanged(t.safety.before(id, "v1"), () -> t.shapes.snapshot(z.list(), "SAFE1"));
      }
      if (t.options.v2()) {
        V2Zone z = id.equals(t.zone.id) ? t.v2zone : t.v2otherZone;
        unchanged(t.safety.before(id, "v2"), () -> V2Zones.snapshot(t, z));
      }
    }
  }

  private static void unchanged(Map<String, ObservedMapping> before, java.util.function.Supplier<Snapshot> list) {
    if (before.isEmpty()) {
      return;
    }
    Snapshot now = list.get();
    Map<String, ObservedMapping> after = now.byIp();
    for (ObservedMapping m : before.values()) {
      expect(m.sameAs(after.get(m.ip())), "SAFE1", now.exchange(), "pre-existing mapping " + m + " is now "
          + after.get(m.ip()));
    }
  }

  static void safe2(Target t) {
    for (Map.Entry<String, Set<String>> e : t.safety.ledger().entrySet()) {
      for (String text : e.getValue()) {
        Optional<Address> ip = Address.parse(text);
        expect(ip.isEmpty() || t.safety.allowAnyAddress() || Safety.isDocumentation(ip.get()), "SAFE2", null,
            "the run sent " + text + " in a create or upsert in zone " + e.getKey());
      }
    }
  }

  static void safe3(Target t) {
    Map<String, Set<String>> left = finish().leftOver;
    expect(left.isEmpty(), "SAFE3", null, "mappings the run created are still there after clean-up: " + left);
  }

  static void safe4(Target t) {
    Pacer p = t.api.pacer();
    expect(p.pausesHonoured(), "SAFE4", null, "a request was sent before a 429's Retry-After had passed");
    if (p.maxRps() > 0) {
      int peak = p.peakPerSecond();
      expect(peak <= Math.floor(p.maxRps()) + 1, "SAFE4", null, "the run sent " + peak + " requests within one second; "
          + "--max-rps is " + p.maxRps());
    }
  }

  static void audit(Target t, String rule) {
    Audit a = finish().audit;
    a.assertClean(rule);
    expect(a.seen() > 0, rule, null, "no response was audited");
  }

  static void a3(Target t) {
    if (!t.api.credentials().searchable()) {
      throw new Check.Skip("the secret is shorter than " + TargetCredentials.SEARCHABLE_LENGTH + " characters, too short to "
          + "search answers for; use a longer token to check A3");
    }
    audit(t, "A3");
    if (t.serverLog != null) {
      String secret = t.api.credentials().secret();
      synchronized (t.serverLog) {
        for (String line : t.serverLog) {
          expect(!line.contains(secret), "A3", null, "the server's log holds the token: "
              + t.api.credentials().scrub(line));
        }
      }
    }
  }
}
