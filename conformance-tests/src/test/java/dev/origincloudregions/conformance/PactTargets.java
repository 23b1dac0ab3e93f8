package dev.origincloudregions.conformance;

import dev.origincloudregions.server.Defect;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An embedded reference server (optionally with defects) and a suite {@link Target} on it, for the pact tests. */
final class PactTargets implements AutoCloseable {
  final ReferenceServer server;
  final Target target;

  private PactTargets(Set<Defect> defects) {
    this.server = ReferenceServer.start(Options.defaults().defects(defects));
    this.target = newRun();
  }

  /** A run's view of the server: what the zone holds now is what the run must protect (SAFE1). */
  Target newRun() {
    RunOptions o = RunOptions.parse(
        new String[] {"--base-url", server.baseUrl().toString(), "--token", server.token(), "--seed", "1"},
        Map.of(), Map.of(), Path.of("target", "conformance-report"));
    Api api = new Api(o.baseUrl(), Credentials.token(o.token()), new Pacer(o.maxRps()));
    Safety safety = new Safety(o.allowAnyAddress());
    Target t = new Target(o, api, safety, List.of());
    safety.recordBefore(t.zone.id, t.shapes.snapshot(t.zone.list(), "L1")); // SAFE1, as the suite's preflight does
    api.safety(safety);
    return t;
  }

  static PactTargets start(Defect... defects) {
    return new PactTargets(defects.length == 0 ? Set.of() : Set.of(defects));
  }

  /** The zone's mappings now, by canonical IP. */
  List<String> mappedIps() {
    return target.shapes.snapshot(target.zone.list(), "L1").mappings().stream().map(Mapping::ip).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
