package dev.origincloudregions.conformance.runner;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.checks.Suite;
import dev.origincloudregions.conformance.model.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Failures an implementer expects, from {@code --known-failures FILE}: one check name or rule ID a line, {@code #}
 * starts a comment. A failed check is <em>known</em> when the file names it, or names every rule it broke; it is
 * reported as such and does not fail the run. A check the file names (itself or through a rule) that passes is
 * <em>fixed</em>: the entry can go. An entry that names neither a check nor a rule is a configuration error.
 */
public final class KnownFailures {
  public static final KnownFailures NONE = new KnownFailures(Map.of());

  /** Entry (check name or rule ID) to the line it came from, for messages. */
  private final Map<String, Integer> entries;

  private KnownFailures(Map<String, Integer> entries) {
    this.entries = entries;
  }

  public static KnownFailures read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("--known-failures: cannot read " + file + ": " + e.getMessage());
    }
    return parse(lines, file.toString());
  }

  static KnownFailures parse(List<String> lines, String source) {
    Set<String> checks = Suite.all().stream().map(Check::name).collect(Collectors.toSet());
    Map<String, Integer> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String id = lines.get(i).replaceFirst("#.*", "").trim();
      if (id.isEmpty()) {
        continue;
      }
      if (!checks.contains(id) && !Rules.ALL.containsKey(id)) {
        throw new ConfigException("--known-failures: " + source + " line " + (i + 1) + ": '" + id
            + "' is neither a check name nor a rule ID (see --list)");
      }
      entries.put(id, i + 1);
    }
    return new KnownFailures(entries);
  }

  /** The run with known failures and fixed entries marked. */
  public RunResult apply(RunResult r) {
    if (entries.isEmpty()) {
      return r;
    }
    Set<String> stillBroken = r.results().stream().filter(c -> c.status().failed())
        .flatMap(c -> c.brokenRules().stream()).collect(Collectors.toSet());
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult c : r.results()) {
      out.add(mark(c, stillBroken));
    }
    return new RunResult(r.target(), r.profile(), r.seed(), r.tries(), r.version(), r.startedAt(), List.copyOf(out),
        r.durationMillis(), r.requests(), r.outcome(), r.notes());
  }

  private CheckResult mark(CheckResult c, Set<String> stillBroken) {
    boolean byName = entries.containsKey(c.name());
    if (c.status() == CheckResult.Status.FAIL) {
      List<String> broken = c.brokenRules();
      if (byName || !broken.isEmpty() && entries.keySet().containsAll(broken)) {
        return c.withStatus(CheckResult.Status.KNOWN, null);
      }
      return c;
    }
    if (c.status() == CheckResult.Status.PASS) {
      List<String> named = c.rules().stream().filter(id -> entries.containsKey(id) && !stillBroken.contains(id))
          .toList();
      if (byName) {
        return c.withStatus(CheckResult.Status.FIXED, "listed as a known failure (line " + entries.get(c.name())
            + "), but it passed: remove it from the known-failures file");
      }
      if (!named.isEmpty()) {
        return c.withStatus(CheckResult.Status.FIXED, "covers " + String.join(", ", named) + ", listed as a known "
            + "failure, and passed; no check broke it: remove it from the known-failures file");
      }
    }
    return c;
  }
}
