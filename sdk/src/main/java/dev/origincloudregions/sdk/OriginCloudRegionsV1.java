package dev.origincloudregions.sdk;

import dev.origincloudregions.sdk.internal.generated.api.OriginCloudRegionsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The v1 family of the API ({@code /zones/{zone_id}/cache/origin_cloud_regions}), from {@link
 * OriginCloudRegions#v1()}: the same mappings as v2, with v1's shapes (results wrapped with a
 * zone-level {@code modified_on}, the key {@code origin-ip}, create and upsert apart, no paging). It
 * shares its client's connections, credentials, retry policy and exceptions, and behaves as the SDK did
 * before v2: errors, retries and argument checks are those described on {@link OriginCloudRegions}.
 *
 * @deprecated Cloudflare deprecates v1 (announced removal: 2026-10-01) and its own SDKs speak only v2.
 *     Each method names its v2 equivalent on {@link OriginCloudRegions}; sdk/README.md, "Moving from
 *     v1 to v2", lists the differences.
 */
@Deprecated
public final class OriginCloudRegionsV1 {
  private final OriginCloudRegionsApi api;
  private final BatchRoutes batches;
  private final Caller caller;
  private final boolean zoneLimitCheck;

  OriginCloudRegionsV1(OriginCloudRegionsApi api, BatchRoutes batches, Caller caller, boolean zoneLimitCheck) {
    this.api = api;
    this.batches = batches;
    this.caller = caller;
    this.zoneLimitCheck = zoneLimitCheck;
  }

  /**
   * Every mapping of the zone, by address (IPv4 first), in one answer, with the time of the zone's
   * latest change.
   *
   * @deprecated use {@link OriginCloudRegions#list(String)}, which reads the mappings page by page; v2
   *     has no zone-level {@code modifiedOn} (each {@link Mapping} has its own).
   */
  @Deprecated
  public MappingList list(String zoneId) {
    String zone = Arguments.zone(zoneId);
    return caller.call("list", () -> Models.list(api.originCloudRegionsList(zone)));
  }

  /**
   * Creates a mapping. Fails with 400 (code 1145) if the IP is mapped already: use {@link #upsert} to
   * replace. When an earlier attempt of this call got no answer and the retry meets 1145, the mapping is
   * read and returned if it holds the request's vendor and region (the lost attempt created it).
   *
   * @deprecated use {@link OriginCloudRegions#put}, which creates or replaces; to leave an existing
   *     mapping alone, {@link OriginCloudRegions#get} it first.
   */
  @Deprecated
  public Mapping create(String zoneId, MappingRequest request) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(request, "request == null");
    return caller.call("create", () -> Models.single(api.originCloudRegionsCreate(zone, Models.request(request))),
        Caller.AfterUnknown.onRefusal(e -> createdByLostAttempt(zone, request, e)));
  }

  /**
   * A create's final refusal after an attempt whose outcome is unknown: a 1145 ("already exists") may be
   * the lost attempt's own work. The mapping is read; when it holds the request's vendor and region it is
   * returned as the created mapping, otherwise the 1145 is thrown. (Another writer could have created
   * the same mapping in between: the result is then the same mapping, which is what the caller asked
   * for.)
   */
  private Mapping createdByLostAttempt(String zone, MappingRequest request, ApiException refusal) {
    if (!refusal.hasCode(1145) || !Arguments.isPathSafe(request.ip())) {
      throw refusal;
    }
    Mapping existing;
    try {
      existing = caller.call("create", () -> Models.single(api.originCloudRegionsGet(zone, request.ip())));
    } catch (OriginCloudRegionsException readFailed) {
      refusal.addSuppressed(readFailed);
      throw refusal;
    }
    if (existing.vendor().equals(request.vendor()) && existing.region().equals(request.region())) {
      return existing;
    }
    throw refusal;
  }

  /**
   * Creates or replaces a mapping and returns the zone's whole list after the change.
   *
   * @deprecated use {@link OriginCloudRegions#put}, which answers the mapping, not the whole list.
   */
  @Deprecated
  public MappingList upsert(String zoneId, MappingRequest request) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(request, "request == null");
    return caller.call("upsert", () -> Models.list(api.originCloudRegionsUpsert(zone, Models.request(request))));
  }

  /**
   * The mapping of one IP (any valid text form). A missing mapping throws 404 (code 1142).
   *
   * @deprecated use {@link OriginCloudRegions#get}, the same call in v2.
   */
  @Deprecated
  public Mapping get(String zoneId, String ip) {
    String zone = Arguments.zone(zoneId);
    String path = Arguments.pathIp(ip);
    return caller.call("get", () -> Models.single(api.originCloudRegionsGet(zone, path)));
  }

  /**
   * Deletes the mapping of one IP and returns it. A missing mapping throws 404 (code 1142).
   *
   * @deprecated use {@link OriginCloudRegions#delete}, which answers the deleted IP (canonical) instead
   *     of the mapping.
   */
  @Deprecated
  public Mapping delete(String zoneId, String ip) {
    String zone = Arguments.zone(zoneId);
    String path = Arguments.pathIp(ip);
    return caller.call("delete", () -> Models.single(api.originCloudRegionsDelete(zone, path)),
        Caller.AfterUnknown.onRefusal(e -> { throw NotFoundException.afterLostDelete("delete", e); }));
  }

  /**
   * Deletes up to {@value OriginCloudRegions#MAX_BATCH_SIZE} mappings in one request. Each IP is judged
   * on its own: deleted ones are in {@link BatchResult#succeeded()} with the vendor and region they
   * had; missing, invalid or repeated ones are in {@link BatchResult#failed()}. {@code modifiedOn} is
   * the time of the change, null when nothing was deleted.
   *
   * @throws IllegalArgumentException for more than {@value OriginCloudRegions#MAX_BATCH_SIZE} IPs,
   *     before sending anything; {@link #bulkDeleteAll} takes any number
   * @deprecated use {@link OriginCloudRegions#bulkDelete}, whose result has no {@code modifiedOn}.
   */
  @Deprecated
  public BatchResult bulkDelete(String zoneId, List<String> ips) {
    String zone = Arguments.zone(zoneId);
    List<String> body = Arguments.batch(ips, "bulkDelete", "IPs", "bulkDeleteAll");
    return caller.call("bulkDelete", () -> Models.batch(batches.v1Delete().call(zone, body)),
        Caller.AfterUnknown.onAnswer(Batches::afterLostDelete));
  }

  /**
   * Creates or replaces up to {@value OriginCloudRegions#MAX_BATCH_SIZE} mappings in one request;
   * mappings not named are left alone. Each item is judged on its own.
   *
   * @throws IllegalArgumentException for more than {@value OriginCloudRegions#MAX_BATCH_SIZE} items,
   *     before sending anything; {@link #bulkUpsertAll} takes any number
   * @deprecated use {@link OriginCloudRegions#bulkPut}, whose result has no {@code modifiedOn}.
   */
  @Deprecated
  public BatchResult bulkUpsert(String zoneId, List<MappingRequest> items) {
    String zone = Arguments.zone(zoneId);
    var body = Arguments.batch(items, "bulkUpsert", "items", "bulkUpsertAll").stream().map(Models::request).toList();
    return caller.call("bulkUpsert", () -> Models.batch(batches.v1Upsert().call(zone, body)));
  }

  /**
   * {@link #bulkDeleteAll(String, List, BatchProgressListener)} without a listener.
   *
   * @deprecated use {@link OriginCloudRegions#bulkDeleteAll(String, List)}.
   */
  @Deprecated
  public BatchResult bulkDeleteAll(String zoneId, List<String> ips) {
    return bulkDeleteAll(zoneId, ips, (done, total, batch) -> {});
  }

  /**
   * Deletes any number of mappings, {@value OriginCloudRegions#MAX_BATCH_SIZE} per request, in input
   * order, as {@link OriginCloudRegions#bulkDeleteAll(String, List, BatchProgressListener)} does; the
   * merged {@code modifiedOn} is the latest of the batches'.
   *
   * @deprecated use {@link OriginCloudRegions#bulkDeleteAll(String, List, BatchProgressListener)}.
   */
  @Deprecated
  public BatchResult bulkDeleteAll(String zoneId, List<String> ips, BatchProgressListener listener) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(ips, "ips == null");
    return Batches.inBatches(List.copyOf(ips), listener, chunk -> bulkDelete(zone, chunk));
  }

  /**
   * {@link #bulkUpsertAll(String, List, BatchProgressListener)} without a listener.
   *
   * @deprecated use {@link OriginCloudRegions#bulkPutAll(String, List)}.
   */
  @Deprecated
  public BatchResult bulkUpsertAll(String zoneId, List<MappingRequest> items) {
    return bulkUpsertAll(zoneId, items, (done, total, batch) -> {});
  }

  /**
   * Creates or replaces any number of mappings, {@value OriginCloudRegions#MAX_BATCH_SIZE} per request,
   * in input order; results are merged as in {@link #bulkDeleteAll(String, List, BatchProgressListener)}.
   * Before sending anything it checks that the new mappings fit the zone's limit of 3,500, as {@link
   * OriginCloudRegions#bulkPutAll(String, List, BatchProgressListener)} does, reading the zone with v1's
   * one-answer list.
   *
   * @throws ZoneFullException when the new mappings do not fit; nothing was sent
   * @deprecated use {@link OriginCloudRegions#bulkPutAll(String, List, BatchProgressListener)}.
   */
  @Deprecated
  public BatchResult bulkUpsertAll(String zoneId, List<MappingRequest> items, BatchProgressListener listener) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(items, "items == null");
    List<MappingRequest> all = List.copyOf(items);
    Objects.requireNonNull(listener, "listener == null");
    if (zoneLimitCheck) {
      List<String> held = new ArrayList<>();
      ZoneLimit.check("bulkUpsertAll", all, () -> {
        list(zone).mappings().forEach(m -> held.add(m.originIp()));
        return held.size();
      }, () -> held);
    }
    return Batches.inBatches(all, listener, chunk -> bulkUpsert(zone, chunk));
  }

  /**
   * The vendors and regions that mappings may name.
   *
   * @deprecated use {@link OriginCloudRegions#supportedRegions}, which answers the same catalogue.
   */
  @Deprecated
  public SupportedRegions supportedRegions(String zoneId) {
    String zone = Arguments.zone(zoneId);
    return caller.call("supportedRegions", () -> Models.supported(api.originCloudRegionsSupportedRegions(zone)));
  }
}
