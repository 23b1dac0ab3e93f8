package dev.origincloudregions.conformance.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract's rule IDs in contract order, each with its source tag and the API family it belongs to.
 *
 * <p>Tags: {@code doc} (Cloudflare documents the whole rule), {@code ref} (the project decides it), {@code mixed} (a
 * [doc] part and a [ref] part: a violation names which part it broke, see {@link Breach}), {@code suite} (the SAFE
 * rules the suite holds itself to). Families: {@code both} (sections 1 to 4), {@code v1}, {@code v2}, {@code suite}.
 */
public final class Rules {
  /** One rule. */
  public record Rule(String id, String tag, String family, String title) {
    boolean mixed() {
      return tag.equals("mixed");
    }

    /** True when the whole rule is [ref]: the documented profile never checks it. */
    public boolean referenceOnly() {
      return tag.equals("ref");
    }
  }

  public static final Map<String, Rule> ALL = load();

  private Rules() {}

  public static Rule get(String id) {
    Rule r = ALL.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no rule " + id + " in the contract");
    }
    return r;
  }

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
        String[] f = line.split("\t", 4);
        m.put(f[0], new Rule(f[0], f[1], f[2], f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }
}
