package dev.origincloudregions.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real local HTTP server for SDK tests, in the spirit of OkHttp's MockWebServer: it answers with
 * queued responses, in order (or with a {@link #dispatch dispatcher} that computes each answer from the
 * request), and records every request exactly as it arrived (method, raw and decoded path, headers,
 * body bytes, arrival time). Binds to 127.0.0.1 on an ephemeral port.
 */
final class RecordingServer implements AutoCloseable {
  static {
    // The JDK server writes a response's head and body separately; with Nagle's algorithm on, the body
    // then waits for the client's delayed ACK, about 40 ms per request on Linux. Read once, when the
    // first server of the JVM starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * A request as received. Header names are lower case; {@code path} is {@code rawPath} percent-decoded
   * by the server, as a server would see it before routing; {@code rawQuery} is the query as sent,
   * null when the URL has none; {@code remotePort} is the client's port, which tells connections apart.
   */
  record Recorded(
      String method,
      String rawPath,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      long receivedAtNanos,
      int remotePort) {
    /** The first value of a header, or null. */
    String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, in arrival order; empty if absent. */
    List<String> headers(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A response to send. An empty body is sent with no content at all. */
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    static Reply text(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), body);
    }

    static Reply empty(int status) {
      return new Reply(status, Map.of(), "");
    }

    Reply withHeader(String name, String value) {
      var h = new TreeMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "recording-server");
            t.setDaemon(true);
            return t;
          });
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private final List<Throwable> dispatchFailures = new CopyOnWriteArrayList<>();
  private volatile Function<Recorded, Reply> dispatcher;

  RecordingServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Recorded recorded =
                new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    body,
                    System.nanoTime(),
                    exchange.getRemoteAddress().getPort());
            requests.add(recorded);
            Reply reply = replyTo(recorded);
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
              exchange.getResponseBody().write(out);
            }
          } finally {
            exchange.close();
          }
        });
    // Requests are answered concurrently, so a slow answer does not hold up the next connection.
    server.setExecutor(executor);
    server.start();
  }

  private Reply replyTo(Recorded recorded) {
    Function<Recorded, Reply> d = dispatcher;
    if (d != null) {
      try {
        return d.apply(recorded);
      } catch (RuntimeException | AssertionError e) {
        dispatchFailures.add(e);
        return Reply.json(599, "{\"success\":false,\"errors\":[],\"messages\":[],\"result\":null}");
      }
    }
    Reply reply = replies.poll();
    return reply != null
        ? reply
        : Reply.json(
            500,
            "{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"no reply queued\"}],\"messages\":[],\"result\":null}");
  }

  /** The base URL to give the client, with Cloudflare's base path. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
  }

  void enqueue(Reply reply) {
    replies.add(reply);
  }

  void enqueue(int status, String json) {
    replies.add(Reply.json(status, json));
  }

  /** Answers every request with {@code dispatcher(request)} instead of the queue. */
  void dispatch(Function<Recorded, Reply> dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Errors the dispatcher threw; each was answered with status 599. */
  List<Throwable> dispatchFailures() {
    return List.copyOf(dispatchFailures);
  }

  /** The next recorded request; fails if none arrives within 5 seconds. */
  Recorded takeRequest() {
    try {
      Recorded r = requests.poll(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every request recorded and not yet taken, oldest first; the record is emptied. */
  List<Recorded> takeAll() {
    List<Recorded> all = new ArrayList<>();
    requests.drainTo(all);
    return all;
  }

  /** How many recorded requests have not been taken yet. */
  int requestCount() {
    return requests.size();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * A base URL on which nothing listens: a port that was free a moment ago (connections are refused).
   */
  static String refusingBaseUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/client/v4";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
