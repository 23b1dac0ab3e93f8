package dev.origincloudregions.conformance.runner;

import dev.origincloudregions.conformance.http.TargetCredentials;
import dev.origincloudregions.server.CommandLines;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What to test and how: read from {@code --option value} arguments and {@code conformance.*} system properties
 * (arguments win). A wrong setting throws {@link ConfigException} with one line that says how to fix it.
 *
 * @param baseUrl the API base URL including its base path, or null for the embedded reference server
 * @param token API token, or null
 * @param email X-Auth-Email, or null
 * @param key X-Auth-Key, or null
 * @param zoneId the zone the run works in
 * @param secondZoneId a second zone, for isolation (Z2)
 * @param reference true for the {@code reference} profile, false for {@code documented}
 * @param tries examples per property check
 * @param seed the run's seed
 * @param maxRps request rate limit, 0 for none
 * @param reportDir where reports are written
 * @param allowAnyAddress allow addresses outside the documentation ranges (disposable zones only)
 * @param checks names or rule IDs selecting checks; empty for all
 * @param shrinks QuickTheories shrink cycles per failing property
 * @param list list the checks and exit
 * @param maxRequests the most requests the whole run may send, 0 for no limit
 * @param knownFailures the known-failures file, or null
 * @param replay the case file or folder to replay, or null
 * @param api the API families checked: {@code v1}, {@code v2} or {@code all}
 */
public record RunOptions(
    String baseUrl,
    String token,
    String email,
    String key,
    String zoneId,
    String secondZoneId,
    boolean reference,
    int tries,
    long seed,
    double maxRps,
    Path reportDir,
    boolean allowAnyAddress,
    Set<String> checks,
    int shrinks,
    boolean list,
    int maxRequests,
    Path knownFailures,
    Path replay,
    String api) {

  public static final String DEFAULT_ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
  public static final String DEFAULT_SECOND_ZONE = "9a7806061c88ada191ed06f989cc3dac";
  static final int DEFAULT_TRIES = 100;
  static final double DEFAULT_REMOTE_RPS = 4;

  static final int DEFAULT_REMOTE_MAX_REQUESTS = 1200;
  /** {@code --api all}: both families, and the checks that tie them together. */
  public static final String ALL = "all";

  private static final Pattern ZONE_REF = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern ZONE_DOC = Pattern.compile("[A-Za-z0-9]{1,32}");

  /** The command line for these options (usage and --version). */
  public static CommandLine commandLine(RunCommand command, Map<String, String> systemProperties) {
    return CommandLines.configure(new CommandLine(command) // a token may begin with '-'
        .setDefaultValueProvider(new RunCommand.PropertyDefaults(systemProperties))
        .setAbbreviatedOptionsAllowed(false).setCaseInsensitiveEnumValuesAllowed(true));
  }

  /**
   * {@code cl.parseArgs(args)}, and a word it does not know is refused also next to {@code --help} or
   * {@code --version} (picocli skips that check when help is asked for).
   */
  public static void parseArgs(CommandLine cl, String[] args) {
    CommandLines.refuseOptionAsValue(cl, args);
    cl.parseArgs(args);
    if (!cl.getUnmatchedArguments().isEmpty()) {
      throw new CommandLine.UnmatchedArgumentException(cl, cl.getUnmatchedArguments());
    }
  }

  /** Parses arguments (system properties give defaults); a mistake throws {@link ConfigException} with one line. */
  public static RunOptions parse(String[] args, Map<String, String> systemProperties, Map<String, String> env,
      Path defaultReportDir) {
    RunCommand c = new RunCommand();
    CommandLine cl = commandLine(c, systemProperties);
    try {
      parseArgs(cl, args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException(RunCommand.oneLine(e));
    }
    Map<String, String> v = new LinkedHashMap<>();
    put(v, "base-url", c.baseUrl);
    put(v, "token", c.token);
    put(v, "email", c.email);
    put(v, "key", c.key);
    put(v, "zone-id", c.zoneId);
    put(v, "second-zone-id", c.secondZoneId);
    put(v, "profile", c.profile);
    put(v, "api", c.api);
    put(v, "tries", c.tries);
    put(v, "seed", c.seed);
    put(v, "max-rps", c.maxRps);
    put(v, "max-requests", c.maxRequests);
    put(v, "checks", c.checks);
    put(v, "known-failures", c.knownFailures);
    put(v, "replay", c.replay);
    put(v, "allow-any-address", c.allowAnyAddress ? "true" : null);
    put(v, "report-dir", c.reportDir);
    put(v, "shrinks", c.shrinks);
    return build(v, env, defaultReportDir, c.list);
  }

  private static void put(Map<String, String> v, String name, String value) {
    if (value != null) {
      v.put(name, value);
    }
  }

  static String example(String option) {
    return example0(option.startsWith("--") ? option.substring(2) : option);
  }

  private static String example0(String name) {
    switch (name) {
      case "base-url": return "http://127.0.0.1:8080/client/v4";
      case "tries": case "shrinks": return "50";
      case "max-requests": return "1200";
      case "known-failures": return "known-failures.txt";
      case "replay": return "conformance-report/cases";
      case "report-dir": return "conformance-report";
      case "checks": return "BD2,BD5";
      case "seed": return "42";
      case "max-rps": return "4";
      case "profile": return "documented";
      case "api": return "v2";
      case "zone-id": case "second-zone-id": return DEFAULT_ZONE;
      default: return "VALUE";
    }
  }

  private static RunOptions build(Map<String, String> v, Map<String, String> env,
      Path defaultReportDir, boolean list) {
    String baseUrl = v.get("base-url");
    if (baseUrl != null) {
      baseUrl = checkUrl(baseUrl);
    }
    String token = v.get("token");
    String email = v.get("email");
    String key = v.get("key");
    if (token != null && (email != null || key != null)) {
      throw new ConfigException("give either --token or --email with --key, not both");
    }
    if ((email == null) != (key == null)) {
      throw new ConfigException("--email and --key go together: give both, or use --token");
    }
    if (baseUrl == null && (token != null || email != null)) {
      throw new ConfigException("credentials need a target: add --base-url, or drop them to use the embedded server");
    }
    if (baseUrl != null && token == null && email == null) {
      token = env.get("CLOUDFLARE_API_TOKEN");
      if (token == null || token.isBlank()) {
        throw new ConfigException("--base-url needs credentials: add --token T (or set CLOUDFLARE_API_TOKEN), "
            + "or --email E --key K");
      }
    }
    if (token != null && token.isBlank()) {
      throw new ConfigException("--token is empty");
    }
    String profileName = v.getOrDefault("profile", "reference").toLowerCase(Locale.ROOT);
    if (!profileName.equals("reference") && !profileName.equals("documented")) {
      throw new ConfigException("--profile must be reference or documented, got '" + profileName + "'");
    }
    boolean reference = profileName.equals("reference");
    String api = v.getOrDefault("api", ALL).toLowerCase(Locale.ROOT);
    if (!List.of("v1", "v2", ALL).contains(api)) {
      throw new ConfigException("--api must be v1, v2 or all, got '" + v.get("api") + "' (e.g. --api v2)");
    }
    String zone = v.getOrDefault("zone-id", DEFAULT_ZONE);
    String second = v.getOrDefault("second-zone-id", DEFAULT_SECOND_ZONE);
    for (String[] z : new String[][] {{"zone-id", zone}, {"second-zone-id", second}}) {
      Pattern p = reference ? ZONE_REF : ZONE_DOC;
      if (!p.matcher(z[1]).matches()) {
        throw new ConfigException("--" + z[0] + " must be " + (reference ? "32 lowercase hex digits" : "1-32 letters or digits")
            + ", got '" + z[1] + "' (e.g. --" + z[0] + " " + DEFAULT_ZONE + ")");
      }
    }
    if (zone.equals(second)) {
      throw new ConfigException("--zone-id and --second-zone-id must differ: isolation (Z2) needs two zones");
    }
    int tries = intOption(v, "tries", DEFAULT_TRIES, 1, 1_000_000);
    int shrinks = intOption(v, "shrinks", 100, 0, 1_000_000);
    long seed;
    if (v.containsKey("seed")) {
      try {
        seed = Long.parseLong(v.get("seed"));
      } catch (NumberFormatException e) {
        throw new ConfigException("--seed must be an integer, got '" + v.get("seed") + "' (e.g. --seed 42)");
      }
    } else {
      seed = new java.security.SecureRandom().nextLong() & 0xFFFF_FFFFFFFFL;
    }
    double maxRps;
    if (v.containsKey("max-rps")) {
      try {
        maxRps = Double.parseDouble(v.get("max-rps"));
      } catch (NumberFormatException e) {
        maxRps = -1;
      }
      if (!(maxRps >= 0) || Double.isInfinite(maxRps)) {
        throw new ConfigException("--max-rps must be a number >= 0 (0 = unlimited), got '" + v.get("max-rps") + "'");
      }
    } else {
      maxRps = baseUrl == null || isLoopback(baseUrl) ? 0 : DEFAULT_REMOTE_RPS;
    }
    int maxRequests = intOption(v, "max-requests", baseUrl == null || isLoopback(baseUrl) ? 0
        : DEFAULT_REMOTE_MAX_REQUESTS, 0, Integer.MAX_VALUE);
    Path reportDir = v.containsKey("report-dir") ? Path.of(v.get("report-dir")) : defaultReportDir;
    Path knownFailures = v.containsKey("known-failures") ? Path.of(v.get("known-failures")) : null;
    if (knownFailures != null && !java.nio.file.Files.isRegularFile(knownFailures)) {
      throw new ConfigException("--known-failures: no such file '" + knownFailures + "'");
    }
    Path replay = v.containsKey("replay") ? Path.of(v.get("replay")) : null;
    if (replay != null && !java.nio.file.Files.exists(replay)) {
      throw new ConfigException("--replay: no such file or folder '" + replay + "'");
    }
    Set<String> checks = new LinkedHashSet<>();
    if (v.containsKey("checks")) {
      for (String c : v.get("checks").split(",")) {
        if (!c.isBlank()) {
          checks.add(c.trim());
        }
      }
    }
    return new RunOptions(baseUrl, token, email, key, zone, second, reference, tries, seed, maxRps, reportDir,
        flag(v, "allow-any-address"), Set.copyOf(checks), shrinks, list, maxRequests,
        knownFailures, replay, api);
  }

  private static boolean flag(Map<String, String> v, String name) {
    String s = v.get(name);
    if (s == null) {
      return false;
    }
    if (s.equalsIgnoreCase("true") || s.isEmpty()) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException("--" + name + " is a flag: give it alone, or true/false, got '" + s + "'");
  }

  private static int intOption(Map<String, String> v, String name, int def, int min, int max) {
    String s = v.get(name);
    if (s == null) {
      return def;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ConfigException("--" + name + " must be an integer from " + min + " to " + max + ", got '" + s
        + "' (e.g. --" + name + " " + example(name) + ")");
  }

  private static String checkUrl(String s) {
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw new ConfigException("--base-url is not a URL: '" + s + "' (e.g. --base-url http://127.0.0.1:8080/client/v4)");
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
      throw new ConfigException("--base-url must be an absolute http(s) URL with a host, got '" + s
          + "' (e.g. --base-url http://127.0.0.1:8080/client/v4)");
    }
    if (u.getQuery() != null || u.getFragment() != null) {
      throw new ConfigException("--base-url takes no query or fragment, got '" + s + "'");
    }
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host.equals("localhost")) {
        return true;
      }
      if (host.matches("[0-9.]+") || host.startsWith("[")) {
        return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  public TargetCredentials credentials() {
    return token != null ? TargetCredentials.token(token) : TargetCredentials.emailAndKey(email, key);
  }

  /** Whether the run checks the v1 family ({@code --api v1} or {@code all}). */
  public boolean v1() {
    return !api.equals("v2");
  }

  /** Whether the run checks the v2 family ({@code --api v2} or {@code all}). */
  public boolean v2() {
    return !api.equals("v1");
  }

  /** Whether a check of {@code family} ({@code v1}, {@code v2}, {@code both} or {@code run}) runs under --api. */
  public boolean runs(String family) {
    return switch (family) {
      case "v1" -> v1();
      case "v2" -> v2();
      case "both" -> api.equals(ALL);
      default -> true;
    };
  }

  public String profileName() {
    return reference ? "reference" : "documented";
  }
}
