package dev.origincloudregions.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.generated.api.OriginCloudRegionsApi;
import dev.origincloudregions.sdk.generated.invoker.ApiClient;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
 * A request the server refuses throws {@link ApiException} with the HTTP status and every {@code code
 * message} of the error envelope; no usable answer throws {@link TransportException}. Both happen only
 * after the {@link RetryPolicy} gave up. Arguments that cannot be right (null, more than {@value
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

  /** Cloudflare's API base URL, the default. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  private final OriginCloudRegionsApi api;
  private final Caller caller;
  private final String baseUrl;
  private final Credentials credentials;

  private OriginCloudRegions(Builder b, Credentials credentials) {
    this.caller = new Caller(b.retryPolicy);
    this.baseUrl = b.baseUrl;
    this.credentials = credentials;

    ApiClient apiClient = new ApiClient();
    ObjectMapper mapper = apiClient.getObjectMapper(); // the same instance the encoder and decoder use
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL); // never send null fields
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
        .retryer(Retryer.NEVER_RETRY) // retries are ours: see Caller
        .encoder(new JsonBodyEncoder(mapper)) // every body is JSON: no form check, one writer per type
        .decoder(new JsonBodyDecoder(mapper)) // reads to the end, so that the connection is kept
        .errorDecoder(new HttpError.Decoder(mapper))
        .logLevel(Logger.Level.NONE);
    this.api = apiClient.buildClient(OriginCloudRegionsApi.class);
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
   * Deletes the mapping of one IP (any valid text form). A missing mapping throws 404 (code 1142).
   *
   * @return the canonical form of the IP whose mapping was deleted, as the server answers it
   */
  public String delete(String zoneId, String ip) {
    String zone = Arguments.zone(zoneId);
    String path = Arguments.pathIp(ip);
    return caller.call("delete", () -> Models.v2Deleted(api.originCloudRegionsV2Delete(zone, path)));
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
    return caller.call("bulkPut", () -> Models.v2Batch(api.originCloudRegionsV2BatchUpsert(zone, body)));
  }

  /**
   * Deletes up to {@value #MAX_BATCH_SIZE} mappings in one request: {@code DELETE …/batch} with the IPs
   * as a JSON array body. Each IP is judged on its own: deleted ones are in {@link
   * BatchResult#succeeded()} with the vendor and region they had; missing, invalid or repeated ones are
   * in {@link BatchResult#failed()}.
   *
   * @return one item per IP; its {@code modifiedOn} is null (v2 batch results carry none)
   * @throws IllegalArgumentException for more than {@value #MAX_BATCH_SIZE} IPs, before sending
   *     anything; {@link #bulkDeleteAll} takes any number
   */
  public BatchResult bulkDelete(String zoneId, List<String> ips) {
    String zone = Arguments.zone(zoneId);
    List<String> body = Arguments.batch(ips, "bulkDelete", "IPs", "bulkDeleteAll");
    return caller.call("bulkDelete", () -> Models.v2Batch(api.originCloudRegionsV2BatchDelete(zone, body)));
  }

  /** {@link #bulkPutAll(String, List, BatchProgressListener)} without a listener. */
  public BatchResult bulkPutAll(String zoneId, List<MappingRequest> items) {
    return bulkPutAll(zoneId, items, (done, total, batch) -> {});
  }

  /**
   * Creates or replaces any number of mappings, {@value #MAX_BATCH_SIZE} per request, in input order;
   * results are merged as in {@link #bulkDeleteAll(String, List, BatchProgressListener)}.
   */
  public BatchResult bulkPutAll(String zoneId, List<MappingRequest> items, BatchProgressListener listener) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(items, "items == null");
    return Batches.inBatches(List.copyOf(items), listener, chunk -> bulkPut(zone, chunk));
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

  /** The vendors and regions that mappings may name. */
  public SupportedRegions supportedRegions(String zoneId) {
    String zone = Arguments.zone(zoneId);
    return caller.call("supportedRegions", () -> Models.supported(api.originCloudRegionsV2SupportedRegions(zone)));
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
    return new OriginCloudRegionsV1(api, caller);
  }

  @Override
  public String toString() {
    return "OriginCloudRegions{baseUrl=" + baseUrl + ", credentials=" + credentials
        + ", retryPolicy=" + caller.retryPolicy() + "}";
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
