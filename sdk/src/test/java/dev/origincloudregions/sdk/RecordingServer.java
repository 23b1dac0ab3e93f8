package dev.origincloudregions.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real local HTTP server for SDK tests, in the spirit of OkHttp's MockWebServer: it answers with
 * queued responses, in order, and records every request exactly as it arrived (method, path, headers,
 * body bytes). Binds to 127.0.0.1 on an ephemeral port.
 */
final class RecordingServer implements AutoCloseable {
  /** A request as received. Header names are lower case. */
  record Recorded(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A response to send. */
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    Reply withHeader(String name, String value) {
      var h = new TreeMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();

  RecordingServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, List<String>> headers = new TreeMap<>();
          exchange.getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(v)));
          requests.add(
              new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body));
          Reply reply = replies.poll();
          if (reply == null) {
            reply = Reply.json(500, "{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"no reply queued\"}],\"messages\":[],\"result\":null}");
          }
          byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
          reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
          if (out.length > 0) {
            exchange.getResponseBody().write(out);
          }
          exchange.close();
        });
    server.start();
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

  int requestCount() {
    return requests.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
