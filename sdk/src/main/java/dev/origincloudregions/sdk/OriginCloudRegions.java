package dev.origincloudregions.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.generated.api.OriginCloudRegionsApi;
import dev.origincloudregions.sdk.generated.invoker.ApiClient;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A client for Cloudflare's origin cloud regions API (v1): the mappings from a zone's origin IP
 * addresses to the cloud region hosting them.
 *
 * <pre>{@code
 * OriginCloudRegions client = OriginCloudRegions.builder()
 *     .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))   // the default, so optional
 *     .build();
 * BatchResult result = client.bulkDelete(zoneId, List.of("192.0.2.1", "2001:db8::1"));
 * result.failed().forEach(item -> System.out.println(item.originIp() + ": " + item.error()));
 * }</pre>
 *
 * <h2>Errors</h2>
 *
 * A request the server refuses throws {@link ApiException} with the HTTP status and every {@code code
 * message} of the error envelope; no usable answer throws {@link TransportException}. Both happen only
 * after the {@link RetryPolicy} gave up. Arguments that cannot be right (null, more than {@value
 * #MAX_BATCH_SIZE} batch items) are refused before anything is sent.
 *
 * <h2>Batches</h2>
 *
 * {@link #bulkDelete} and {@link #bulkUpsert} send one request of at most {@value #MAX_BATCH_SIZE}
 * items, as the API allows. Items are judged one by one: a bad item lands in {@link
 * BatchResult#failed()} and never fails the call. {@link #bulkDeleteAll} and {@link #bulkUpsertAll} take
 * any number of items, send them in batches of {@value #MAX_BATCH_SIZE} in input order, and merge the
 * results in input order.
 *
 * <p>Instances are thread-safe and meant to be shared.
 */
public final class OriginCloudRegions {
  /** The most items one batch request may hold. */
  public static final int MAX_BATCH_SIZE = 100;

  /** Cloudflare's API base URL, the default. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  private final OriginCloudRegionsApi api;
  private final RetryPolicy retryPolicy;
  private final String baseUrl;
  private final Credentials credentials;

  private OriginCloudRegions(Builder b, Credentials credentials) {
    this.retryPolicy = b.retryPolicy;
    this.baseUrl = b.baseUrl;
    this.credentials = credentials;

    ApiClient apiClient = new ApiClient();
    ObjectMapper mapper = apiClient.getObjectMapper(); // the same instance the encoder and decoder use
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL); // never send null fields
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    apiClient.setBasePath(b.baseUrl);

    HttpClient http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1 for http:// (no h2c upgrade dance); HTTP/2 where TLS can negotiate it.
            .version(b.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    apiClient
        .getFeignBuilder()
        .client(new JdkTransport(http, credentials, b.userAgent))
        .options(
            new Request.Options(
                b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                b.readTimeout.toMillis(), TimeUnit.MILLISECONDS,
                false))
        .retryer(Retryer.NEVER_RETRY) // retries are ours: see call()
        .decoder(new JsonBodyDecoder(mapper)) // reads to the end, so that the connection is kept
        .errorDecoder(new HttpError.Decoder(mapper))
        .logLevel(Logger.Level.NONE);
    this.api = apiClient.buildClient(OriginCloudRegionsApi.class);
  }

  /** Starts configuring a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every mapping of the zone, by address (IPv4 first). */
  public MappingList list(String zoneId) {
    String zone = zone(zoneId);
    return call("list", () -> Models.list(api.originCloudRegionsList(zone)));
  }

  /**
   * Creates a mapping. Fails with 400 (code 1145) if the IP is mapped already: use {@link #upsert} to
   * replace.
   */
  public Mapping create(String zoneId, MappingRequest request) {
    String zone = zone(zoneId);
    Objects.requireNonNull(request, "request == null");
    return call("create", () -> Models.single(api.originCloudRegionsCreate(zone, Models.request(request))));
  }

  /** Creates or replaces a mapping and returns the zone's whole list after the change. */
  public MappingList upsert(String zoneId, MappingRequest request) {
    String zone = zone(zoneId);
    Objects.requireNonNull(request, "request == null");
    return call("upsert", () -> Models.list(api.originCloudRegionsUpsert(zone, Models.request(request))));
  }

  /** The mapping of one IP (any valid text form). A missing mapping throws 404 (code 1142). */
  public Mapping get(String zoneId, String ip) {
    String zone = zone(zoneId);
    String path = pathIp(ip);
    return call("get", () -> Models.single(api.originCloudRegionsGet(zone, path)));
  }

  /** Deletes the mapping of one IP and returns it. A missing mapping throws 404 (code 1142). */
  public Mapping delete(String zoneId, String ip) {
    String zone = zone(zoneId);
    String path = pathIp(ip);
    return call("delete", () -> Models.single(api.originCloudRegionsDelete(zone, path)));
  }

  /**
   * Deletes up to {@value #MAX_BATCH_SIZE} mappings in one request. Each IP is judged on its own:
   * deleted ones are in {@link BatchResult#succeeded()} with the vendor and region they had; missing,
   * invalid or repeated ones are in {@link BatchResult#failed()}.
   *
   * @throws IllegalArgumentException for more than {@value #MAX_BATCH_SIZE} IPs, before sending
   *     anything; {@link #bulkDeleteAll} takes any number
   */
  public BatchResult bulkDelete(String zoneId, List<String> ips) {
    String zone = zone(zoneId);
    List<String> body = batch(ips, "bulkDelete", "IPs", "bulkDeleteAll");
    return call("bulkDelete", () -> Models.batch(api.originCloudRegionsBatchDelete(zone, body)));
  }

  /**
   * Creates or replaces up to {@value #MAX_BATCH_SIZE} mappings in one request; mappings not named are
   * left alone. Each item is judged on its own.
   *
   * @throws IllegalArgumentException for more than {@value #MAX_BATCH_SIZE} items, before sending
   *     anything; {@link #bulkUpsertAll} takes any number
   */
  public BatchResult bulkUpsert(String zoneId, List<MappingRequest> items) {
    String zone = zone(zoneId);
    var body = batch(items, "bulkUpsert", "items", "bulkUpsertAll").stream().map(Models::request).toList();
    return call("bulkUpsert", () -> Models.batch(api.originCloudRegionsBatchUpsert(zone, body)));
  }

  /** {@link #bulkDeleteAll(String, List, BatchProgressListener)} without a listener. */
  public BatchResult bulkDeleteAll(String zoneId, List<String> ips) {
    return bulkDeleteAll(zoneId, ips, (done, total, batch) -> {});
  }

  /**
   * Deletes any number of mappings, {@value #MAX_BATCH_SIZE} per request, in input order. The
   * result's {@code succeeded} and {@code failed} lists keep the input order; its {@code modifiedOn} is
   * the latest of the batches'. An empty input sends nothing.
   *
   * <p>The same IP in two different batches is not a duplicate to the server: the second one fails as
   * "not found". A batch refused as a whole stops the call with {@link BatchAbortedException}, which
   * holds what the earlier batches did.
   */
  public BatchResult bulkDeleteAll(String zoneId, List<String> ips, BatchProgressListener listener) {
    String zone = zone(zoneId);
    Objects.requireNonNull(ips, "ips == null");
    return inBatches(List.copyOf(ips), listener, chunk -> bulkDelete(zone, chunk));
  }

  /** {@link #bulkUpsertAll(String, List, BatchProgressListener)} without a listener. */
  public BatchResult bulkUpsertAll(String zoneId, List<MappingRequest> items) {
    return bulkUpsertAll(zoneId, items, (done, total, batch) -> {});
  }

  /**
   * Creates or replaces any number of mappings, {@value #MAX_BATCH_SIZE} per request, in input order;
   * results are merged as in {@link #bulkDeleteAll(String, List, BatchProgressListener)}.
   */
  public BatchResult bulkUpsertAll(
      String zoneId, List<MappingRequest> items, BatchProgressListener listener) {
    String zone = zone(zoneId);
    Objects.requireNonNull(items, "items == null");
    return inBatches(List.copyOf(items), listener, chunk -> bulkUpsert(zone, chunk));
  }

  /** The vendors and regions that mappings may name. */
  public SupportedRegions supportedRegions(String zoneId) {
    String zone = zone(zoneId);
    return call("supportedRegions", () -> Models.supported(api.originCloudRegionsSupportedRegions(zone)));
  }

  @Override
  public String toString() {
    return "OriginCloudRegions{baseUrl=" + baseUrl + ", credentials=" + credentials
        + ", retryPolicy=" + retryPolicy + "}";
  }

  private interface BatchCall<T> {
    BatchResult send(List<T> chunk);
  }

  private static <T> BatchResult inBatches(List<T> items, BatchProgressListener listener, BatchCall<T> send) {
    Objects.requireNonNull(listener, "listener == null");
    List<BatchItem> succeeded = new ArrayList<>();
    List<BatchItem> failed = new ArrayList<>();
    OffsetDateTime modifiedOn = null;
    for (int from = 0; from < items.size(); from += MAX_BATCH_SIZE) {
      int to = Math.min(items.size(), from + MAX_BATCH_SIZE);
      BatchResult batch;
      try {
        batch = send.send(items.subList(from, to));
      } catch (OriginCloudRegionsException e) {
        throw new BatchAbortedException(new BatchResult(modifiedOn, succeeded, failed), from, items.size(), e);
      }
      succeeded.addAll(batch.succeeded());
      failed.addAll(batch.failed());
      modifiedOn = latest(modifiedOn, batch.modifiedOn());
      listener.batchDone(to, items.size(), batch);
    }
    return new BatchResult(modifiedOn, succeeded, failed);
  }

  private static @Nullable OffsetDateTime latest(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }

  private static <T> List<T> batch(List<T> items, String operation, String noun, String helper) {
    Objects.requireNonNull(items, noun + " == null");
    List<T> copy = List.copyOf(items); // also refuses null elements
    if (copy.size() > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          operation + " takes at most " + MAX_BATCH_SIZE + " " + noun + " per request, got " + copy.size()
              + "; use " + helper + " to send any number in batches of " + MAX_BATCH_SIZE);
    }
    return copy;
  }

  private static String zone(String zoneId) {
    Objects.requireNonNull(zoneId, "zoneId == null");
    if (zoneId.isEmpty() || !unreserved(zoneId)) {
      throw new IllegalArgumentException(
          "zoneId must be a zone identifier (32 hex digits), got '" + zoneId + "'");
    }
    return zoneId;
  }

  private static String pathIp(String ip) {
    Objects.requireNonNull(ip, "ip == null");
    if (ip.isEmpty() || !unreserved(ip)) {
      throw new IllegalArgumentException(
          "ip must be one IPv4 or IPv6 address without prefix length or zone index, got '" + ip + "'");
    }
    return ip;
  }

  /**
   * Path values must not change the path: no separators, escapes or control characters, and not a dot
   * segment ({@code .} or {@code ..}), which is sent as is and which URL normalisation on the way (RFC
   * 3986 section 5.2.4) would resolve to another resource.
   */
  private static boolean unreserved(String s) {
    return !s.equals(".")
        && !s.equals("..")
        && s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "/?#%\\".indexOf(c) < 0);
  }

  /** Sends a request, retrying as the policy says, and turns failures into the public exceptions. */
  private <T> T call(String operation, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      OriginCloudRegionsException failure;
      Duration wait;
      try {
        return request.get();
      } catch (HttpError e) {
        ApiException error = e.toApiException(operation);
        failure = error;
        wait = retryWait(error, attempt);
      } catch (RetryableException e) { // Feign's wrapper of an IOException: no answer arrived
        failure = new TransportException(operation + ": " + describe(e), e);
        wait = attempt < retryPolicy.maxAttempts() ? retryPolicy.backoff(attempt) : null;
      } catch (FeignException | Models.MalformedResponse e) {
        throw new TransportException(operation + ": unreadable response: " + describe(e), e);
      }
      if (wait == null) {
        throw failure;
      }
      sleep(wait, failure);
    }
  }

  private @Nullable Duration retryWait(ApiException error, int attempt) {
    boolean retryable = error.status() == 429 || error.status() >= 500;
    if (!retryable || attempt >= retryPolicy.maxAttempts()) {
      return null;
    }
    if (error.status() == 429 && error.retryAfter().isPresent()) {
      Duration retryAfter = error.retryAfter().get();
      return retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0 ? null : retryAfter;
    }
    return retryPolicy.backoff(attempt);
  }

  private static void sleep(Duration wait, OriginCloudRegionsException failure) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /**
   * What went wrong, for a message: the exception that the transport or the decoder reported (the one
   * Feign wraps), by class name and the first message found among its causes, plus the request line
   * when no answer arrived. The class name always stays: the JDK reports a refused connection as a
   * ConnectException without a message, caused by a ClosedChannelException without one either.
   */
  private static String describe(Exception e) {
    Throwable reported = e instanceof FeignException && e.getCause() != null ? e.getCause() : e;
    String message = null;
    for (Throwable t = reported; t != null && message == null; t = t.getCause()) {
      message = t.getMessage();
    }
    String what = reported.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    if (e instanceof RetryableException r && r.hasRequest()) {
      return what + " (" + r.request().httpMethod() + " " + r.request().url() + ")";
    }
    return what;
  }

  /**
   * Configures an {@link OriginCloudRegions} client. Only credentials are needed; they default to the
   * {@code CLOUDFLARE_API_TOKEN} environment variable, as in Cloudflare's own SDKs.
   */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable Credentials credentials;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private String userAgent = defaultUserAgent();

    private Builder() {}

    /** The API's base URL, path included; default {@value OriginCloudRegions#DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      if (baseUrl.indexOf('@') >= 0) {
        // User info would be repeated in toString() and in error messages; the URL is not shown.
        throw new IllegalArgumentException(
            "baseUrl must not contain '@' (user info): credentials go in apiToken(...) or emailAndKey(...)");
      }
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: '" + baseUrl + "'", e);
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "baseUrl must be an absolute http or https URL, for example " + DEFAULT_BASE_URL + ", got '"
                + baseUrl + "'");
      }
      this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      return this;
    }

    /**
     * Authenticates with an API token, sent as {@code Authorization: Bearer <token>}. A token that is
     * not printable ASCII without spaces is refused here, and the message does not repeat it.
     */
    public Builder apiToken(String token) {
      this.credentials = Credentials.token(token);
      return this;
    }

    /** Authenticates with an account email and Global API key ({@code X-Auth-Email}, {@code X-Auth-Key}). */
    public Builder emailAndKey(String email, String key) {
      this.credentials = Credentials.emailAndKey(email, key);
      return this;
    }

    /**
     * Sends no credentials at all: for a local server that needs none, or to check that a server refuses
     * unauthenticated requests.
     */
    public Builder noCredentials() {
      this.credentials = Credentials.NONE;
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for a response once the request is sent; default 60 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** When to retry; default {@link RetryPolicy#DEFAULT}, and {@link RetryPolicy#NONE} turns it off. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** The {@code User-Agent} header; default {@code origin-cloud-regions-java/<version>}. */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      // ASCII only, as for credentials: the JDK's HTTP client would refuse other text on every call.
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
        throw new IllegalArgumentException("userAgent must be non-blank printable ASCII text");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no credentials were given and {@code CLOUDFLARE_API_TOKEN} is
     *     not set
     */
    public OriginCloudRegions build() {
      Credentials c = credentials;
      if (c == null) {
        String fromEnv = System.getenv("CLOUDFLARE_API_TOKEN");
        if (fromEnv == null || fromEnv.isBlank()) {
          throw new IllegalStateException(
              "No credentials: call apiToken(...) or emailAndKey(...), or set CLOUDFLARE_API_TOKEN");
        }
        c = Credentials.token(fromEnv.trim(), "CLOUDFLARE_API_TOKEN");
      }
      return new OriginCloudRegions(this, c);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    private static String defaultUserAgent() {
      String version = OriginCloudRegions.class.getPackage().getImplementationVersion();
      return "origin-cloud-regions-java/" + (version == null ? "dev" : version)
          + " Java/" + System.getProperty("java.version");
    }
  }
}
