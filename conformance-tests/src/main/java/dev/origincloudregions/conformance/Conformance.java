package dev.origincloudregions.conformance;

import java.io.PrintStream;
import java.util.List;

/** Runs the suite for a set of options: against the given base URL, or an embedded reference server. */
final class Conformance {
  private Conformance() {}

  static RunResult run(RunOptions o, PrintStream out) {
    if (o.baseUrl() != null) {
      Api api = new Api(o.baseUrl(), o.credentials(), new Pacer(o.maxRps()));
      return Suite.run(o, api, null, out);
    }
    try (EmbeddedServer server = EmbeddedServer.start()) {
      Api api = new Api(server.baseUrl(), Credentials.token(server.token()), new Pacer(o.maxRps()));
      if (out != null) {
        out.println("embedded reference server at " + server.baseUrl());
      }
      List<String> log = server.tokenLines;
      return Suite.run(o, api, log, out);
    }
  }
}
