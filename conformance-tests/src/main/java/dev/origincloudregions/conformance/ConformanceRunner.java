package dev.origincloudregions.conformance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command-line runner: {@code java -jar conformance.jar [options]}. Checks a server against the behaviour
 * contract and writes reports; exits 0 when every check passed, 1 when one failed, 2 on a configuration error.
 * {@code --help} lists the options.
 */
public final class ConformanceRunner {
  private ConformanceRunner() {}

  /**
   * Runs the suite.
   *
   * @param args options, see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    RunOptions o;
    try {
      Map<String, String> props = new HashMap<>();
      System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
      o = RunOptions.parse(args, props, System.getenv(), Path.of("conformance-report"));
    } catch (ConfigException e) {
      err.println("conformance: " + e.getMessage());
      return 2;
    }
    if (o.help()) {
      out.println(RunOptions.HELP);
      return 0;
    }
    if (o.list()) {
      for (Check c : Suite.all()) {
        out.printf("%-36s %-26s %s%s%n", c.name(), String.join(",", c.rules()), c.referenceOnly() ? "[ref] " : "",
            c.title());
      }
      return 0;
    }
    try {
      out.printf("conformance: %s, profile %s, seed %d, %d tries%s%n",
          o.baseUrl() == null ? "embedded reference server" : o.baseUrl(), o.profileName(), o.seed(), o.tries(),
          o.maxRps() > 0 ? ", at most " + o.maxRps() + " requests/s" : "");
      RunResult r = Conformance.run(o, out);
      Reports.writeAll(r, o.reportDir());
      out.print(Reports.summary(r));
      out.println("reports: " + o.reportDir().toAbsolutePath().normalize() + " (summary.txt, junit.xml, "
          + "results.jsonl, report.html)");
      return r.passed() ? 0 : 1;
    } catch (ConfigException e) {
      err.println("conformance: " + e.getMessage());
      return 2;
    } catch (RuntimeException | AssertionError e) {
      err.println("conformance: the run stopped: " + e.getMessage().lines().findFirst().orElse(""));
      return 2;
    }
  }
}
