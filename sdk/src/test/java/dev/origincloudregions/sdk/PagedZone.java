package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A v2 list endpoint for {@link RecordingServer#dispatch} that serves pages of a fixed list of
 * mappings, as {@code GET …/origin/cloud_regions?page=&per_page=} asks, in one of several {@link
 * Variant}s of how a server fills {@code result_info}.
 */
final class PagedZone implements Function<Recorded, Reply> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QUERY = Pattern.compile("page=(\\d+)&per_page=(\\d+)");
  private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-03-01T12:00:00Z");

  /** How the server pages and what its {@code result_info} says. */
  enum Variant {
    /** As VL1 says: exact {@code total_count} and {@code total_pages}. */
    EXACT,
    /** A server that does not count: {@code total_count} and {@code total_pages} are 0 on every page. */
    NO_TOTALS,
    /** Serves at most {@value #CAP} per page whatever is asked, says so in {@code per_page}, counts right. */
    CAPPED,
    /** Ignores {@code page}: every request gets the first page (a broken server), totals 0. */
    IGNORES_PAGE;

    static final int CAP = 50;

    /** The page size this variant serves when {@code perPage} is asked for. */
    int pageSize(int perPage) {
      return this == CAPPED ? Math.min(perPage, CAP) : perPage;
    }
  }

  private final List<Mapping> mappings;
  private final Variant variant;

  PagedZone(List<Mapping> mappings, Variant variant) {
    this.mappings = List.copyOf(mappings);
    this.variant = variant;
  }

  /**
   * {@code n} distinct mappings in the order the API lists them (M4: by address, IPv4 first):
   * {@code 10.0.0.0}, {@code 10.0.0.1}, … with vendors and times that vary.
   */
  static List<Mapping> mappings(int n) {
    List<Mapping> out = new ArrayList<>(n);
    String[][] vendorRegions = {{"aws", "us-east-1"}, {"gcp", "us-central1"}, {"azure", "eastus"}, {"oci", "us-ashburn-1"}};
    for (int i = 0; i < n; i++) {
      String ip = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
      String[] vr = vendorRegions[i % vendorRegions.length];
      out.add(new Mapping(ip, vr[0], vr[1], BASE.plusSeconds(i * 7L % 1000)));
    }
    return out;
  }

  /** The page number and page size a list request asked for. */
  record Asked(int page, int perPage) {
    static Asked of(Recorded request) {
      Matcher m = QUERY.matcher(String.valueOf(request.rawQuery()));
      if (!request.method().equals("GET") || !m.matches()) {
        throw new AssertionError("not a v2 list request: " + request.method() + " " + request.rawPath() + "?" + request.rawQuery());
      }
      return new Asked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
  }

  @Override
  public Reply apply(Recorded request) {
    if (!request.path().endsWith("/origin/cloud_regions")) {
      throw new AssertionError("not the v2 list path: " + request.rawPath());
    }
    Asked asked = Asked.of(request);
    int size = variant.pageSize(asked.perPage());
    int page = variant == Variant.IGNORES_PAGE ? 1 : asked.page();
    long from = (long) (page - 1) * size;
    List<Mapping> served =
        from >= mappings.size() ? List.of() : mappings.subList((int) from, (int) Math.min(mappings.size(), from + size));
    boolean counts = variant == Variant.EXACT || variant == Variant.CAPPED;
    return Reply.json(
        200,
        page(served, asked.page(), size, counts ? mappings.size() : 0, counts ? (mappings.size() + size - 1) / size : 0));
  }

  /** A v2 list answer holding {@code mappings}, with the given {@code result_info}. */
  static String page(List<Mapping> mappings, int page, int perPage, int totalCount, int totalPages) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.putArray("errors");
    envelope.putArray("messages");
    ArrayNode result = envelope.putArray("result");
    for (Mapping m : mappings) {
      result.addObject()
          .put("modified_on", m.modifiedOn().toInstant().toString())
          .put("origin_ip", m.originIp())
          .put("region", m.region())
          .put("vendor", m.vendor());
    }
    envelope.putObject("result_info")
        .put("count", mappings.size())
        .put("page", page)
        .put("per_page", perPage)
        .put("total_count", totalCount)
        .put("total_pages", totalPages);
    envelope.put("success", true);
    return envelope.toString();
  }
}
