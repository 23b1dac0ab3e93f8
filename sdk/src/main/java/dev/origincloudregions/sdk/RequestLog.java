package dev.origincloudregions.sdk;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The opt-in request log ({@link OriginCloudRegions.Builder#logRequests}): told by {@link Caller} after
 * every attempt, it writes one line, for example
 *
 * <pre>
 * bulkDelete: DELETE /client/v4/zones/023e…/origin/cloud_regions/batch -> 200 (attempt 1, 12 ms, cf-ray 8c1b2d3e4f5a6b7c-LHR)
 * listPage: GET /client/v4/zones/023e…/origin/cloud_regions?page=1&amp;per_page=100 -> ConnectException (attempt 2, 3 ms)
 * </pre>
 *
 * It holds the operation, the method, the path and query as sent (not the host), the status or, when no
 * answer came, the exception's class, the attempt number, the duration and {@code cf-ray}. Nothing of it
 * comes from the request's headers or body, so it never holds a credential (and a base URL never holds
 * user info: the builder refuses one).
 */
final class RequestLog implements AttemptListener {
  /** The logger's name, {@code dev.origincloudregions.sdk}. */
  static final String LOGGER = "dev.origincloudregions.sdk";

  static final RequestLog SYSTEM_LOGGER =
      new RequestLog(line -> System.getLogger(LOGGER).log(Level.INFO, line));

  private final Consumer<String> sink;

  RequestLog(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public void attemptDone(Attempt attempt) {
    sink.accept(line(attempt));
  }

  static String line(Attempt a) {
    StringBuilder line = new StringBuilder(160).append(a.operation()).append(": ")
        .append(a.method() == null ? "-" : a.method()).append(' ').append(pathAndQuery(a.url()))
        .append(" -> ");
    if (a.status() >= 0) {
      line.append(a.status());
    } else {
      // The JDK's exception (ConnectException, HttpTimeoutException, ...), not the SDK's or Feign's wrappers.
      Throwable reported = a.failure();
      while (reported != null && reported.getCause() != null
          && (reported instanceof OriginCloudRegionsException || reported instanceof feign.FeignException)) {
        reported = reported.getCause();
      }
      line.append(reported == null ? "no answer" : reported.getClass().getSimpleName());
    }
    line.append(" (attempt ").append(a.number()).append(", ").append(a.durationNanos() / 1_000_000).append(" ms");
    if (a.cfRay() != null) {
      line.append(", cf-ray ").append(a.cfRay());
    }
    return line.append(')').toString();
  }

  private static String pathAndQuery(@Nullable String url) {
    if (url == null) {
      return "-";
    }
    try {
      URI uri = new URI(url);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (java.net.URISyntaxException e) {
      return "-"; // the transport refuses such a URL before sending it
    }
  }
}
