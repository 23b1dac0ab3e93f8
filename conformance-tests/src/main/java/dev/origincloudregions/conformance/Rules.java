package dev.origincloudregions.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's rule IDs in contract order, with their source tag ([doc], [ref] or suite) and a title. */
final class Rules {
  /** One rule. */
  record Rule(String id, String tag, String title) {}

  static final Map<String, Rule> ALL = load();

  private Rules() {}

  private static Map<String, Rule> load() {
    Map<String, Rule> m = new LinkedHashMap<>();
    try (InputStream in = Rules.class.getResourceAsStream("rules.tsv")) {
      if (in == null) {
        throw new IllegalStateException("rules.tsv is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", 3);
        m.put(f[0], new Rule(f[0], f[1], f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }
}
