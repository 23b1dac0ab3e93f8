package dev.origincloudregions.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler: adapts a Jetty request to {@link Api.Call}, writes the {@link Reply} and logs
 * one line per request (method, path, status, duration; the token is never written).
 */
final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  static final String CONTENT_TYPE = "application/json";

  private final Api api;
  private final Consumer<String> requestLog;

  ApiHandler(Api api, Consumer<String> requestLog) {
    this.api = api;
    this.requestLog = requestLog;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    Reply reply;
    try {
      reply = api.handle(new JettyCall(request));
    } catch (RuntimeException | Error e) {
      // Not reachable by any input (that is a bug); answered as an envelope all the same.
      LOG.error("Unexpected failure answering {} {}", request.getMethod(), Redaction.redact(request.getHttpURI().getPath(), api.token()), e);
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
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    log(request, reply.status(), started);
    return true;
  }

  private void log(Request request, int status, long started) {
    long micros = (System.nanoTime() - started) / 1_000;
    String path = Redaction.redact(request.getHttpURI().getPath(), api.token());
    requestLog.accept(request.getMethod() + " " + path + " " + status + " " + (micros / 1000) + "." + pad3(micros % 1000) + "ms");
  }

  private static String pad3(long n) {
    return n < 10 ? "00" + n : n < 100 ? "0" + n : Long.toString(n);
  }

  /** A Jetty request seen through {@link Api.Call}. */
  private static final class JettyCall implements Api.Call {
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
