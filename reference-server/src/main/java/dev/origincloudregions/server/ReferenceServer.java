package dev.origincloudregions.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: an in-memory implementation of every rule of the behaviour contract for the
 * origin cloud regions API, both families of paths (v2 under {@code /origin/cloud_regions}, the
 * deprecated v1 under {@code /cache/origin_cloud_regions}) on one store, served over real HTTP by Jetty.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(Options.defaults().token("T"))) {
 *   URI base = server.baseUrl();   // http://127.0.0.1:<port>/client/v4
 *   // point a client at base with "Authorization: Bearer T"
 * }
 * }</pre>
 *
 * <p>Every well-formed zone exists and starts empty; state lives only as long as the server. Closing
 * stops it and frees the port.
 */
public final class ReferenceServer implements AutoCloseable {
  private static final Logger REQUESTS = LoggerFactory.getLogger("dev.origincloudregions.server.requests");
  private static final char[] TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

  private final Server server;
  private final URI baseUrl;
  private final String token;

  private ReferenceServer(Server server, URI baseUrl, String token) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * Starts a server and returns once it accepts connections.
   *
   * @throws UncheckedIOException when it cannot listen (the port is taken, the host unknown)
   */
  public static ReferenceServer start(Options options) {
    return start(options, new ServerParts());
  }

  /**
   * Starts a server made of {@code parts}: the seam through which test code in this package plants a
   * defect ({@link ServerParts}). The server users run always has {@code new ServerParts()}.
   */
  static ReferenceServer start(Options options, ServerParts parts) {
    String token = options.token() != null ? options.token() : generateToken();
    Consumer<String> requestLog = options.requestLog() != null ? options.requestLog() : REQUESTS::info;
    Router router = new Router(options.basePath());
    CallHandler api = parts.around(new Dispatcher(router, token, Catalogue.standard(), Clock.systemUTC(), parts), router);

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("reference-server");
    threads.setDaemon(true);
    Server server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Paths are split and percent-decoded by the API itself, segment by segment, so an encoded '/'
    // or '%' in a path IP is judged as an IP (400, code 1146) instead of being refused by Jetty.
    http.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    server.addConnector(connector);
    server.setHandler(new ApiHandler(api, token, requestLog, options.exchangeObserver()));
    server.setErrorHandler(new JsonErrorHandler(token, requestLog, options.exchangeObserver()));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server);
      throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException("cannot start the server: " + e.getMessage(), e);
    }
    String host = connector.getHost();
    String hostInUrl = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    URI baseUrl = URI.create("http://" + hostInUrl + ":" + connector.getLocalPort() + options.basePath());
    return new ReferenceServer(server, baseUrl, token);
  }

  /** The API's base URL, such as {@code http://127.0.0.1:8080/client/v4}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The port the server listens on (the ephemeral one when port 0 was asked for). */
  public int port() {
    return baseUrl.getPort();
  }

  /** The secret the server accepts, as given or generated. */
  public String token() {
    return token;
  }

  /** Stops the server and frees its port. */
  @Override
  public void close() {
    stopQuietly(server);
  }

  /** Blocks until the server has stopped. */
  void join() throws InterruptedException {
    server.join();
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LoggerFactory.getLogger(ReferenceServer.class).warn("Stopping the server failed: {}", e.toString());
    }
  }

  /**
   * 40 random characters from a URL-safe alphabet, as long as Cloudflare's API tokens. The first is a letter or
   * a digit: a token that began with '-' ("-h…", "-V…") would read as options after {@code --token} on a command
   * line, the suite's included.
   */
  static String generateToken() {
    SecureRandom random = new SecureRandom();
    char[] token = new char[40];
    for (int i = 0; i < token.length; i++) {
      int choices = i == 0 ? TOKEN_ALPHABET.length - 2 : TOKEN_ALPHABET.length; // '_' and '-' come last
      token[i] = TOKEN_ALPHABET[random.nextInt(choices)];
    }
    return new String(token);
  }
}
