package dev.origincloudregions.sdk;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one call of the public API tells its transport, and what the transport tells it back, on the
 * calling thread: Feign runs each request synchronously on the thread of {@link Caller#call}, so a
 * thread-local needs no change to the generated interface. Caller sets the attempt's time budget and
 * extra headers; {@link JdkTransport} records the request line and the answer's status and headers.
 */
final class CallScope {
  private static final ThreadLocal<@Nullable CallScope> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<@Nullable Capture> CAPTURE = new ThreadLocal<>();

  final Map<String, String> extraHeaders;
  /** The longest the current attempt may wait for its answer; Long.MAX_VALUE for no limit. */
  long attemptBudgetNanos = Long.MAX_VALUE;

  // Recorded by the transport, per attempt.
  @Nullable String method;
  @Nullable String url;
  int status = -1;
  Map<String, ? extends Collection<String>> headers = Map.of();

  CallScope(Map<String, String> extraHeaders) {
    this.extraHeaders = extraHeaders;
  }

  static @Nullable CallScope current() {
    return CURRENT.get();
  }

  /** Makes {@code scope} current and returns the one it replaces, for {@link #exit}. */
  static @Nullable CallScope enter(CallScope scope) {
    CallScope outer = CURRENT.get();
    CURRENT.set(scope);
    return outer;
  }

  static void exit(@Nullable CallScope outer) {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  void beginAttempt(long budgetNanos) {
    attemptBudgetNanos = budgetNanos;
    method = null;
    url = null;
    status = -1;
    headers = Map.of();
  }

  /** The answer's {@code cf-ray} header, if an answer arrived and had one. */
  @Nullable String cfRay() {
    return header("cf-ray");
  }

  @Nullable String header(String name) {
    for (Map.Entry<String, ? extends Collection<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }

  /** Tells an active {@link Capture} about the answer this call ended with. */
  void finish(int attempts) {
    Capture capture = CAPTURE.get();
    if (capture != null && status >= 0) {
      capture.status = status;
      capture.headers = headers;
      capture.attempts = attempts;
    }
  }

  /** The answer of the last call made while it is active; see {@link OriginCloudRegions#withRawResponse}. */
  static final class Capture {
    int status = -1;
    Map<String, ? extends Collection<String>> headers = Map.of();
    int attempts;
    private @Nullable Capture outer;

    static Capture start() {
      Capture c = new Capture();
      c.outer = CAPTURE.get();
      CAPTURE.set(c);
      return c;
    }

    void stop() {
      if (outer == null) {
        CAPTURE.remove();
      } else {
        CAPTURE.set(outer);
      }
    }
  }
}
