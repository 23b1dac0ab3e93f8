package dev.origincloudregions.conformance;

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
 * @param help print help and exit
 * @param list list the checks and exit
 */
record RunOptions(
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
    boolean help,
    boolean list) {

  static final String DEFAULT_ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String DEFAULT_SECOND_ZONE = "9a7806061c88ada191ed06f989cc3dac";
  static final int DEFAULT_TRIES = 100;
  static final double DEFAULT_REMOTE_RPS = 4;

  /** Option name (without {@code --}) to system property suffix; the order is the help's order. */
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    for (String o : List.of("base-url", "token", "email", "key", "zone-id", "second-zone-id", "profile", "tries", "seed",
        "max-rps", "report-dir", "allow-any-address", "checks", "shrinks", "help", "list")) {
      OPTIONS.put(o, camel(o));
    }
  }

  private static final Set<String> FLAGS = Set.of("allow-any-address", "help", "list");
  private static final Pattern ZONE_REF = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern ZONE_DOC = Pattern.compile("[A-Za-z0-9]{1,32}");

  static final String HELP = String.join("\n",
      "Usage: java -jar conformance.jar [options]",
      "",
      "Checks a server against the origin cloud regions behaviour contract, rule by rule.",
      "With no --base-url it starts the embedded reference server on a free port with a random token.",
      "",
      "Target:",
      "  --base-url URL        API base URL including its base path, e.g. http://127.0.0.1:8080/client/v4",
      "  --token TOKEN         API token, sent as 'Authorization: Bearer' (default: env CLOUDFLARE_API_TOKEN)",
      "  --email EMAIL --key K legacy credentials, sent as X-Auth-Email and X-Auth-Key (instead of --token)",
      "  --zone-id ID          the zone to work in (default " + DEFAULT_ZONE + ")",
      "  --second-zone-id ID   a second zone, for the isolation rule Z2 (default " + DEFAULT_SECOND_ZONE + ")",
      "  --profile NAME        reference (default): [doc] and [ref] rules; documented: [doc] rules only",
      "",
      "Run:",
      "  --tries N             examples per property check (default " + DEFAULT_TRIES + ")",
      "  --seed N              seed; a failure prints the seed that reproduces it (default: random)",
      "  --max-rps N           at most N requests per second; 0 = unlimited (default: unlimited on loopback,",
      "                        " + (int) DEFAULT_REMOTE_RPS + " for any other host); 429 Retry-After is always honoured",
      "  --checks LIST         only these checks, by name or rule ID, comma-separated (e.g. BD2,BD5)",
      "  --allow-any-address   create mappings outside the documentation ranges (disposable zones only)",
      "  --report-dir DIR      where reports go (default ./conformance-report)",
      "  --list                list the checks and the rules they cover, then exit",
      "  --help                this text",
      "",
      "Every option is also a system property for the Maven route: --base-url is -Dconformance.baseUrl, etc.",
      "Exit codes: 0 all checks passed, 1 a check failed, 2 configuration error.");

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

  /** Parses system properties, then arguments. */
  static RunOptions parse(String[] args, Map<String, String> systemProperties, Map<String, String> env,
      Path defaultReportDir) {
    Map<String, String> v = new LinkedHashMap<>();
    OPTIONS.forEach((opt, prop) -> {
      String s = systemProperties.get("conformance." + prop);
      if (s != null && !s.isBlank()) {
        v.put(opt, s.trim());
      }
    });
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + a + "'; options start with -- (see --help)");
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!OPTIONS.containsKey(name)) {
        throw new ConfigException("unknown option --" + name + " (see --help for the options)");
      }
      if (FLAGS.contains(name)) {
        v.put(name, value == null ? "true" : value);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new ConfigException("--" + name + " needs a value, e.g. --" + name + " " + example(name));
        }
        value = args[++i];
      }
      v.put(name, value);
    }
    return build(v, env, defaultReportDir);
  }

  private static String example(String name) {
    switch (name) {
      case "base-url": return "http://127.0.0.1:8080/client/v4";
      case "tries": case "shrinks": return "50";
      case "seed": return "42";
      case "max-rps": return "4";
      case "profile": return "documented";
      case "zone-id": case "second-zone-id": return DEFAULT_ZONE;
      default: return "VALUE";
    }
  }

  private static RunOptions build(Map<String, String> v, Map<String, String> env, Path defaultReportDir) {
    boolean help = flag(v, "help");
    boolean list = flag(v, "list");
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
    Path reportDir = v.containsKey("report-dir") ? Path.of(v.get("report-dir")) : defaultReportDir;
    Set<String> checks = new LinkedHashSet<>();
    if (v.containsKey("checks")) {
      for (String c : v.get("checks").split(",")) {
        if (!c.isBlank()) {
          checks.add(c.trim());
        }
      }
    }
    return new RunOptions(baseUrl, token, email, key, zone, second, reference, tries, seed, maxRps, reportDir,
        flag(v, "allow-any-address"), Set.copyOf(checks), shrinks, help, list);
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

  Credentials credentials() {
    return token != null ? Credentials.token(token) : Credentials.emailAndKey(email, key);
  }

  String profileName() {
    return reference ? "reference" : "documented";
  }
}
