package dev.origincloudregions.conformance;

import dev.origincloudregions.conformance.checks.Check;
import dev.origincloudregions.conformance.checks.Replay;
import dev.origincloudregions.conformance.checks.Suite;
import dev.origincloudregions.conformance.report.Reports;
import dev.origincloudregions.conformance.runner.ConfigException;
import dev.origincloudregions.conformance.runner.RunCommand;
import dev.origincloudregions.conformance.runner.RunOptions;
import dev.origincloudregions.conformance.runner.Version;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command-line runner: {@code java -jar conformance.jar [options]}. Checks a server against the behaviour
 * contract and writes reports; exits 0 when every check passed (known failures allowed), 1 when one failed, 2 on a
 * configuration error or when the run could not complete (target unreachable, request budget spent), and 130 or 143
 * after Ctrl-C or SIGTERM (the reports are written all the same). {@code --help} lists the options.
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

  /**
   * Runs the suite in this JVM, as {@code main} does, and returns the exit code instead of exiting.
   *
   * @param args options, see {@code --help}
   * @param out the console: progress, summary, usage
   * @param err one-line messages for configuration errors
   * @return 0 passed, 1 a check failed, 2 a configuration error or a run that did not complete
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    CommandLine cl = RunOptions.commandLine(new RunCommand(), props);
    try {
      RunOptions.parseArgs(cl, args);
    } catch (CommandLine.ParameterException e) {
      err.println("conformance: " + RunCommand.oneLine(e));
      return 2;
    }
    if (cl.isUsageHelpRequested()) {
      cl.usage(out);
      return 0;
    }
    if (cl.isVersionHelpRequested()) {
      cl.printVersionHelp(out);
      return 0;
    }
    RunOptions o;
    try {
      o = RunOptions.parse(args, props, System.getenv(), Path.of("conformance-report"));
    } catch (ConfigException e) {
      err.println("conformance: " + e.getMessage());
      return 2;
    }
    if (o.list()) {
      // The checks --api selects, each with its family: v1, v2, both (the rules tying them together) or run (end).
      for (Check c : Suite.all()) {
        if (o.runs(c.family())) {
          out.printf("%-36s %-4s %-26s %s%s%n", c.name(), c.family(), String.join(",", c.rules()),
              c.referenceOnly() ? "[ref] " : "", c.title());
        }
      }
      return 0;
    }
    try {
      if (o.replay() != null) {
        return Replay.run(o, out);
      }
      out.printf("conformance %s: %s, profile %s, seed %d, %s%n", Version.VERSION,
          o.baseUrl() == null ? "embedded reference server" : o.baseUrl(), o.profileName(), o.seed(),
          Reports.count(o.tries(), "try", "tries"));
      RunResult r = Conformance.run(o, out);
      return r.exitCode();
    } catch (ConfigException e) {
      err.println("conformance: " + e.getMessage());
      return 2;
    } catch (RuntimeException | AssertionError e) {
      err.println("conformance: the run stopped: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return 2;
    }
  }
}
