package dev.origincloudregions.server;

/**
 * The errors both families answer alike: Cloudflare's codes with Cloudflare's texts, verbatim where
 * its documentation gives one ({@code cloudflare-api-notes.md}, error-code table).
 */
final class Errors {
  static final String NOT_FOUND_MESSAGE =
      "Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.";
  static final String EXISTS_MESSAGE =
      "Unable to create new origin_public_cloud_region setting. The zone setting already exists.";
  static final String INVALID_IP_MESSAGE = "Invalid or missing origin IP address.";
  static final String VENDOR_REGION_MESSAGE =
      "The vendor provided doesn't exist or the region provided does not exist for the specified cloud vendor";
  static final String ZONE_FULL_MESSAGE = "Maximum number of IP mappings configured for zone.";
  static final String AUTH_MESSAGE = "Authentication error";

  /** Batch items' error texts [BD5, BU2]. */
  static final String ITEM_INVALID_IP = "invalid IP address";
  static final String ITEM_NOT_FOUND = "not found";
  static final String ITEM_DUPLICATE = "duplicate in request";
  static final String ITEM_UNSUPPORTED = "unsupported vendor or region";

  private Errors() {}

  /** 404, code 1142: no mapping for that IP [G1, VG1]. */
  static Reply notFound() {
    return Reply.error(404, 1142, NOT_FOUND_MESSAGE);
  }

  /** 400, code 1146: the IP is not a valid origin IP [G1, C1, VP1]. */
  static Reply invalidIp() {
    return Reply.error(400, 1146, INVALID_IP_MESSAGE);
  }

  /** 400, code 1157: a vendor/region pair that supported_regions does not list [M3]. */
  static Reply unsupportedVendorRegion() {
    return Reply.error(400, 1157, VENDOR_REGION_MESSAGE);
  }

  /** 403, code 1164: the zone would hold more than 3,500 mappings [M2]. */
  static Reply zoneFull() {
    return Reply.error(403, 1164, ZONE_FULL_MESSAGE);
  }

  /** 400, code 1145: create of an IP that is mapped already [C1]. */
  static Reply exists() {
    return Reply.error(400, 1145, EXISTS_MESSAGE);
  }
}
