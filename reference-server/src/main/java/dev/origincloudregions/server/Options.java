package dev.origincloudregions.server;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run a {@link ReferenceServer}. Immutable: every setter returns a changed copy.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("T"))) {
 *   URI base = server.baseUrl();   // http://127.0.0.1:<ephemeral port>/client/v4
 * }
 * }</pre>
 *
 * <p>Defaults: host {@code 127.0.0.1}, port 0 (ephemeral), base path {@code /client/v4} (as Cloudflare's
 * base URL has), a generated token, and one log line per request to the SLF4J logger
 * {@code dev.origincloudregions.server.requests}.
 */
public final class Options {
  /** The default base path, the path of Cloudflare's base URL. */
  public static final String DEFAULT_BASE_PATH = "/client/v4";
  /** The default host: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private final String host;
  private final int port;
  private final String basePath;
  private final String token;
  private final Consumer<String> requestLog;
  private final ExchangeObserver observer;

  private Options(String host, int port, String basePath, String token, Consumer<String> requestLog,
      ExchangeObserver observer) {
    this.host = host;
    this.port = port;
    this.basePath = basePath;
    this.token = token;
    this.requestLog = requestLog;
    this.observer = observer;
  }

  /** The defaults: loopback, an ephemeral port, {@code /client/v4}, a generated token. */
  public static Options defaults() {
    return new Options(DEFAULT_HOST, 0, DEFAULT_BASE_PATH, null, null, ExchangeObserver.NONE);
  }

  /** The interface to bind to, a host name or address. */
  public Options host(String host) {
    Objects.requireNonNull(host, "host == null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    return new Options(host, port, basePath, token, requestLog, observer);
  }

  /** The port to listen on, 0 for an ephemeral one. */
  public Options port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, not " + port);
    }
    return new Options(host, port, basePath, token, requestLog, observer);
  }

  /**
   * The path under which the API is served, such as {@code /client/v4}; {@code /} or the empty string
   * serve it at the root. A trailing slash is dropped.
   */
  public Options basePath(String basePath) {
    return new Options(host, port, normaliseBasePath(basePath), token, requestLog, observer);
  }

  /**
   * The one secret, accepted as {@code Authorization: Bearer <token>} or as {@code X-Auth-Key} (with any
   * non-empty {@code X-Auth-Email}). Printable ASCII without spaces, as it travels in a header.
   */
  public Options token(String token) {
    Objects.requireNonNull(token, "token == null");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token is empty");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException("token must be printable ASCII without spaces");
      }
    }
    return new Options(host, port, basePath, token, requestLog, observer);
  }

  /**
   * Where the one line per request goes (method, path, status, duration; never the token). Pass
   * {@code line -> {}} to discard them.
   */
  public Options requestLog(Consumer<String> requestLog) {
    Objects.requireNonNull(requestLog, "requestLog == null");
    return new Options(host, port, basePath, token, requestLog, observer);
  }

  /** Sees every answer as it leaves (the tests check each against the spec). */
  Options exchangeObserver(ExchangeObserver exchangeObserver) {
    Objects.requireNonNull(exchangeObserver, "exchangeObserver == null");
    return new Options(host, port, basePath, token, requestLog, exchangeObserver);
  }

  ExchangeObserver exchangeObserver() {
    return observer;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String basePath() {
    return basePath;
  }

  String token() {
    return token;
  }

  Consumer<String> requestLog() {
    return requestLog;
  }

  static String normaliseBasePath(String basePath) {
    Objects.requireNonNull(basePath, "basePath == null");
    String path = basePath;
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      return "";
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("base path must start with '/': " + basePath);
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException("base path may hold only letters, digits and / - . _ ~: " + basePath);
      }
    }
    if (path.contains("//")) {
      throw new IllegalArgumentException("base path must not hold empty segments: " + basePath);
    }
    return path;
  }
}
