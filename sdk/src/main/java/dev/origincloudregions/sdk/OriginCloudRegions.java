package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.internal.generated.api.OriginCloudRegionsApi;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A client for Cloudflare's origin cloud regions API: the mappings from a zone's origin IP addresses to
 * the cloud region hosting them. Its methods speak the current family, v2 ({@code
 * /zones/{zone_id}/origin/cloud_regions}); {@link #v1()} gives the deprecated v1 family on the same
 * connection, retries and credentials.
 *
 * <pre>{@code
 * OriginCloudRegions client = OriginCloudRegions.builder()
 *     .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))   // the default, so optional
 *     .build();
 * client.put(zoneId, MappingRequest.of("192.0.2.1", "aws", "us-east-1"));
 * for (Mapping m : client.list(zoneId)) {                 // every mapping, page by page
 *   System.out.println(m.originIp() + " " + m.vendor() + "/" + m.region());
 * }
 * BatchResult result = client.bulkDelete(zoneId, List.of("192.0.2.1", "2001:db8::1"));
 * result.failed().forEach(item -> System.out.println(item.originIp() + ": " + item.error()));
 * }</pre>
 *
 * <h2>Errors</h2>
 *
 * A request the server refuses throws {@link ApiException} with the HTTP status, every {@code code
 * message} of the error envelope and the {@code cf-ray} id, as a subclass for the cases callers branch
 * on ({@link NotFoundException}, {@link AuthenticationException}, {@link RateLimitedException}, {@link
 * ZoneFullException}, {@link InvalidRequestException}); no usable answer throws {@link
 * TransportException}. Both happen only after the {@link RetryPolicy} gave up, or when the call's
 * timeout ({@link Builder#callTimeout}) is spent. {@link RetryPolicy} says what is retried, and how the
 * answer of a retry after a lost answer is read. Arguments that cannot be right (null, more than {@value
 * #MAX_BATCH_SIZE} batch items, a page size outside 1 to {@value #MAX_PAGE_SIZE}) are refused before
 * anything is sent.
 *
 * <h2>Batches</h2>
 *
 * {@link #bulkDelete} and {@link #bulkPut} send one request of at most {@value #MAX_BATCH_SIZE} items,
 * as the API allows. Items are judged one by one: a bad item lands in {@link BatchResult#failed()} and
 * never fails the call. {@link #bulkDeleteAll} and {@link #bulkPutAll} take any number of items, send
 * them in batches of {@value #MAX_BATCH_SIZE} in input order, and merge the results in input order.
 * Unlike Cloudflare's own SDKs, {@link #bulkDelete} sends its IPs, as the JSON array body the API
 * documents.
 *
 * <p>Instances are thread-safe and meant to be shared.
 */
public final class OriginCloudRegions {
  /** The most items one batch request may hold. */
  public static final int MAX_BATCH_SIZE = 100;

  /** The largest page {@link #listPage} may ask for, and the page size {@link #list(String)} uses. */
  public static final int MAX_PAGE_SIZE = 100;

  /** The largest answer body the client reads unless told otherwise: 8 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

  /**
   * This SDK's version, for example {@code 0.1.0}, as the {@code User-Agent} header names it: read from
   * {@code version.properties}, which the build writes; {@code "unknown"} if that is missing.
   */
  static final String VERSION = Versions.sdk();

  /** Cloudflare's API base URL, the default. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  private final OriginCloudRegionsApi api;
  private final BatchRoutes batches;
  private final Caller caller;
  private final String baseUrl;
  private final Credentials credentials;
  private final boolean zoneLimitCheck;

  private OriginCloudRegions(Builder b, Settings settings) {
    this.baseUrl = settings.baseUrl();
    this.credentials = settings.credentials();
    this.zoneLimitCheck = b.zoneLimitCheck;
    RateLimiter limiter = b.rateLimiter != null
        ? b.rateLimiter
        : isCloudflare(baseUrl) ? RateLimiter.sharedFor(credentials) : RateLimiter.UNLIMITED;
    AttemptListener listener = settings.requestLog() == null ? b.attemptListener : settings.requestLog();
    this.caller = new Caller(b.retryPolicy, b.callTimeout, Map.of(), limiter, listener, credentials);

    // The generated ApiClient is not used: its constructor creates an SLF4J logger, and SLF4J prints a
    // warning on the first call of an application without an SLF4J provider. The generated interface is
    // wired here instead, with the mapper settings the generated ApiClient would use (Mappers).
    ObjectMapper mapper = Mappers.create();
    HttpClient http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1 for http:// (no h2c upgrade dance); HTTP/2 where TLS can negotiate it.
            .version(baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkTransport transport = new JdkTransport(http, credentials, b.userAgent, b.maxResponseBytes);
    this.batches = BatchRoutes.of(mapper, transport, baseUrl, b.readTimeout.toNanos());
    this.api = feign(transport, mapper, b.connectTimeout, b.readTimeout, baseUrl);
  }

  /** The generated Feign interface over {@code transport}: the path of every operation but the batches. */
  static OriginCloudRegionsApi feign(JdkTransport transport, ObjectMapper mapper, Duration connectTimeout,
      Duration readTimeout, String baseUrl) {
    return Feign.builder()
        .client(transport)
        .options(
            new Request.Options(
                connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                readTimeout.toMillis(), TimeUnit.MILLISECONDS,
                false))
        .retryer(Retryer.NEVER_RETRY) // retries are ours: see Caller
        .encoder(new JsonBodyEncoder(mapper)) // every body is JSON: no form check, one writer per type
        .decoder(new JsonBodyDecoder(mapper)) // reads to the end, so that the connection is kept
        .errorDecoder(new HttpError.Decoder(mapper))
        .logger(new Logger.NoOpLogger())
        .logLevel(Logger.Level.NONE)
        .target(OriginCloudRegionsApi.class, baseUrl);
  }

  /** Whether requests go to Cloudflare's API host, whose rate limit the default limiter keeps. */
  private static boolean isCloudflare(String baseUrl) {
    return "api.cloudflare.com".equalsIgnoreCase(URI.create(baseUrl).getHost());
  }

  /** A view of {@code client} that calls through {@code caller}. */
  private OriginCloudRegions(OriginCloudRegions client, Caller caller) {
    this.api = client.api;
    this.batches = client.batches;
    this.caller = caller;
    this.baseUrl = client.baseUrl;
    this.credentials = client.credentials;
    this.zoneLimitCheck = client.zoneLimitCheck;
  }

  /** Starts configuring a client. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates or replaces the mapping of {@code request.ip()}: {@code PUT …/{ip}} with the body {@code
   * {"origin_ip", "vendor", "region"}}. The IP may be in any valid text form; the answer holds the
   * canonical one. The vendor and region must be listed by {@link #supportedRegions} (else 400, code
   * 1157); a new mapping in a zone of 3,500 answers 403 (code 1164).
   *
   * @return the mapping as stored, with its new {@code modifiedOn}
   */
  public Mapping put(String zoneId, MappingRequest request) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(request, "request == null");
    String path = Arguments.pathIp(request.ip());
    return caller.call("put", () -> Models.v2Single(api.originCloudRegionsV2Upsert(zone, path, Models.v2Request(request))));
  }

  /** The mapping of one IP (any valid text form). A missing mapping throws 404 (code 1142). */
  public Mapping get(String zoneId, String ip) {
    String zone = Arguments.zone(zoneId);
    String path = Arguments.pathIp(ip);
    return caller.call("get", () -> Models.v2Single(api.originCloudRegionsV2Get(zone, path)));
  }

  /**
   * Deletes the mapping of one IP (any valid text form). A missing mapping throws {@link
   * NotFoundException} (404, code 1142), with {@link NotFoundException#possiblyDeletedByEarlierAttempt()}
   * when an earlier attempt of this call got no answer.
   *
   * @return the canonical form of the IP whose mapping was deleted, as the server answers it
   */
  public String delete(String zoneId, String ip) {
    String zone = Arguments.zone(zoneId);
    String path = Arguments.pathIp(ip);
    return caller.call("delete", () -> Models.v2Deleted(api.originCloudRegionsV2Delete(zone, path)),
        Caller.AfterUnknown.onRefusal(e -> { throw NotFoundException.afterLostDelete("delete", e); }));
  }

  /**
   * Every mapping of the zone, by address (IPv4 first), read lazily in pages of {@value #MAX_PAGE_SIZE}:
   * nothing is sent until the first mapping is asked for. See {@link MappingPager}.
   */
  public MappingPager list(String zoneId) {
    return list(zoneId, MAX_PAGE_SIZE);
  }

  /**
   * Every mapping of the zone, read lazily in pages of {@code perPage} (1 to {@value #MAX_PAGE_SIZE}).
   * See {@link MappingPager}.
   */
  public MappingPager list(String zoneId, int perPage) {
    String zone = Arguments.zone(zoneId);
    int size = Arguments.perPage(perPage);
    return new MappingPager(page -> fetchPage(zone, page, size, "list page " + page), size);
  }

  /**
   * One page of the zone's mappings, with the server's paging information: {@code GET …?page=&per_page=}.
   * A page past the last is empty, not an error.
   *
   * @param page the page number, from 1
   * @param perPage the page size, 1 to {@value #MAX_PAGE_SIZE} (the API's default is 20)
   */
  public MappingPage listPage(String zoneId, int page, int perPage) {
    String zone = Arguments.zone(zoneId);
    return fetchPage(zone, Arguments.page(page), Arguments.perPage(perPage), "listPage");
  }

  private MappingPage fetchPage(String zone, int page, int perPage, String operation) {
    return caller.call(operation, () -> Models.v2Page(api.originCloudRegionsV2List(zone, page, perPage)));
  }

  /**
   * Creates or replaces up to {@value #MAX_BATCH_SIZE} mappings in one request ({@code PUT …/batch});
   * mappings not named are left alone. Each item is judged on its own: an invalid IP or an unlisted
   * vendor/region fails that item only. A batch that would take the zone past 3,500 mappings is refused
   * as a whole (403, code 1164).
   *
   * @return one item per request item; its {@code modifiedOn} is null (v2 batch results carry none)
   * @throws IllegalArgumentException for more than {@value #MAX_BATCH_SIZE} items, before sending
   *     anything; {@link #bulkPutAll} takes any number
   */
  public BatchResult bulkPut(String zoneId, List<MappingRequest> items) {
    String zone = Arguments.zone(zoneId);
    var body = Arguments.batch(items, "bulkPut", "items", "bulkPutAll").stream().map(Models::v2Request).toList();
    return caller.call("bulkPut", () -> Models.v2Batch(batches.v2Put().call(zone, body)));
  }

  /**
   * Deletes up to {@value #MAX_BATCH_SIZE} mappings in one request: {@code DELETE …/batch} with the IPs
   * as a JSON array body. Each IP is judged on its own: deleted ones are in {@link
   * BatchResult#succeeded()} with the vendor and region they had; missing, invalid or repeated ones are
   * in {@link BatchResult#failed()}. After an attempt whose answer was lost, the retry's "not found" items
   * are in {@link BatchResult#possiblyApplied()} instead (see {@link RetryPolicy}).
   *
   * @return one item per IP; its {@code modifiedOn} is null (v2 batch results carry none)
   * @throws IllegalArgumentException for more than {@value #MAX_BATCH_SIZE} IPs, before sending
   *     anything; {@link #bulkDeleteAll} takes any number
   */
  public BatchResult bulkDelete(String zoneId, List<String> ips) {
    String zone = Arguments.zone(zoneId);
    List<String> body = Arguments.batch(ips, "bulkDelete", "IPs", "bulkDeleteAll");
    return caller.call("bulkDelete", () -> Models.v2Batch(batches.v2Delete().call(zone, body)),
        Caller.AfterUnknown.onAnswer(Batches::afterLostDelete));
  }

  /** {@link #bulkPutAll(String, List, BatchProgressListener)} without a listener. */
  public BatchResult bulkPutAll(String zoneId, List<MappingRequest> items) {
    return bulkPutAll(zoneId, items, (done, total, batch) -> {});
  }

  /**
   * Creates or replaces any number of mappings, {@value #MAX_BATCH_SIZE} per request, in input order;
   * results are merged as in {@link #bulkDeleteAll(String, List, BatchProgressListener)}.
   *
   * <p>Before sending anything it checks that the new mappings fit the zone's limit of 3,500 (the
   * distinct IPs, by canonical form, that the zone does not hold yet): one request for the zone's count,
   * and a read of the whole zone only when the count alone cannot show that they fit. Without that
   * check, a call that overflows the zone would fail part-way, after its earlier batches were applied.
   * {@link Builder#zoneLimitCheck(boolean) zoneLimitCheck(false)} turns it off. Another client adding
   * mappings at the same time can still fill the zone between the check and the puts; the server's own
   * check then refuses the batch that overflows it.
   *
   * @throws ZoneFullException when the new mappings do not fit; nothing was sent
   */
  public BatchResult bulkPutAll(String zoneId, List<MappingRequest> items, BatchProgressListener listener) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(items, "items == null");
    List<MappingRequest> all = List.copyOf(items);
    Objects.requireNonNull(listener, "listener == null");
    if (zoneLimitCheck) {
      ZoneLimit.check("bulkPutAll", all, () -> listPage(zone, 1, 1).totalCount(), () -> ips(list(zone)));
    }
    return Batches.inBatches(all, listener, chunk -> bulkPut(zone, chunk));
  }

  private static List<String> ips(Iterable<Mapping> mappings) {
    List<String> ips = new ArrayList<>();
    mappings.forEach(m -> ips.add(m.originIp()));
    return ips;
  }

  /** {@link #bulkDeleteAll(String, List, BatchProgressListener)} without a listener. */
  public BatchResult bulkDeleteAll(String zoneId, List<String> ips) {
    return bulkDeleteAll(zoneId, ips, (done, total, batch) -> {});
  }

  /**
   * Deletes any number of mappings, {@value #MAX_BATCH_SIZE} per request, in input order. The result's
   * {@code succeeded} and {@code failed} lists keep the input order. An empty input sends nothing. The
   * listener is told after each batch, on the calling thread.
   *
   * <p>The same IP in two different batches is not a duplicate to the server: the second one fails as
   * "not found". A batch refused as a whole stops the call with {@link BatchAbortedException}, which
   * holds what the earlier batches did.
   */
  public BatchResult bulkDeleteAll(String zoneId, List<String> ips, BatchProgressListener listener) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(ips, "ips == null");
    return Batches.inBatches(List.copyOf(ips), listener, chunk -> bulkDelete(zone, chunk));
  }

  /**
   * What {@link #sync} would do, without changing anything: reads the zone (every page) and compares it
   * with {@code desired} by canonical IP.
   *
   * @throws IllegalArgumentException before anything is sent, when {@code desired} holds an invalid IP
   *     or maps one IP (by canonical form) to two vendor/region pairs
   */
  public SyncPlan planSync(String zoneId, Collection<MappingRequest> desired) {
    String zone = Arguments.zone(zoneId);
    return Sync.plan(list(zone), Sync.desired(desired));
  }

  /**
   * Makes the zone hold exactly {@code desired}: reads the zone, then deletes the mappings that are not
   * desired ({@link #bulkDeleteAll}) and puts the ones that are missing or differ in vendor or region
   * ({@link #bulkPut}, in batches of {@value #MAX_BATCH_SIZE}). IPs are compared by canonical form
   * (RFC 5952; {@code 192.0.2.1} and {@code ::ffff:192.0.2.1} are two mappings). Nothing outside the plan
   * is sent: mappings already as desired are not touched. Deletes go first, so the zone never holds more
   * than the larger of its old and its new size.
   *
   * <p>The same call again applies nothing more when it succeeded, and finishes the work when a batch
   * failed ({@link BatchAbortedException}, whose {@code completed()} covers the deletes or the puts,
   * whichever was under way). Items can fail when another client changes the zone at the same time:
   * they are in the result's {@code failed} lists.
   *
   * @throws IllegalArgumentException before anything is sent, as {@link #planSync}
   * @throws ZoneFullException before anything is sent, when {@code desired} holds
   *     more than 3,500 distinct IPs (unless {@link Builder#zoneLimitCheck(boolean) zoneLimitCheck(false)})
   */
  public SyncResult sync(String zoneId, Collection<MappingRequest> desired) {
    String zone = Arguments.zone(zoneId);
    Map<String, MappingRequest> wanted = Sync.desired(desired);
    if (zoneLimitCheck && wanted.size() > ZoneLimit.MAX_MAPPINGS) {
      throw ZoneLimit.refuse("sync", String.format(
          "desired holds %,d mappings, past the limit of %,d a zone holds; nothing was sent", wanted.size(),
          ZoneLimit.MAX_MAPPINGS));
    }
    SyncPlan plan = Sync.plan(list(zone), wanted);
    BatchProgressListener quiet = (done, total, batch) -> {};
    BatchResult deleted = Batches.inBatches(plan.deletes(), quiet, chunk -> bulkDelete(zone, chunk));
    BatchResult put = Batches.inBatches(plan.puts(), quiet, chunk -> bulkPut(zone, chunk));
    return new SyncResult(plan, deleted, put);
  }

  /** The vendors and regions that mappings may name. */
  public SupportedRegions supportedRegions(String zoneId) {
    String zone = Arguments.zone(zoneId);
    return caller.call("supportedRegions", () -> Models.supported(api.originCloudRegionsV2SupportedRegions(zone)));
  }

  /**
   * This client with {@code options} applied to every call made through the view: its timeout, retry
   * policy and extra headers. The view shares the client's connections, credentials and rate limiter,
   * costs almost nothing, and may be kept; {@code v1()} of a view has the same options.
   *
   * <pre>{@code
   * client.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(5)).build()).get(zone, ip);
   * }</pre>
   */
  public OriginCloudRegions withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    return new OriginCloudRegions(this, caller.with(options));
  }

  /**
   * Runs {@code call} on this client and returns its result with the HTTP answer it came from (status,
   * headers such as {@code cf-ray}, attempts), for successes; a failure throws as usual, and every
   * {@link ApiException} carries {@link ApiException#cfRay()}. When {@code call} makes several requests
   * ({@code bulkDeleteAll}, a pager read to the end), the answer is the last one's.
   *
   * <pre>{@code
   * RawResponse<BatchResult> raw = client.withRawResponse(c -> c.bulkDelete(zone, ips));
   * System.out.println(raw.statusCode() + " " + raw.cfRay().orElse("-") + " " + raw.value().succeeded());
   * }</pre>
   *
   * @throws IllegalStateException when {@code call} got no answer from the server (it sent nothing, for
   *     example {@code c -> c.list(zone)} alone, which reads lazily)
   */
  public <T> RawResponse<T> withRawResponse(Function<? super OriginCloudRegions, T> call) {
    Objects.requireNonNull(call, "call == null");
    CallScope.Capture capture = CallScope.Capture.start();
    try {
      T value = call.apply(this);
      if (capture.status < 0) {
        throw new IllegalStateException("withRawResponse: the call received no answer from the server");
      }
      return new RawResponse<>(value, capture.status, capture.headers, capture.attempts);
    } finally {
      capture.stop();
    }
  }

  /**
   * The v1 family ({@code /zones/{zone_id}/cache/origin_cloud_regions}) through this client's
   * connections, credentials and retry policy. Both families read and change the same mappings.
   *
   * @deprecated Cloudflare deprecates v1 (announced removal: 2026-10-01); use this client's own
   *     methods, which speak v2. sdk/README.md, "Moving from v1 to v2", maps each call.
   */
  @Deprecated
  public OriginCloudRegionsV1 v1() {
    return new OriginCloudRegionsV1(api, batches, caller, zoneLimitCheck);
  }

  /** The limiter that paces this client (for tests). */
  RateLimiter rateLimiter() {
    return caller.limiter();
  }

  @Override
  public String toString() {
    return "OriginCloudRegions{baseUrl=" + baseUrl + ", credentials=" + credentials
        + ", retryPolicy=" + caller.retryPolicy() + ", callTimeout=" + caller.callTimeout()
        + ", rateLimiter=" + caller.limiter() + "}";
  }

  /** The builder's settings after the environment filled the unset ones. */
  private record Settings(String baseUrl, Credentials credentials, @Nullable RequestLog requestLog) {}

  /**
   * Configures an {@link OriginCloudRegions} client. Only credentials are needed; they default to the
   * {@code CLOUDFLARE_API_TOKEN} environment variable, as in Cloudflare's own SDKs.
   */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable Credentials credentials;
    private @Nullable Boolean logRequests;
    private Environment environment = Environment.SYSTEM;
    private boolean zoneLimitCheck = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private String userAgent = defaultUserAgent();
    private Duration callTimeout = Duration.ofMinutes(3);
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private @Nullable RateLimiter rateLimiter;
    private AttemptListener attemptListener = AttemptListener.NONE;

    private Builder() {}

    /**
     * The longest one call may take, every attempt, backoff, {@code Retry-After} and pacing wait
     * included; default 3 minutes. A retry that would not fit is not made: the call fails with the last
     * failure (a {@link TransportException} when the attempt itself ran out of time). Each attempt still
     * ends at {@link #readTimeout} at the latest.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Arguments.positive(timeout, "callTimeout");
      return this;
    }

    /**
     * The largest answer body the client reads, default {@value OriginCloudRegions#DEFAULT_MAX_RESPONSE_BYTES}
     * bytes (the API's largest answer, v1's list of 3,500 mappings, is about 300 KB). A larger body fails
     * the call with {@link TransportException} and is not retried.
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Paces this client's requests; give several clients the same limiter to pace them together. Default:
     * for a base URL on Cloudflare's API host ({@code api.cloudflare.com}), {@link RateLimiter#cloudflare()} shared by every client of the JVM with
     * the same credentials; for any other URL, {@link RateLimiter#UNLIMITED}, which also turns pacing off.
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter == null");
      return this;
    }

    /** Told after every attempt (internal hook for request logging and metrics). */
    Builder attemptListener(AttemptListener listener) {
      this.attemptListener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * The API's base URL, path included; default {@code CLOUDFLARE_BASE_URL} when set, else {@value
     * OriginCloudRegions#DEFAULT_BASE_URL}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = checkBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null"), "baseUrl");
      return this;
    }

    /** A valid base URL without a trailing slash; {@code name} says where it came from. */
    private static String checkBaseUrl(String baseUrl, String name) {
      if (baseUrl.indexOf('@') >= 0) {
        // User info would be repeated in toString() and in error messages; the URL is not shown.
        throw new IllegalArgumentException(
            name + " must not contain '@' (user info): credentials go in apiToken(...) or emailAndKey(...)");
      }
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " is not a URL: '" + baseUrl + "'", e);
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            name + " must be an absolute http or https URL, for example " + DEFAULT_BASE_URL + ", got '"
                + baseUrl + "'");
      }
      return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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
      this.connectTimeout = Arguments.positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for a response once the request is sent; default 60 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Arguments.positive(timeout, "readTimeout");
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
     * Logs one line per HTTP request, whether it was answered or not: method, path and query, status (or
     * the exception when no answer came), attempt number, duration and Cloudflare's {@code cf-ray} id,
     * through the {@link System.Logger} named {@code dev.origincloudregions.sdk} at level {@code INFO}.
     * Never a header, a body or a credential. Default: off, unless {@code CLOUDFLARE_LOG=debug}; this
     * setting wins over the variable.
     */
    public Builder logRequests(boolean logRequests) {
      this.logRequests = logRequests;
      return this;
    }

    /**
     * Whether {@code bulkPutAll} (and v1's {@code bulkUpsertAll}) check, before sending anything, that the
     * new mappings fit the zone's limit of 3,500, and {@code sync} that the desired set does; default
     * true. Off, they send at once and the server refuses the batch that would overflow the zone (403,
     * code 1164), after the earlier batches were applied.
     */
    public Builder zoneLimitCheck(boolean zoneLimitCheck) {
      this.zoneLimitCheck = zoneLimitCheck;
      return this;
    }

    /** Where the unset settings come from instead of the JVM's environment: for tests. */
    Builder environment(Map<String, String> variables) {
      this.environment = Environment.of(Objects.requireNonNull(variables, "variables == null"));
      return this;
    }

    /**
     * Builds the client. Settings not given come from the environment, as in Cloudflare's own SDKs:
     * credentials from {@code CLOUDFLARE_API_TOKEN}, or else {@code CLOUDFLARE_EMAIL} with {@code
     * CLOUDFLARE_API_KEY}; the base URL from {@code CLOUDFLARE_BASE_URL}; request logging from {@code
     * CLOUDFLARE_LOG=debug}.
     *
     * @throws IllegalStateException when no credentials were given and the environment has none, or
     *     only half of the email and key pair, or {@code CLOUDFLARE_LOG} has an unknown value
     * @throws IllegalArgumentException when a variable's value cannot be used (it names the variable
     *     and never repeats a secret)
     */
    public OriginCloudRegions build() {
      Credentials c = credentials != null ? credentials : environment.credentials();
      String url = baseUrl;
      if (url == null) {
        String fromEnv = environment.get(Environment.BASE_URL);
        url = fromEnv == null ? DEFAULT_BASE_URL : checkBaseUrl(fromEnv, Environment.BASE_URL);
      }
      boolean log = logRequests != null ? logRequests : environment.logRequests();
      return new OriginCloudRegions(this, new Settings(url, c, log ? RequestLog.SYSTEM_LOGGER : null));
    }


    private static String defaultUserAgent() {
      return "origin-cloud-regions-java/" + VERSION + " Java/" + System.getProperty("java.version");
    }
  }
}
