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
 * Converts between the generated models and the public records. This is the only place that knows the
 * generated classes' names: a spec change the public API no longer fits fails to compile here.
 */
final class Models {
  private Models() {}

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

  static SupportedRegions supported(@Nullable CacheRulesSupportedCloudRegionsResponse response) {
    require(response, "body");
    Envelope.check(response.getSuccess(), response.getErrors());
    CacheRulesSupportedCloudRegionsResult result = require(response.getResult(), "result");
    Map<String, List<Region>> vendors = new LinkedHashMap<>();
    require(result.getVendors(), "result.vendors")
        .forEach((vendor, regions) -> vendors.put(vendor, regions.stream().map(Models::region).toList()));
    return new SupportedRegions(Boolean.TRUE.equals(result.getObtainedCodes()), vendors);
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
