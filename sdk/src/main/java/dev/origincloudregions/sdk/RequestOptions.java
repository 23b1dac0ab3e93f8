package dev.origincloudregions.sdk;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Settings for some calls only, applied through {@link OriginCloudRegions#withOptions}: a view of the
 * client with the same methods, connections and credentials, so no method needs a second signature.
 *
 * <pre>{@code
 * RequestOptions urgent = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))                    // the whole call, retries and waits included
 *     .retryPolicy(RetryPolicy.NONE)
 *     .header("X-Request-Source", "nightly-cleanup")
 *     .build();
 * BatchResult r = client.withOptions(urgent).bulkDelete(zone, ips);
 * }</pre>
 *
 * Unset settings keep the client's. Immutable and reusable.
 */
public final class RequestOptions {
  /** Headers the client sets itself: credentials, the body's type and length, the connection's. */
  private static final Set<String> RESERVED =
      Set.of("authorization", "x-auth-email", "x-auth-key", "user-agent", "content-type", "content-length",
          "accept", "host", "connection", "expect", "upgrade", "transfer-encoding", "te", "trailer",
          "keep-alive", "proxy-authorization");

  final @Nullable Duration timeout;
  final @Nullable RetryPolicy retryPolicy;
  final Map<String, String> headers;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.retryPolicy = b.retryPolicy;
    this.headers = Map.copyOf(b.headers);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", retryPolicy=" + retryPolicy + ", headers=" + headers.keySet() + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable RetryPolicy retryPolicy;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The call's deadline: every attempt, backoff, {@code Retry-After} and pacing wait of one call must
     * fit in it (see {@link OriginCloudRegions.Builder#callTimeout}).
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive(timeout, "timeout");
      return this;
    }

    /** The retry policy of these calls. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * One more request header, replacing an earlier one of the same name. Names are HTTP tokens; values
     * printable ASCII. The headers the client sets itself (credentials, {@code User-Agent}, {@code
     * Content-Type}, {@code Accept}, and those of the connection) are refused.
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
        throw new IllegalArgumentException("header name must be an HTTP token, got '" + name + "'");
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + name + " is set by the client itself");
      }
      if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
        throw new IllegalArgumentException("header " + name + ": the value must be printable ASCII");
      }
      headers.put(name, value);
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
