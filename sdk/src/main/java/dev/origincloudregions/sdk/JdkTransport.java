package dev.origincloudregions.sdk;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The transport of both Feign and the {@link DirectRoute}s: one shared {@link HttpClient}, which
 * sends PATCH and a body on DELETE, keeps connections alive and speaks HTTP/2 over TLS.
 *
 * <p>It replaces feign-java11's Http2Client for two reasons found by profiling (sdk/README.md,
 * "Performance"). Each answer is read whole ({@code BodyHandlers.ofByteArray()}), so the connection
 * always goes back to the pool; a body stream closed before its end made the JDK drop the connection.
 * And the credentials and User-Agent are set here, on the JDK request, instead of through a Feign
 * RequestInterceptor, which parses every header it adds as a template on every call.
 */
final class JdkTransport implements Client {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    RESTRICTED.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade"));
  }

  private final HttpClient http;
  private final Credentials credentials;
  private final String userAgent;
  private final HttpResponse.BodyHandler<byte[]> bodyHandler;

  JdkTransport(HttpClient http, Credentials credentials, String userAgent, int maxResponseBytes) {
    this.http = http;
    this.credentials = credentials;
    this.userAgent = userAgent;
    this.bodyHandler = CappedBody.handler(maxResponseBytes);
  }

  /** Whether the JDK client sets header {@code name} itself and refuses it from callers. */
  static boolean isRestricted(String name) {
    return RESTRICTED.contains(name);
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpResponse<byte[]> response =
        send(request.httpMethod().name(), request.url(), request.body(),
            TimeUnit.MILLISECONDS.toNanos(options.readTimeoutMillis()),
            builder -> {
              for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
                if (!isRestricted(header.getKey())) {
                  for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                  }
                }
              }
            });
    return Response.builder()
        .request(request)
        .status(response.statusCode())
        .headers(new LinkedHashMap<>(response.headers().map()))
        .body(response.body())
        .build();
  }

  /**
   * Sends one request and reads its answer whole; Feign's requests ({@link #execute}) and the {@link
   * DirectRoute}s both go through here. The call's scope, if any, bounds the read timeout by the
   * attempt's budget, adds its extra headers, and records the request line and the answer.
   *
   * @param headers adds the operation's own headers; the extra headers, credentials and User-Agent
   *     follow and win
   */
  HttpResponse<byte[]> send(String method, String url, byte @Nullable [] body, long readTimeoutNanos,
      Consumer<HttpRequest.Builder> headers) throws IOException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IOException("invalid URL " + url, e);
    }
    CallScope scope = CallScope.current();
    long timeoutNanos = readTimeoutNanos;
    if (scope != null) {
      timeoutNanos = Math.max(1, Math.min(timeoutNanos, scope.attemptBudgetNanos));
      scope.method = method;
      scope.url = url;
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofNanos(timeoutNanos))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.accept(builder);
    if (scope != null) {
      scope.extraHeaders.forEach(builder::setHeader);
    }
    credentials.apply(builder::setHeader);
    builder.setHeader("User-Agent", userAgent);

    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), bodyHandler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + method + " " + uri);
    }
    if (scope != null) {
      scope.status = response.statusCode();
      scope.headers = response.headers().map();
    }
    return response;
  }
}
