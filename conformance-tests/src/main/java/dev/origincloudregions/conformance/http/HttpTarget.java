package dev.origincloudregions.conformance.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.origincloudregions.conformance.RunResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Raw HTTP access to the target with {@link HttpClient}: no SDK, no decoding beyond a strict JSON parse, so checks
 * see envelopes, headers and exact keys as sent. Every request is paced (SAFE4), guarded (SAFE1/SAFE2, see
 * {@link Safety}) and shown to the listeners (the audits).
 */
public final class HttpTarget {

  public static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** How a request authenticates. */
  public static final class Auth {
    public static final Auth DEFAULT = new Auth(null);
    public static final Auth NONE = new Auth(List.of());

    final List<Map.Entry<String, String>> headers;

    private Auth(List<Map.Entry<String, String>> headers) {
      this.headers = headers;
    }

    public static Auth headers(String... nameValue) {
      List<Map.Entry<String, String>> h = new ArrayList<>();
      for (int i = 0; i < nameValue.length; i += 2) {
        h.add(Map.entry(nameValue[i], nameValue[i + 1]));
      }
      return new Auth(List.copyOf(h));
    }
  }

  private final String baseUrl;
  private final TargetCredentials credentials;
  private final HttpClient client;
  private final Pacer pacer;
  private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();
  private volatile Safety safety;
  private volatile RunControl control = RunControl.unlimited();
  private volatile Recorder recorder;
  private final java.util.concurrent.atomic.AtomicInteger droppedInARow = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger staleRetries = new java.util.concurrent.atomic.AtomicInteger();

  public HttpTarget(String baseUrl, TargetCredentials credentials, Pacer pacer) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.credentials = credentials;
    this.pacer = pacer;
    this.client = newClient();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public TargetCredentials credentials() {
    return credentials;
  }

  public Pacer pacer() {
    return pacer;
  }

  public void addListener(Consumer<Exchange> listener) {
    listeners.add(listener);
  }

  public void safety(Safety safety) {
    this.safety = safety;
  }

  public void recorder(Recorder recorder) {
    this.recorder = recorder;
  }

  public void control(RunControl control) {
    this.control = control;
  }

  public RunControl control() {
    return control;
  }

  /** Requests sent so far (retries included). */
  public int sent() {
    return control.sent();
  }

  /** Percent-encodes one path segment: everything but unreserved characters and ':'. */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Exchange get(String path) {
    return send("GET", path, null, null, Auth.DEFAULT, Map.of());
  }

  public Exchange send(String method, String path, Object jsonBody) {
    return send(method, path, jsonBody == null ? null : json(jsonBody), "application/json", Auth.DEFAULT, Map.of());
  }

  public Exchange send(String method, String path, byte[] body, String contentType, Auth auth,
      Map<String, String> extraHeaders) {
    if (safety != null) {
      safety.guard(method, path, body);
    }
    String url = baseUrl + path;
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    List<Map.Entry<String, String>> authHeaders = auth.headers == null ? credentials.headers() : auth.headers;
    headers.addAll(authHeaders);
    if (contentType != null) {
      headers.add(Map.entry("Content-Type", contentType));
    }
    headers.add(Map.entry("Accept", "application/json"));
    headers.add(Map.entry("User-Agent", "origin-cloud-regions-conformance"));
    extraHeaders.forEach((k, v) -> headers.add(Map.entry(k, v)));
    Recorder rec = recorder;
    if (rec != null) {
      rec.beforeSend(method, url, baseUrl, headers, body);
    }
    for (int attempt = 0; ; attempt++) {
      control.beforeRequest();
      pacer.acquire();
      stopIfInterrupted();
      Exchange ex = exchange(client, method, url, headers, body);
      if (ex.status() < 0) {
        // A pooled connection the server had already closed: try once more on a fresh connection, so that
        // only a request that fails on its own connection counts as dropped (E4).
        staleRetries.incrementAndGet();
        control.beforeRequest();
        HttpClient fresh = newClient();
        ex = exchange(fresh, method, url, headers, body);
      }
      Exchange done = ex;
      if (rec != null) {
        rec.record(done);
      }
      if (done.status() < 0) {
        unreachableUnlessAnswering(done);
      } else {
        droppedInARow.set(0);
      }
      listeners.forEach(l -> l.accept(done));
      if (done.status() != 429 || attempt >= 5) {
        return done;
      }
      pacer.pauseFor(retryAfter(done));
      stopIfInterrupted();
    }
  }

  /**
   * After a request got no answer: a target that refuses connections, or that failed three requests in a row,
   * has stopped answering, and the run stops (not a failure of the check: the target is gone). One dropped
   * connection of a target that still answers is evidence for E4.
   */
  private void unreachableUnlessAnswering(Exchange ex) {
    int inARow = droppedInARow.incrementAndGet();
    URI u = URI.create(baseUrl);
    int port = u.getPort() > 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
    boolean connects;
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(u.getHost(), port), 3000);
      connects = true;
    } catch (IOException e) {
      connects = false;
    }
    if (!connects || inARow >= 3) {
      control.stop(RunResult.Outcome.UNREACHABLE, (connects ? inARow + " requests in a row got no answer"
          : "connecting to " + u.getHost() + ":" + port + " fails") + " (last: " + ex.brief() + ")");
      throw new RunControl.RunStopped(control.stopped());
    }
  }

  private void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      control.stop(RunResult.Outcome.INTERRUPTED, "the run was interrupted");
      throw new RunControl.RunStopped(control.stopped());
    }
  }

  /**
   * Sends headers and part of a body announced as {@code declared} bytes (chunked when negative) on a raw socket,
   * paced, counted and shown to the listeners like every other request (see {@link SocketHttp}).
   */
  public Exchange partial(String url, String method, List<Map.Entry<String, String>> headers, byte[] sent, long declared,
      int timeoutMillis) {
    Recorder rec = recorder;
    if (rec != null) {
      rec.beforeSend(method, url, baseUrl, headers, sent);
    }
    control.beforeRequest();
    pacer.acquire();
    stopIfInterrupted();
    Exchange ex = SocketHttp.partial(url, method, headers, sent, declared, timeoutMillis, credentials::resolve);
    if (rec != null) {
      rec.record(ex);
    }
    listeners.forEach(l -> l.accept(ex));
    return ex;
  }

  int staleRetries() {
    return staleRetries.get();
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Headers for the wire: placeholders replaced by the secrets they stand for. */
  List<Map.Entry<String, String>> resolve(List<Map.Entry<String, String>> templates) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    templates.forEach(h -> out.add(Map.entry(h.getKey(), credentials.resolve(h.getValue()))));
    return out;
  }

  private Exchange exchange(HttpClient client, String method, String url, List<Map.Entry<String, String>> headers, byte[] body) {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot build a URL from " + url + ": " + e.getMessage(), e);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> h : resolve(headers)) {
      b.header(h.getKey(), h.getValue());
    }
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return complete(method, url, headers, body, false, r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      return new Exchange(method, url, headers, body, false, -1, Map.of(), new byte[0], null, null,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopIfInterrupted();
      throw new IllegalStateException(e);
    }
  }

  static Exchange complete(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
      boolean chunked, int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {
    Map<String, List<String>> lower = new TreeMap<>();
    responseHeaders.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    JsonNode json = null;
    String jsonError = null;
    try {
      json = responseBody.length == 0 ? null : JSON.readTree(responseBody);
      if (json == null) {
        jsonError = "empty body";
      }
    } catch (IOException e) {
      jsonError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
    return new Exchange(method, url, headers, body, chunked, status, lower, responseBody, json, jsonError, null);
  }

  /** Retry-After as seconds or an HTTP date; one second when absent or unreadable. */
  static Duration retryAfter(Exchange ex) {
    String v = ex.header("retry-after");
    if (v == null) {
      return Duration.ofSeconds(1);
    }
    try {
      return Duration.ofSeconds(Math.min(120, Math.max(0, Long.parseLong(v.trim()))));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d.compareTo(Duration.ofMinutes(2)) > 0 ? Duration.ofMinutes(2) : d;
      } catch (RuntimeException e2) {
        return Duration.ofSeconds(1);
      }
    }
  }
}
