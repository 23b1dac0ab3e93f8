package dev.origincloudregions.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler: adapts a Jetty request to {@link Call}, writes the {@link Reply} and logs
 * one line per request (method, path, status, duration; the token is never written).
 */
final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  static final String CONTENT_TYPE = "application/json";
  /** The most bytes of a refused body read and discarded after a 413. */
  static final long DRAIN_LIMIT = 16L << 20;
  /** The longest time spent reading and discarding a refused body after a 413. */
  static final Duration DRAIN_TIME = Duration.ofSeconds(5);

  private final CallHandler api;
  private final String token;
  private final Consumer<String> requestLog;
  private final ExchangeObserver observer;

  ApiHandler(CallHandler api, String token, Consumer<String> requestLog, ExchangeObserver observer) {
    this.api = api;
    this.token = token;
    this.requestLog = requestLog;
    this.observer = observer;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    Reply reply;
    try {
      reply = api.handle(new JettyCall(request));
    } catch (RuntimeException | Error e) {
      // Not reachable by any input (that is a bug); answered as an envelope all the same.
      LOG.error("Unexpected failure answering {} {}", request.getMethod(), Redaction.redact(request.getHttpURI().getPath(), token), e);
      reply = Reply.error(500, 1000, "Internal error.");
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (reply.allow() != null) {
      response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
    }
    if (reply.authenticate() != null) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, reply.authenticate());
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    // Logged before the answer leaves, so a client never holds an answer that is not logged yet.
    requestLog.accept(logLine(request, reply.status(), started, token));
    observer.exchanged(request.getMethod(), request.getHttpURI().getPath(), reply.status(), CONTENT_TYPE, reply.body());
    if (reply.bodyLeftUnread() || mayHaveUnreadBody(request)) {
      // The answer goes out first, then the rest of the body is read and thrown away (bounded), so
      // the client, which may still be sending, gets its answer on a connection that stays sound.
      // This covers a 413 and also a body sent to an operation that reads none (GET, single DELETE):
      // answering those without reading made TCP reset the connection under the JDK client [E4].
      Callback thenDrain = Callback.from(() -> new Drain(request, callback).start(), callback::failed);
      response.write(true, ByteBuffer.wrap(reply.body()), thenDrain);
    } else {
      response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
    return true;
  }

  /**
   * Whether the request announced a body that may still be (partly) unread: a positive length, or a
   * chunked body. A body the operation read to its end drains at once.
   */
  private static boolean mayHaveUnreadBody(Request request) {
    long length = request.getLength();
    return length > 0 || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
  }

  /** {@code METHOD /path STATUS 1.234ms}: the path without its query, the token redacted [A3]. */
  static String logLine(Request request, int status, long startedNanos, String token) {
    long micros = Math.max(0, (System.nanoTime() - startedNanos) / 1_000);
    String method = request.getMethod() == null ? "-" : request.getMethod();
    String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null
        ? "-" : Redaction.redact(request.getHttpURI().getPath(), token);
    return method + " " + path + " " + status + " " + (micros / 1000) + "." + pad3(micros % 1000) + "ms";
  }

  private static String pad3(long n) {
    return n < 10 ? "00" + n : n < 100 ? "0" + n : Long.toString(n);
  }

  /**
   * Reads and discards what is left of a request body that was refused or not needed: at most {@link #DRAIN_LIMIT} bytes, for
   * at most {@link #DRAIN_TIME}. Without it, closing a connection with unread bytes makes TCP reset it,
   * and a client still sending could lose the 413 it was sent. Past either bound Jetty closes the
   * connection (the answer has been sent by then).
   */
  private static final class Drain implements Runnable {
    private final Request request;
    private final Callback callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private long remaining = DRAIN_LIMIT;
    private volatile Scheduler.Task timeout;

    Drain(Request request, Callback callback) {
      this.request = request;
      this.callback = callback;
    }

    void start() {
      timeout = request.getComponents().getScheduler().schedule(this::finish, DRAIN_TIME);
      run();
    }

    @Override
    public void run() {
      while (!done.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          finish();
          return;
        }
        remaining -= chunk.getByteBuffer().remaining();
        boolean last = chunk.isLast();
        chunk.release();
        if (last || remaining < 0) {
          finish();
          return;
        }
      }
    }

    private void finish() {
      if (done.compareAndSet(false, true)) {
        Scheduler.Task task = timeout;
        if (task != null) {
          task.cancel();
        }
        callback.succeeded();
      }
    }
  }

  /** A Jetty request seen through {@link Call}. */
  private static final class JettyCall implements Call {
    private final Request request;

    JettyCall(Request request) {
      this.request = request;
    }

    @Override
    public String method() {
      return request.getMethod();
    }

    @Override
    public String path() {
      String path = request.getHttpURI().getPath();
      return path == null ? "" : path;
    }

    @Override
    public String query() {
      return request.getHttpURI().getQuery();
    }

    @Override
    public String header(String name) {
      return request.getHeaders().get(name);
    }

    @Override
    public long declaredLength() {
      return request.getLength();
    }

    @Override
    public byte[] readBody(int limit) throws IOException {
      InputStream in = Request.asInputStream(request);
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? null : body;
    }
  }
}
