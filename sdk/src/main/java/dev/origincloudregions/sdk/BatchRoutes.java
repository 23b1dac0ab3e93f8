package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origincloudregions.sdk.internal.generated.model.CacheRulesOriginCloudRegionResponseBatch;
import dev.origincloudregions.sdk.internal.generated.model.CacheRulesOriginCloudRegionV2ResponseBatch;

/**
 * The batch operations of both families, sent as {@link DirectRoute}s: the calls that carry 100 items
 * and that users make in loops. Every other operation goes through the generated Feign interface.
 */
record BatchRoutes(
    DirectRoute<CacheRulesOriginCloudRegionV2ResponseBatch> v2Delete,
    DirectRoute<CacheRulesOriginCloudRegionV2ResponseBatch> v2Put,
    DirectRoute<CacheRulesOriginCloudRegionResponseBatch> v1Delete,
    DirectRoute<CacheRulesOriginCloudRegionResponseBatch> v1Upsert) {

  static BatchRoutes of(ObjectMapper mapper, JdkTransport transport, String baseUrl, long readTimeoutNanos) {
    return new BatchRoutes(
        DirectRoute.of(api -> api.originCloudRegionsV2BatchDelete(null, null), mapper, transport, baseUrl, readTimeoutNanos),
        DirectRoute.of(api -> api.originCloudRegionsV2BatchUpsert(null, null), mapper, transport, baseUrl, readTimeoutNanos),
        DirectRoute.of(api -> api.originCloudRegionsBatchDelete(null, null), mapper, transport, baseUrl, readTimeoutNanos),
        DirectRoute.of(api -> api.originCloudRegionsBatchUpsert(null, null), mapper, transport, baseUrl, readTimeoutNanos));
  }
}
