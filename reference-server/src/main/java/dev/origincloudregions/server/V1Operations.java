package dev.origincloudregions.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * The v1 family, {@code /zones/{zone_id}/cache/origin_cloud_regions} (contract sections 5 to 7):
 * request bodies with the key {@code ip}, answers wrapped as a zone setting
 * ({@code {id, editable, modified_on, value}}) with the key {@code origin-ip} [M1].
 *
 * <p>Not final: {@link #batchDelete}, {@link #batchUpsert} and {@link #batchReply} are seams
 * ({@link ServerParts}).
 */
class V1Operations {
  static final String SETTING_ID = "origin_public_cloud_region";

  static final Bodies.Expected SINGLE_BODY = Bodies.Expected.mapping("ip");
  static final Bodies.Expected BATCH_DELETE_BODY = Bodies.Expected.ipStrings();
  static final Bodies.Expected BATCH_UPSERT_BODY = Bodies.Expected.mappings("ip");

  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString EDITABLE = new SerializedString("editable");
  private static final SerializedString MODIFIED_ON = new SerializedString("modified_on");
  private static final SerializedString VALUE = new SerializedString("value");
  private static final SerializedString VENDOR = new SerializedString("vendor");
  private static final SerializedString REGION = new SerializedString("region");
  private static final SerializedString SETTING = new SerializedString(SETTING_ID);
  private static final SerializedString ORIGIN_IP = new SerializedString("origin-ip");

  private final Store store;
  private final Bodies bodies;

  V1Operations(Store store, Bodies bodies) {
    this.store = store;
    this.bodies = bodies;
  }

  /** Answers one v1 operation on a zone whose request passed every check of the request as a whole. */
  Reply answer(Router.Op op, Zone zone, String pathIp, Call call) throws Refusal {
    switch (op) {
      case LIST:
        Store.Listing listing = store.list(zone);
        return Reply.ok(Json.success(json -> writeList(json, listing)));
      case GET:
        return get(zone, pathIp);
      case DELETE:
        return delete(zone, pathIp);
      case CREATE:
        return create(zone, bodies.readJson(call, SINGLE_BODY));
      case UPSERT:
        return upsert(zone, bodies.readJson(call, SINGLE_BODY));
      case BATCH_DELETE:
        return batchDelete(zone, bodies.readJson(call, BATCH_DELETE_BODY));
      case BATCH_UPSERT:
        return batchUpsert(zone, bodies.readJson(call, BATCH_UPSERT_BODY));
      default:
        throw new IllegalStateException("not a v1 operation: " + op);
    }
  }

  // ---------------------------------------------------------------- single operations [C1, U1, G1, G2]

  private Reply get(Zone zone, String pathIp) throws Refusal {
    Mapping mapping = store.get(zone, pathIp);
    return Reply.ok(Json.success(json -> writeSingle(json, mapping.modifiedOn(), mapping)));
  }

  /** The result's modified_on is the time of the deletion, a change as in BD7; the value keeps the mapping's own. */
  private Reply delete(Zone zone, String pathIp) throws Refusal {
    Store.Removed removed = store.delete(zone, pathIp);
    return Reply.ok(Json.success(json -> writeSingle(json, removed.changed(), removed.mapping())));
  }

  private Reply create(Zone zone, JsonNode body) throws Refusal {
    Store.Requested request = singleRequest(body);
    Mapping created = store.create(zone, store.parseIp(request.ip()), request.vendor(), request.region());
    return Reply.ok(Json.success(json -> writeSingle(json, created.modifiedOn(), created)));
  }

  private Reply upsert(Zone zone, JsonNode body) throws Refusal {
    Store.Requested request = singleRequest(body);
    Store.Listing after = store.putAndList(zone, store.parseIp(request.ip()), request.vendor(), request.region());
    return Reply.ok(Json.success(json -> writeList(json, after)));
  }

  /**
   * The body of single create/upsert: an object (else 1190) with a valid string {@code ip} (else
   * 1146), string {@code vendor} and {@code region} that supported_regions lists (else 1157).
   */
  private Store.Requested singleRequest(JsonNode body) throws Refusal {
    if (!body.isObject()) {
      throw bodies.malformed(SINGLE_BODY,
          "Request body must be a JSON object with string fields ip, vendor and region; got " + Bodies.describe(body) + ".");
    }
    JsonNode ip = body.get("ip");
    if (ip == null || !ip.isTextual() || store.parseIp(ip.textValue()) == null) {
      throw new Refusal(Errors.invalidIp());
    }
    JsonNode vendor = body.get("vendor");
    JsonNode region = body.get("region");
    if (vendor == null || !vendor.isTextual() || region == null || !region.isTextual()
        || !store.catalogue().supports(vendor.textValue(), region.textValue())) {
      throw new Refusal(Errors.unsupportedVendorRegion());
    }
    return new Store.Requested(ip.textValue(), vendor.textValue(), region.textValue());
  }

  // ---------------------------------------------------------------- batches [BD1–BD11, BU1–BU5]

  /** Batch delete: a JSON array of IP strings (1190), at most 100 (1191), then each item [BD1–BD11]. Seam. */
  Reply batchDelete(Zone zone, JsonNode body) throws Refusal {
    List<String> texts = bodies.ipStrings(body, BATCH_DELETE_BODY);
    bodies.requireBatchSize(texts.size());
    return batchReply(store.deleteAll(zone, texts));
  }

  /** Batch upsert: a JSON array of objects (1190), at most 100 (1191), then each item [BU1–BU5]. Seam. */
  Reply batchUpsert(Zone zone, JsonNode body) throws Refusal {
    List<Store.Requested> requested = bodies.mappings(body, BATCH_UPSERT_BODY);
    bodies.requireBatchSize(requested.size());
    return batchReply(store.upsertAll(zone, requested));
  }

  // ---------------------------------------------------------------- JSON

  private void writeList(JsonGenerator json, Store.Listing listing) throws IOException {
    writeSettingHead(json, listing.modifiedOn());
    json.writeFieldName(VALUE);
    json.writeStartArray();
    for (Mapping mapping : listing.mappings()) {
      writeMapping(json, mapping);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeSingle(JsonGenerator json, ChangeClock.Timestamp modifiedOn, Mapping mapping) throws IOException {
    writeSettingHead(json, modifiedOn);
    json.writeFieldName(VALUE);
    writeMapping(json, mapping);
    json.writeEndObject();
  }

  private void writeMapping(JsonGenerator json, Mapping mapping) throws IOException {
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

  /** Opens the result object: {@code {"id":..., "editable":true, "modified_on":...}}. */
  private static void writeSettingHead(JsonGenerator json, ChangeClock.Timestamp modifiedOn) throws IOException {
    json.writeStartObject();
    json.writeFieldName(ID);
    json.writeString(SETTING);
    json.writeFieldName(EDITABLE);
    json.writeBoolean(true);
    json.writeFieldName(MODIFIED_ON);
    if (modifiedOn == null) {
      json.writeNull();
    } else {
      json.writeString(modifiedOn.text());
    }
  }

  /** A batch result: the setting head with the change time (null when nothing succeeded) and the items [BD4–BD7]. Seam. */
  Reply batchReply(BatchOutcome outcome) {
    return Reply.ok(Json.success(json -> {
      writeSettingHead(json, outcome.changed());
      json.writeFieldName(VALUE);
      Json.writeBatchItems(json, ORIGIN_IP, outcome.items());
      json.writeEndObject();
    }));
  }
}
