package dev.origincloudregions.sdk;

import dev.origincloudregions.sdk.generated.model.CacheRulesMessage;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionBatchItemResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionBatchResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionBatchResultValue;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionEntry;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionRequest;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseBatch;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseList;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionResponseSingle;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2BatchItemResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2BatchResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2Entry;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2Request;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseBatch;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseDelete;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseList;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResponseSingle;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionV2ResultInfo;
import dev.origincloudregions.sdk.generated.model.CacheRulesOriginCloudRegionsListResult;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegion;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegionsResponse;
import dev.origincloudregions.sdk.generated.model.CacheRulesSupportedCloudRegionsResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts between the generated models and the public records, for both families. This is the only
 * place that knows the generated models' names: a spec change the public API no longer fits fails to
 * compile here. Every conversion of an answer checks the envelope's {@code success} flag and that the
 * parts the public record needs are present ({@link MalformedResponse} otherwise).
 */
final class Models {
  private Models() {}

  // ---- v2: flat results, the key origin_ip ----

  static CacheRulesOriginCloudRegionV2Request v2Request(MappingRequest r) {
    return new CacheRulesOriginCloudRegionV2Request().originIp(r.ip()).vendor(r.vendor()).region(r.region());
  }

  static Mapping v2Single(@Nullable CacheRulesOriginCloudRegionV2ResponseSingle response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    return v2Mapping(require(response.getResult(), "result"));
  }

  static String v2Deleted(@Nullable CacheRulesOriginCloudRegionV2ResponseDelete response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    return require(require(response.getResult(), "result").getOriginIp(), "result.origin_ip");
  }

  static MappingPage v2Page(@Nullable CacheRulesOriginCloudRegionV2ResponseList response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    List<CacheRulesOriginCloudRegionV2Entry> result = require(response.getResult(), "result");
    CacheRulesOriginCloudRegionV2ResultInfo info = require(response.getResultInfo(), "result_info");
    return new MappingPage(
        result.stream().map(Models::v2Mapping).toList(),
        require(info.getPage(), "result_info.page"),
        require(info.getPerPage(), "result_info.per_page"),
        require(info.getTotalCount(), "result_info.total_count"),
        require(info.getTotalPages(), "result_info.total_pages"));
  }

  /** A v2 batch result; v2 has no zone-level time, so {@code modifiedOn} is null. */
  static BatchResult v2Batch(@Nullable CacheRulesOriginCloudRegionV2ResponseBatch response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    CacheRulesOriginCloudRegionV2BatchResult result = require(response.getResult(), "result");
    return new BatchResult(
        null,
        require(result.getSucceeded(), "result.succeeded").stream().map(Models::v2Item).toList(),
        require(result.getFailed(), "result.failed").stream().map(Models::v2Item).toList());
  }

  private static Mapping v2Mapping(CacheRulesOriginCloudRegionV2Entry e) {
    return new Mapping(
        require(e.getOriginIp(), "origin_ip"),
        require(e.getVendor(), "vendor"),
        require(e.getRegion(), "region"),
        e.getModifiedOn());
  }

  private static BatchItem v2Item(CacheRulesOriginCloudRegionV2BatchItemResult i) {
    return new BatchItem(require(i.getOriginIp(), "origin_ip"), i.getVendor(), i.getRegion(), i.getError());
  }

  // ---- v1: results wrapped in {id, editable, modified_on, value}, the key origin-ip ----

  static CacheRulesOriginCloudRegionRequest request(MappingRequest r) {
    return new CacheRulesOriginCloudRegionRequest().ip(r.ip()).vendor(r.vendor()).region(r.region());
  }

  static Mapping single(@Nullable CacheRulesOriginCloudRegionResponseSingle response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    var result = require(response.getResult(), "result");
    return mapping(require(result.getValue(), "result.value"));
  }

  static MappingList list(@Nullable CacheRulesOriginCloudRegionResponseList response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    CacheRulesOriginCloudRegionsListResult result = require(response.getResult(), "result");
    List<CacheRulesOriginCloudRegionEntry> value = require(result.getValue(), "result.value");
    return new MappingList(result.getModifiedOn(), value.stream().map(Models::mapping).toList());
  }

  static BatchResult batch(@Nullable CacheRulesOriginCloudRegionResponseBatch response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    CacheRulesOriginCloudRegionBatchResult result = require(response.getResult(), "result");
    CacheRulesOriginCloudRegionBatchResultValue value = require(result.getValue(), "result.value");
    return new BatchResult(
        result.getModifiedOn(),
        require(value.getSucceeded(), "result.value.succeeded").stream().map(Models::item).toList(),
        require(value.getFailed(), "result.value.failed").stream().map(Models::item).toList());
  }

  private static Mapping mapping(CacheRulesOriginCloudRegionEntry e) {
    return new Mapping(
        require(e.getOriginIp(), "origin-ip"),
        require(e.getVendor(), "vendor"),
        require(e.getRegion(), "region"),
        e.getModifiedOn());
  }

  private static BatchItem item(CacheRulesOriginCloudRegionBatchItemResult i) {
    return new BatchItem(require(i.getOriginIp(), "origin-ip"), i.getVendor(), i.getRegion(), i.getError());
  }

  // ---- Both families ----

  static SupportedRegions supported(@Nullable CacheRulesSupportedCloudRegionsResponse response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    CacheRulesSupportedCloudRegionsResult result = require(response.getResult(), "result");
    Map<String, List<Region>> vendors = new LinkedHashMap<>();
    require(result.getVendors(), "result.vendors")
        .forEach((vendor, regions) -> vendors.put(vendor, regions.stream().map(Models::region).toList()));
    return new SupportedRegions(Boolean.TRUE.equals(result.getObtainedCodes()), vendors);
  }

  private static Region region(CacheRulesSupportedCloudRegion r) {
    List<String> colos = r.getUpperTierColos();
    return new Region(require(r.getName(), "name"), colos == null ? List.of() : colos);
  }

  private static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new MalformedResponse("the response has no '" + field + "'");
    }
    return value;
  }

  /** A 2xx response that is not the documented shape. */
  static final class MalformedResponse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedResponse(String message) {
      super(message, null, false, false);
    }
  }

  /** The envelope's {@code success} flag: a 2xx answer with {@code success: false} is an error. */
  static final class Envelope {
    private Envelope() {}

    static void check(@Nullable Boolean success, @Nullable List<CacheRulesMessage> errors) {
      if (Boolean.FALSE.equals(success)) {
        throw new HttpError(
            200,
            errors == null
                ? List.of()
                : errors.stream()
                    .filter(Objects::nonNull)
                    .map(m -> new ApiError(m.getCode() == null ? 0 : m.getCode(), Objects.toString(m.getMessage(), "")))
                    .toList(),
            null);
      }
    }
  }
}
