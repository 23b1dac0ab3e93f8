package dev.origincloudregions.sdk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A call's result together with the HTTP answer it came from, from {@link
 * OriginCloudRegions#withRawResponse}: status, headers (such as {@code cf-ray}, Cloudflare's request
 * id) and how many attempts the call took.
 *
 * @param <T> the result's type
 */
public final class RawResponse<T> {
  private final T value;
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final int attempts;

  RawResponse(T value, int statusCode, Map<String, ? extends Collection<String>> headers, int attempts) {
    this.value = value;
    this.statusCode = statusCode;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(new ArrayList<>(values))));
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.attempts = attempts;
  }

  /** What the call returned. */
  public T value() {
    return value;
  }

  /** The HTTP status of the answer, for example 200. */
  public int statusCode() {
    return statusCode;
  }

  /** Every header of the answer; names are case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Cloudflare's id of the request ({@code cf-ray}), to quote to Cloudflare's support. */
  public Optional<String> cfRay() {
    return header("cf-ray");
  }

  /** How many attempts the call took: 1 without retries. */
  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", cfRay=" + cfRay().orElse(null) + ", attempts=" + attempts + "}";
  }
}
