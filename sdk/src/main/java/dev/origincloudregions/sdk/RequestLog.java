package dev.origincloudregions.sdk;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The opt-in request log ({@link OriginCloudRegions.Builder#logRequests}): one line per HTTP exchange,
 * written by {@link JdkTransport} after the answer (or the failure), for example
 *
 * <pre>
 * DELETE /client/v4/zones/023e…/origin/cloud_regions/batch -> 200 (attempt 1, 12 ms, cf-ray 8c1b2d3e4f5a6b7c-LHR)
 * GET /client/v4/zones/023e…/origin/cloud_regions?page=1&amp;per_page=100 -> ConnectException (attempt 2, 3 ms)
 * </pre>
 *
 * It holds the method, the path and query as sent (the base URL's host is left out; a base URL never
 * holds user info), the status or the exception's class, the attempt number that {@link Caller} sets
 * before each attempt, the duration and {@code cf-ray}. It never holds a header, a body, the host or a
 * credential: nothing of what it prints comes from the request's headers.
 */
final class RequestLog {
  /** The logger's name, {@code dev.origincloudregions.sdk}. */
  static final String LOGGER = "dev.origincloudregions.sdk";

  static final RequestLog SYSTEM_LOGGER =
      new RequestLog(line -> System.getLogger(LOGGER).log(Level.INFO, line));

  /** The attempt of the call running on this thread: Feign calls the transport on the caller's thread. */
  private static final ThreadLocal<int[]> ATTEMPT = ThreadLocal.withInitial(() -> new int[] {1});

  private final Consumer<String> sink;

  RequestLog(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Called by the retry loop before each attempt. */
  static void attempt(int attempt) {
    ATTEMPT.get()[0] = attempt;
  }

  void answered(String method, URI uri, int status, @Nullable String cfRay, long nanos) {
    sink.accept(line(method, uri, String.valueOf(status), cfRay, nanos));
  }

  void failed(String method, URI uri, Exception e, long nanos) {
    sink.accept(line(method, uri, e.getClass().getSimpleName(), null, nanos));
  }

  private static String line(String method, URI uri, String outcome, @Nullable String cfRay, long nanos) {
    StringBuilder line = new StringBuilder(160).append(method).append(' ').append(uri.getRawPath());
    if (uri.getRawQuery() != null) {
      line.append('?').append(uri.getRawQuery());
    }
    line.append(" -> ").append(outcome)
        .append(" (attempt ").append(ATTEMPT.get()[0])
        .append(", ").append(nanos / 1_000_000).append(" ms");
    if (cfRay != null) {
      line.append(", cf-ray ").append(cfRay);
    }
    return line.append(')').toString();
  }
}
