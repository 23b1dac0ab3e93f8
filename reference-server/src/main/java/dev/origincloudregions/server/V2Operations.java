package dev.origincloudregions.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * The v2 family, {@code /zones/{zone_id}/origin/cloud_regions} (contract section 9): the key
 * {@code origin_ip} everywhere [VK1], flat results, create and replace as one {@code PUT} [VP1], a
 * paginated list [VL1], on the same {@link Store} as v1 [VS1].
 *
 * <p>Not final: {@link #answer}, {@link #list}, {@link #page}, {@link #totalPages}, {@link #agrees},
 * {@link #delete} and {@link #batchPut} are seams ({@link ServerParts}).
 */
class V2Operations {
  static final Bodies.Expected PUT_BODY = Bodies.Expected.mapping("origin_ip");
  static final Bodies.Expected BATCH_DELETE_BODY = Bodies.Expected.ipStrings();
  static final Bodies.Expected BATCH_PUT_BODY = Bodies.Expected.mappings("origin_ip");
  /** Cloudflare's text, verbatim [VP1]. */
  static final String MISMATCH_MESSAGE = "body origin_ip does not match URL";

  private static final SerializedString ORIGIN_IP = new SerializedString("origin_ip");
  private static final SerializedString VENDOR = new SerializedString("vendor");
  private static final SerializedString REGION = new SerializedString("region");
  private static final SerializedString MODIFIED_ON = new SerializedString("modified_on");

  private final Store store;
  private final Bodies bodies;

  V2Operations(Store store, Bodies bodies) {
    this.store = store;
    this.bodies = bodies;
  }

  /** Answers one v2 operation on a zone whose request passed every check of the request as a whole. Seam. */
  Reply answer(Router.Op op, Zone zone, String pathIp, Call call) throws Refusal {
    switch (op) {
      case V2_LIST:
        return list(zone, Paging.parse(call.query()));
      case V2_GET:
        return get(zone, pathIp);
      case V2_PUT:
        return put(zone, pathIp, bodies.read(call, PUT_BODY));
      case V2_DELETE:
        return delete(zone, pathIp);
      case V2_BATCH_DELETE:
        return batchDelete(zone, bodies.readJson(call, BATCH_DELETE_BODY));
      case V2_BATCH_PUT:
        return batchPut(zone, bodies.readJson(call, BATCH_PUT_BODY));
      default:
        throw new IllegalStateException("not a v2 operation: " + op);
    }
  }

  // ---------------------------------------------------------------- list [VL1]

  /** One page of the zone's list, cut from one consistent view, with its {@code result_info}. Seam. */
  Reply list(Zone zone, Paging paging) {
    List<Mapping> all = store.list(zone).mappings();
    List<Mapping> page = page(all, paging);
    int total = all.size();
    int totalPages = totalPages(paging, total);
    return Reply.ok(Json.success(json -> {
      json.writeStartArray();
      for (Mapping mapping : page) {
        writeEntry(json, mapping);
      }
      json.writeEndArray();
    }, json -> {
      json.writeStartObject();
      json.writeFieldName("page");
      json.writeNumber(paging.page());
      json.writeNumberField("per_page", paging.perPage());
      json.writeNumberField("count", page.size());
      json.writeNumberField("total_count", total);
      json.writeNumberField("total_pages", totalPages);
      json.writeEndObject();
    }));
  }

  /** The entries of {@code paging}'s page of {@code all}: empty past the last page. Seam. */
  List<Mapping> page(List<Mapping> all, Paging paging) {
    long offset = paging.offset();
    return offset < 0 || offset >= all.size()
        ? List.of()
        : all.subList((int) offset, (int) Math.min(all.size(), offset + paging.perPage()));
  }

  /** ceil({@code total} / per_page), 0 for an empty zone. Seam. */
  int totalPages(Paging paging, int total) {
    return paging.totalPages(total);
  }

  // ---------------------------------------------------------------- single mappings [VP1, VG1]

  private Reply get(Zone zone, String pathIp) throws Refusal {
    Mapping mapping = store.get(zone, pathIp);
    return Reply.ok(Json.success(json -> writeEntry(json, mapping)));
  }

  /** Single delete: answers {@code {"origin_ip"}} of the removed mapping, canonical [VG1]. Seam. */
  Reply delete(Zone zone, String pathIp) throws Refusal {
    Store.Removed removed = store.delete(zone, pathIp);
    return Reply.ok(Json.success(json -> {
      json.writeStartObject();
      json.writeFieldName(ORIGIN_IP);
      json.writeString(removed.mapping().ip().text());
      json.writeEndObject();
    }));
  }

  /**
   * Creates or replaces one mapping. Checks in VP1's order, after the body was read (413): path IP
   * (1146), body shape (1190), body IP (1146), agreement by canonical form (1146), vendor/region
   * (1157), zone limit (1164).
   */
  private Reply put(Zone zone, String pathIp, byte[] rawBody) throws Refusal {
    Ip ip = store.pathIp(pathIp);
    Store.Requested request = bodies.mapping(bodies.parse(rawBody, PUT_BODY), PUT_BODY);
    Ip bodyIp = store.parseIp(request.ip());
    if (bodyIp == null) {
      return Errors.invalidIp();
    }
    if (!agrees(pathIp, ip, request.ip(), bodyIp)) {
      return Reply.error(400, 1146, MISMATCH_MESSAGE);
    }
    if (!store.catalogue().supports(request.vendor(), request.region())) {
      return Errors.unsupportedVendorRegion();
    }
    Mapping written = store.put(zone, ip, request.vendor(), request.region());
    return Reply.ok(Json.success(json -> writeEntry(json, written)));
  }

  /**
   * Whether a put's body names the path's address: by canonical form [VP1, IP3], so the texts as sent
   * ({@code pathText}, {@code bodyText}) do not matter. Seam.
   */
  boolean agrees(String pathText, Ip path, String bodyText, Ip body) {
    return body.equals(path);
  }

  // ---------------------------------------------------------------- batches [VBD1, VBU1]

  private Reply batchDelete(Zone zone, JsonNode body) throws Refusal {
    List<String> texts = bodies.ipStrings(body, BATCH_DELETE_BODY);
    bodies.requireBatchSize(texts.size());
    return batchReply(store.deleteAll(zone, texts));
  }

  /** Batch put: a JSON array of objects (1190), at most 100 (1191), then each item, merged into the zone [VBU1]. Seam. */
  Reply batchPut(Zone zone, JsonNode body) throws Refusal {
    List<Store.Requested> requested = bodies.mappings(body, BATCH_PUT_BODY);
    bodies.requireBatchSize(requested.size());
    return batchReply(store.upsertAll(zone, requested));
  }

  private static Reply batchReply(BatchOutcome outcome) {
    return Reply.ok(Json.success(json -> Json.writeBatchItems(json, ORIGIN_IP, outcome.items())));
  }

  // ---------------------------------------------------------------- JSON

  /** An entry: {@code {"origin_ip", "vendor", "region", "modified_on"}} [VK1, VM1]. Seam: test code writes entries with it. */
  static void writeEntry(JsonGenerator json, Mapping mapping) throws IOException {
    json.writeStartObject();
    json.writeFieldName(ORIGIN_IP);
    json.writeString(mapping.ip().text());
    json.writeFieldName(VENDOR);
    json.writeString(mapping.vendor());
    json.writeFieldName(REGION);
    json.writeString(mapping.region());
    json.writeFieldName(MODIFIED_ON);
    json.writeString(mapping.modifiedOn().text());
    json.writeEndObject();
  }
}
