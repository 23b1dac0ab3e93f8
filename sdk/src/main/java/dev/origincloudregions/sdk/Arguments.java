package dev.origincloudregions.sdk;

import java.util.List;
import java.util.Objects;

/**
 * Checks of the arguments both API families take, made before anything is sent: a value that cannot
 * be right fails here with a message naming it, never as a confusing answer from the server.
 */
final class Arguments {
  private Arguments() {}

  static String zone(String zoneId) {
    Objects.requireNonNull(zoneId, "zoneId == null");
    if (zoneId.isEmpty() || !unreserved(zoneId)) {
      throw new IllegalArgumentException(
          "zoneId must be a zone identifier (32 hex digits), got '" + zoneId + "'");
    }
    return zoneId;
  }

  static String pathIp(String ip) {
    Objects.requireNonNull(ip, "ip == null");
    if (ip.isEmpty() || !unreserved(ip)) {
      throw new IllegalArgumentException(
          "ip must be one IPv4 or IPv6 address without prefix length or zone index, got '" + ip + "'");
    }
    return ip;
  }

  /** A copy of a batch's items, refusing nulls and more than {@link OriginCloudRegions#MAX_BATCH_SIZE}. */
  static <T> List<T> batch(List<T> items, String operation, String noun, String helper) {
    Objects.requireNonNull(items, noun + " == null");
    List<T> copy = List.copyOf(items); // also refuses null elements
    if (copy.size() > OriginCloudRegions.MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          operation + " takes at most " + OriginCloudRegions.MAX_BATCH_SIZE + " " + noun + " per request, got "
              + copy.size() + "; use " + helper + " to send any number in batches of "
              + OriginCloudRegions.MAX_BATCH_SIZE);
    }
    return copy;
  }

  /** A page number: 1 or more (VL1). */
  static int page(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more, got " + page);
    }
    return page;
  }

  /** A page size: 1 to {@link OriginCloudRegions#MAX_PAGE_SIZE} (VL1). */
  static int perPage(int perPage) {
    if (perPage < 1 || perPage > OriginCloudRegions.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "perPage must be between 1 and " + OriginCloudRegions.MAX_PAGE_SIZE + ", got " + perPage);
    }
    return perPage;
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
}
