package dev.origincloudregions.conformance.pact;

import dev.origincloudregions.conformance.checks.Target;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Pacer;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target of the pact tests and a suite {@link Target} on it: the embedded reference server, a server started
 * by the caller (the mutants module's defective ones, through {@link #on}), or, for {@link #fromSettings}, any
 * server named by {@code -Dconformance.baseUrl} (the suite's option names: {@code conformance.token},
 * {@code conformance.zoneId}, ...).
 */
final class PactTargets implements AutoCloseable {
  private final ReferenceServer server; // null for a remote target
  private final RunOptions options;
  final Target target;
  private final Set<String> before;

  private PactTargets(ReferenceServer server, RunOptions options) {
    this.server = server;
    this.options = options;
    this.target = newRun();
    this.before = new LinkedHashSet<>(mappedIps());
  }

  /** The embedded reference server. */
  static PactTargets start() {
    return on(ReferenceServer.start(Options.defaults()));
  }

  /** A server already started (closed with this target). */
  static PactTargets on(ReferenceServer server) {
    RunOptions o = RunOptions.parse(
        new String[] {"--base-url", server.baseUrl().toString(), "--token=" + server.token(), "--seed", "1"},
        Map.of(), Map.of(), Path.of("target", "conformance-report"));
    return new PactTargets(server, o);
  }

  /** The server that {@code -Dconformance.baseUrl} names, or the embedded one when it is not set. */
  static PactTargets fromSettings() {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    RunOptions o = RunOptions.parse(new String[0], props, System.getenv(), Path.of("target", "conformance-report"));
    return o.baseUrl() == null ? start() : new PactTargets(null, o);
  }

  /** A run's view of the server: what the zone holds now is what the run must protect (SAFE1). */
  Target newRun() {
    TargetCredentials credentials = options.token() != null ? TargetCredentials.token(options.token())
        : TargetCredentials.emailAndKey(options.email(), options.key());
    HttpTarget api = new HttpTarget(options.baseUrl(), credentials, new Pacer(options.maxRps()));
    Safety safety = new Safety(options.allowAnyAddress());
    Target t = new Target(options, api, safety, List.of());
    safety.recordBefore(t.zone.id, "v1", t.shapes.snapshot(t.zone.list(), "L1")); // SAFE1, as the suite's preflight does
    api.safety(safety);
    return t;
  }

  /** The zone's mappings now, by canonical IP. */
  List<String> mappedIps() {
    return target.shapes.snapshot(target.zone.list(), "L1").mappings().stream().map(ObservedMapping::ip).toList();
  }

  /** Mappings present now that were not there when this target was opened (SAFE3: should be none). */
  List<String> leftOver() {
    return mappedIps().stream().filter(ip -> !before.contains(ip)).toList();
  }

  /** Mappings that were there when this target was opened and are gone now (SAFE1: should be none). */
  List<String> lost() {
    List<String> now = mappedIps();
    return before.stream().filter(ip -> !now.contains(ip)).toList();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
