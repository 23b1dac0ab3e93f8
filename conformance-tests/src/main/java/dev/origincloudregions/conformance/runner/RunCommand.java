package dev.origincloudregions.conformance.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The runner's command line, read by picocli: usage, {@code --version} and a suggestion for a mistyped option come
 * with it. Every option is also a {@code conformance.*} system property for the Maven route ({@code --base-url} is
 * {@code -Dconformance.baseUrl}); an argument wins over a property. Values arrive as text and {@link RunOptions}
 * checks them, so that a wrong one gets one line that says how to fix it.
 */
@Command(name = "conformance", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = RunCommand.VersionProvider.class, usageHelpWidth = 110,
    header = "Checks a server against the origin cloud regions behaviour contract, rule by rule.",
    description = {"With no --base-url it starts the embedded reference server on a free port with a random token.",
        "Implementing your own server? Start with --profile documented: it checks only what Cloudflare documents."},
    footer = {"", "Every option is also a system property for the Maven route: --base-url is -Dconformance.baseUrl, etc.",
        "Exit codes: 0 every check passed (known failures allowed), 1 a check failed, 2 configuration error, "
            + "target unreachable or run stopped; 130 after Ctrl-C, 143 after SIGTERM."})
public final class RunCommand {
  @Option(names = "--base-url", paramLabel = "URL", order = 1,
      description = "API base URL including its base path, e.g. http://127.0.0.1:8080/client/v4")
  String baseUrl;

  @Option(names = "--token", paramLabel = "TOKEN", order = 2,
      description = "API token, sent as 'Authorization: Bearer' (default: env CLOUDFLARE_API_TOKEN)")
  String token;

  @Option(names = "--email", paramLabel = "EMAIL", order = 3,
      description = "legacy credentials with --key, sent as X-Auth-Email and X-Auth-Key (instead of --token)")
  String email;

  @Option(names = "--key", paramLabel = "KEY", order = 4, description = "the X-Auth-Key that goes with --email")
  String key;

  @Option(names = "--zone-id", paramLabel = "ID", order = 5,
      description = "the zone to work in (default " + RunOptions.DEFAULT_ZONE + ")")
  String zoneId;

  @Option(names = "--second-zone-id", paramLabel = "ID", order = 6,
      description = "a second zone, for the isolation rule Z2 (default " + RunOptions.DEFAULT_SECOND_ZONE + ")")
  String secondZoneId;

  @Option(names = "--profile", paramLabel = "NAME", order = 7,
      description = "documented: only what Cloudflare documents ([doc] rules), accepting its documented "
          + "alternatives; reference (default): [doc] and [ref] rules, the reference server's exact behaviour")
  String profile;

  @Option(names = "--api", paramLabel = "FAMILY", order = 8,
      description = "which family of paths to check: v1 (/cache/origin_cloud_regions), v2 (/origin/cloud_regions) "
          + "or all (default): both, and the rules that tie them together (one store, VS1 and VM1)")
  String api;

  @Option(names = "--tries", paramLabel = "N", order = 9,
      description = "examples per property check (default " + RunOptions.DEFAULT_TRIES + ")")
  String tries;

  @Option(names = "--seed", paramLabel = "N", order = 10,
      description = "the run's seed; a failure prints the seed that reproduces it (default: random)")
  String seed;

  @Option(names = "--max-rps", paramLabel = "N", order = 11,
      description = "at most N requests per second; 0 = unlimited (default: unlimited on loopback, "
          + (int) RunOptions.DEFAULT_REMOTE_RPS + " for any other host); 429 Retry-After is always honoured")
  String maxRps;

  @Option(names = "--max-requests", paramLabel = "N", order = 12,
      description = "at most N requests in the whole run, setup and clean-up included: tries are scaled down to "
          + "fit, every check of the profile still runs (default: none on loopback, "
          + RunOptions.DEFAULT_REMOTE_MAX_REQUESTS + " for any other host; 0 = none)")
  String maxRequests;

  @Option(names = "--checks", paramLabel = "LIST", order = 13,
      description = "only these checks, by name or rule ID, comma-separated (e.g. BD2,BD5)")
  String checks;

  @Option(names = "--known-failures", paramLabel = "FILE", order = 14,
      description = "check names or rule IDs expected to fail, one a line ('#' comments): reported as known, "
          + "not failing the run; one that passes is reported as fixed")
  String knownFailures;

  @Option(names = "--replay", paramLabel = "FILE|DIR", order = 15,
      description = "re-run the case files of earlier failures (a file, or a folder of them) and judge them again")
  String replay;

  @Option(names = "--allow-any-address", order = 16,
      description = "create mappings outside the documentation ranges (disposable zones only)")
  boolean allowAnyAddress;

  @Option(names = "--report-dir", paramLabel = "DIR", order = 17,
      description = "where reports go (default ./conformance-report)")
  String reportDir;

  @Option(names = "--list", order = 18, description = "list the checks and the rules they cover, then exit")
  boolean list;

  @Option(names = "--shrinks", hidden = true, description = "QuickTheories shrink cycles per failing property")
  String shrinks;

  /** Reads {@code conformance.<camelCaseName>} system properties as option defaults. */
  static final class PropertyDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> properties;

    PropertyDefaults(Map<String, String> properties) {
      this.properties = properties;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec spec) {
      if (!(spec instanceof CommandLine.Model.OptionSpec o) || o.usageHelp() || o.versionHelp()) {
        return null;
      }
      String v = properties.get("conformance." + camel(o.longestName().substring(2)));
      return v == null || v.isBlank() ? null : v.trim();
    }
  }

  /** {@code --base-url} to {@code baseUrl}. */
  static String camel(String option) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : option.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  /** {@code --version}: the suite's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"conformance " + Version.VERSION
          + " (origin cloud regions conformance suite; Java " + System.getProperty("java.version") + ")"};
    }
  }

  /** Edit distance (Levenshtein) between two option names. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  /** One line for a command-line mistake, with a suggestion when an option looks mistyped. */
  public static String oneLine(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      if (!first.startsWith("-")) {
        return "unexpected argument '" + first + "'; options start with -- (see --help)";
      }
      String typed = first.replaceFirst("=.*", "");
      List<String> suggestions = new ArrayList<>();
      int best = 3; // at most two edits away
      for (CommandLine.Model.OptionSpec o : u.getCommandLine().getCommandSpec().options()) {
        if (o.hidden()) {
          continue;
        }
        for (String name : o.names()) {
          int d = distance(typed, name);
          if (d < best) {
            best = d;
            suggestions.clear();
          }
          if (d == best && !suggestions.contains(name)) {
            suggestions.add(name);
          }
        }
      }
      if (suggestions.isEmpty()) {
        suggestions = u.getSuggestions().stream().map(x -> x.startsWith("-") ? x : "--" + x).toList();
      }
      return "unknown option " + typed
          + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?")
          + " (see --help)";
    }
    if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
        && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
      return o.longestName() + " needs a value, e.g. " + o.longestName() + " " + RunOptions.example(o.longestName());
    }
    return e.getMessage().lines().findFirst().orElse("wrong arguments") + " (see --help)";
  }
}
