package dev.origincloudregions.server;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests that Jetty refuses before the API sees them (a malformed request line or
 * header, a header section too large, a bad URI encoding) with the same JSON envelope as every other
 * error [E1, E2], code 6003, with Jetty's reason (left out if it holds the token [A3]). Such a
 * request is always the client's fault, so a 5xx status that Jetty may choose (505 for an unknown
 * HTTP version) becomes 400 [E4].
 */
final class JsonErrorHandler implements Request.Handler {
  static final int CODE = 6003;
  private static final int MAX_REASON_LENGTH = 120;

  private final String token;
  private final Consumer<String> requestLog;
  private final ExchangeObserver observer;

  JsonErrorHandler(String token, Consumer<String> requestLog, ExchangeObserver observer) {
    this.token = token;
    this.requestLog = requestLog;
    this.observer = observer;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
    if (cause instanceof HttpException httpException) {
      status = httpException.getCode();
    }
    if (status < 400 || status >= 500) {
      status = HttpStatus.BAD_REQUEST_400;
    }
    String reason = HttpStatus.getMessage(status);
    Object detail = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    // Jetty's own reason ("No Host", "Unsupported Version") when it says more, unless it holds the token.
    if (detail instanceof String text && !text.isBlank() && !text.equals(reason) && !text.contains(token)) {
      reason = reason + " (" + (text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "..." : text) + ")";
    }
    byte[] body = Json.failure(CODE, "Malformed HTTP request: " + reason + ".");
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiHandler.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store"); // as every other answer
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    requestLog.accept(ApiHandler.logLine(request, status, request.getBeginNanoTime(), token));
    observer.exchanged(request.getMethod(), null, status, ApiHandler.CONTENT_TYPE, body);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
