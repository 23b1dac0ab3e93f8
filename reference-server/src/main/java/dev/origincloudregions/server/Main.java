package dev.origincloudregions.server;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The command line: {@code java -jar reference-server.jar [--port N] [--host H] [--base-path P] [--token T]}.
 *
 * <p>Exit status: 0 after a normal stop (Ctrl-C), 1 when the server cannot listen, 2 for a bad option
 * (one line on standard error, no stack trace).
 */
public final class Main {
  static final int EXIT_CANNOT_LISTEN = 1;
  static final int EXIT_USAGE = 2;

  static final String HELP = String.join(System.lineSeparator(),
      "Usage: java -jar reference-server.jar [options]",
      "",
      "An in-memory reference implementation of Cloudflare's origin cloud regions API (v1),",
      "for local development and as the conformance suite's default target.",
      "",
      "Options:",
      "  --port N          port to listen on; 0 picks a free one (default 8080)",
      "  --host H          interface to bind to (default 127.0.0.1)",
      "  --base-path P     path the API is served under (default /client/v4)",
      "  --token T         the API token to accept, as 'Authorization: Bearer T' or as",
      "                    X-Auth-Key with any X-Auth-Email; when omitted, one is generated",
      "                    and printed once at start-up",
      "  --help            show this help and exit",
      "",
      "One line per request (method, path, status, duration) goes to standard output.");

  private Main() {}

  /** Thrown for a bad command line; its message is the one line shown. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  /** The parsed command line: options to start with, or a request for help. */
  record CommandLine(Options options, boolean help) {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine;
    try {
      commandLine = parse(args);
    } catch (UsageException e) {
      err.println("reference-server: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (commandLine.help()) {
      out.println(HELP);
      return 0;
    }
    Options options = commandLine.options().requestLog(line -> out.println(line));
    ReferenceServer server;
    try {
      server = ReferenceServer.start(options);
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("reference-server: " + e.getMessage());
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

  static CommandLine parse(String[] args) throws UsageException {
    Options options = Options.defaults().port(8080);
    Set<Defect> defects = EnumSet.noneOf(Defect.class);
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      switch (name) {
        case "--help":
        case "-h":
          if (value != null) {
            throw new UsageException("option --help takes no value");
          }
          help = true;
          break;
        case "--port":
          value = value != null ? value : next(args, ++i, name);
          options = options.port(port(value));
          break;
        case "--host":
          value = value != null ? value : next(args, ++i, name);
          if (value.isBlank()) {
            throw new UsageException("--host must not be empty");
          }
          options = options.host(value);
          break;
        case "--base-path":
          value = value != null ? value : next(args, ++i, name);
          try {
            options = options.basePath(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
          }
          break;
        case "--token":
          value = value != null ? value : next(args, ++i, name);
          try {
            options = options.token(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
          }
          break;
        case "--defect":
          // Hidden on purpose (never in --help): switches on deliberately broken behaviour for testing
          // the conformance suite.
          value = value != null ? value : next(args, ++i, name);
          defects.add(defect(value));
          break;
        default:
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + name + " (see --help)");
          }
          throw new UsageException("unexpected argument '" + arg + "' (see --help)");
      }
    }
    return new CommandLine(options.defects(defects), help);
  }

  private static String next(String[] args, int index, String option) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException("option " + option + " needs a value");
    }
    return args[index];
  }

  private static int port(String value) throws UsageException {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new UsageException("--port must be a number from 0 to 65535, not '" + value + "'");
  }

  private static Defect defect(String value) throws UsageException {
    try {
      return Defect.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown defect '" + value + "'");
    }
  }
}
