package dev.origincloudregions.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code java -jar reference-server.jar [--port N] [--host H] [--base-path P] [--token T]},
 * parsed by picocli.
 *
 * <p>Exit status: 0 after a normal stop (Ctrl-C) or after {@code --help}/{@code --version}, 1 when the
 * server cannot listen, 2 for a bad command line (one line on standard error, with a suggestion for a
 * mistyped option, no stack trace).
 */
@Command(name = "reference-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpWidth = 100,
    customSynopsis = "java -jar reference-server.jar [options]",
    description = {"", "An in-memory reference implementation of Cloudflare's origin cloud regions API (v2 under",
        "/origin/cloud_regions and the deprecated v1 under /cache/origin_cloud_regions), for local",
        "development and as the conformance suite's default target."},
    optionListHeading = "%nOptions:%n",
    footer = {"", "One line per request (method, path, status, duration) goes to standard output."})
public final class Main {
  static final int EXIT_CANNOT_LISTEN = 1;
  static final int EXIT_USAGE = 2;
  private static final String NAME = "reference-server";

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", converter = PortConverter.class,
      description = "port to listen on; 0 picks a free one (default ${DEFAULT-VALUE})")
  private int port;

  @Option(names = "--host", paramLabel = "H", defaultValue = Options.DEFAULT_HOST, converter = HostConverter.class,
      description = "interface to bind to (default ${DEFAULT-VALUE})")
  private String host;

  @Option(names = "--base-path", paramLabel = "P", defaultValue = Options.DEFAULT_BASE_PATH,
      converter = BasePathConverter.class, description = "path the API is served under (default ${DEFAULT-VALUE})")
  private String basePath;

  @Option(names = "--token", paramLabel = "T", converter = TokenConverter.class,
      description = "the API token to accept, as 'Authorization: Bearer T' or as X-Auth-Key with any "
          + "X-Auth-Email; when omitted, one is generated and printed once at start-up")
  private String token;

  private Main() {}

  /** The parsed command line: options to start with, or a request for help or the version. */
  record Parsed(Options options, boolean help, boolean version) {}

  /** Thrown for a bad command line; its message is the one line shown. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Main main = new Main();
    CommandLine commandLine = commandLine(main);
    Parsed parsed;
    try {
      parsed = main.parse(commandLine, args);
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      return EXIT_USAGE;
    }
    if (parsed.help()) {
      commandLine.usage(out);
      return 0;
    }
    if (parsed.version()) {
      commandLine.printVersionHelp(out);
      return 0;
    }
    return serve(parsed.options(), out, err);
  }

  /** Parses a command line without running anything. */
  static Parsed parse(String[] args) throws UsageException {
    Main main = new Main();
    return main.parse(commandLine(main), args);
  }

  private Parsed parse(CommandLine commandLine, String[] args) throws UsageException {
    try {
      CommandLines.refuseOptionAsValue(commandLine, args);
      commandLine.parseArgs(args);
      // picocli skips its unmatched-argument error when --help or --version is present; a wrong
      // word on the command line is refused all the same.
      if (!commandLine.getUnmatchedArguments().isEmpty()) {
        throw new UnmatchedArgumentException(commandLine, commandLine.getUnmatchedArguments());
      }
    } catch (ParameterException e) {
      throw new UsageException(message(commandLine, e));
    }
    Options options = Options.defaults().port(port).host(host).basePath(basePath);
    if (token != null) {
      options = options.token(token);
    }
    return new Parsed(options, commandLine.isUsageHelpRequested(),
        commandLine.isVersionHelpRequested());
  }

  private static CommandLine commandLine(Main main) {
    CommandLine commandLine = new CommandLine(main);
    // As the hand-written parser did: a repeated option takes its last value.
    commandLine.setOverwrittenOptionsAllowed(true);
    return CommandLines.configure(commandLine); // a token may begin with a dash: see CommandLines
  }

  private static int serve(Options parsed, PrintStream out, PrintStream err) {
    Options options = parsed.requestLog(line -> out.println(line));
    ReferenceServer server;
    try {
      server = ReferenceServer.start(options);
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println(NAME + ": " + e.getMessage());
      return EXIT_CANNOT_LISTEN;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "reference-server-stop"));
    out.println("Reference server listening on " + server.baseUrl());
    if (options.token() == null) {
      out.println("Generated API token (shown once): " + server.token());
    }
    out.flush();
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * One line for a bad command line. An unknown option names the closest known one, by picocli's
   * suggestions or, failing those, by edit distance (so {@code --prot} suggests {@code --port}).
   */
  private static String message(CommandLine commandLine, ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String argument = unmatched.getUnmatched().get(0);
    if (!argument.startsWith("-")) {
      return "unexpected argument '" + argument + "' (see --help)";
    }
    String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
    String suggestion = suggest(commandLine, name, unmatched.getSuggestions());
    return "unknown option '" + name + "'" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")
        + " (see --help)";
  }

  private static String suggest(CommandLine commandLine, String name, List<String> picocliSuggestions) {
    List<String> visible = new ArrayList<>();
    for (OptionSpec option : commandLine.getCommandSpec().options()) {
      if (!option.hidden()) {
        visible.add(option.longestName());
      }
    }
    for (String suggestion : picocliSuggestions) {
      if (visible.contains(suggestion)) {
        return suggestion;
      }
    }
    String best = null;
    int bestDistance = 3;
    for (String option : visible) {
      int distance = distance(name.toLowerCase(Locale.ROOT), option);
      if (distance < bestDistance) {
        best = option;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Edit distance with adjacent transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** {@code reference-server <project version>}, from the version.properties that the build fills in. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {NAME + " " + projectVersion()};
    }

    static String projectVersion() {
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        Properties properties = new Properties();
        if (in != null) {
          properties.load(in);
        }
        return properties.getProperty("version", "unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }

  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw new TypeConversionException("must be a number from 0 to 65535, not '" + value + "'");
    }
  }

  static final class HostConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("must not be empty");
      }
      return value;
    }
  }

  static final class BasePathConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Options.normaliseBasePath(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class TokenConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Options.defaults().token(value).token();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
