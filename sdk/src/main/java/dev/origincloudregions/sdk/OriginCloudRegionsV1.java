package dev.origincloudregions.sdk;

import dev.origincloudregions.sdk.generated.api.OriginCloudRegionsApi;
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
  private final Caller caller;

  OriginCloudRegionsV1(OriginCloudRegionsApi api, Caller caller) {
    this.api = api;
    this.caller = caller;
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
   * replace.
   *
   * @deprecated use {@link OriginCloudRegions#put}, which creates or replaces; to leave an existing
   *     mapping alone, {@link OriginCloudRegions#get} it first.
   */
  @Deprecated
  public Mapping create(String zoneId, MappingRequest request) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(request, "request == null");
    return caller.call("create", () -> Models.single(api.originCloudRegionsCreate(zone, Models.request(request))));
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
    return caller.call("delete", () -> Models.single(api.originCloudRegionsDelete(zone, path)));
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
    return caller.call("bulkDelete", () -> Models.batch(api.originCloudRegionsBatchDelete(zone, body)));
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
    return caller.call("bulkUpsert", () -> Models.batch(api.originCloudRegionsBatchUpsert(zone, body)));
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
   *
   * @deprecated use {@link OriginCloudRegions#bulkPutAll(String, List, BatchProgressListener)}.
   */
  @Deprecated
  public BatchResult bulkUpsertAll(String zoneId, List<MappingRequest> items, BatchProgressListener listener) {
    String zone = Arguments.zone(zoneId);
    Objects.requireNonNull(items, "items == null");
    return Batches.inBatches(List.copyOf(items), listener, chunk -> bulkUpsert(zone, chunk));
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
