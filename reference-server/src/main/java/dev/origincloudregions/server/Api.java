package dev.origincloudregions.server;

import static dev.origincloudregions.server.Defect.ACCEPTS_LEADING_ZERO_IPV4;
import static dev.origincloudregions.server.Defect.APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH;
import static dev.origincloudregions.server.Defect.BATCH_LIMIT_OFF_BY_ONE;
import static dev.origincloudregions.server.Defect.DROPS_LAST_RESULT;
import static dev.origincloudregions.server.Defect.DUPLICATES_NOT_DETECTED;
import static dev.origincloudregions.server.Defect.FAILED_ITEM_ECHOES_TEXT_AS_SENT;
import static dev.origincloudregions.server.Defect.FOLDS_IPV4_MAPPED;
import static dev.origincloudregions.server.Defect.GET_DOES_NOT_NORMALISE_PATH;
import static dev.origincloudregions.server.Defect.LIST_NOT_SORTED;
import static dev.origincloudregions.server.Defect.MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY;
import static dev.origincloudregions.server.Defect.MODIFIED_ON_WHEN_NOTHING_SUCCEEDED;
import static dev.origincloudregions.server.Defect.NO_BODY_SIZE_LIMIT;
import static dev.origincloudregions.server.Defect.NO_IPV6_NORMALISATION;
import static dev.origincloudregions.server.Defect.NO_ZONE_LIMIT;
import static dev.origincloudregions.server.Defect.OK_STATUS_WITH_ERROR_ENVELOPE;
import static dev.origincloudregions.server.Defect.RACY_BATCH_DELETE;
import static dev.origincloudregions.server.Defect.SERVER_ERROR_ON_MALFORMED_JSON;
import static dev.origincloudregions.server.Defect.SHARED_STORE_ACROSS_ZONES;
import static dev.origincloudregions.server.Defect.SKIPS_KEY_CHECK;
import static dev.origincloudregions.server.Defect.SORTED_BATCH_RESULTS;
import static dev.origincloudregions.server.Defect.TOKEN_ECHOED_IN_ERROR;
import static dev.origincloudregions.server.Defect.UNDERSCORE_ORIGIN_IP_KEY;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API itself, free of any HTTP library: a {@link Call} in, a {@link Reply} out.
 *
 * <p>Every request is judged in one fixed order, and the first failing check answers: route (404
 * code 7000), method (405 code 7001), credentials (401/403 code 10000), zone identifier (400 code
 * 7003), declared body size (413 code 1192), then the body. Nothing changes unless every check of the
 * request as a whole passed [E5]. {@code docs/reference-server.md} records each decision that the
 * contract leaves open.
 */
final class Api {
  /** The most items one batch may hold [BD2, BU1]. */
  static final int MAX_BATCH_ITEMS = 100;
  /** The largest request body, 1 MiB [E4]. */
  static final int MAX_BODY_BYTES = 1 << 20;
  /** What {@link Defect#NO_BODY_SIZE_LIMIT} reads at most, so even that defect cannot exhaust memory. */
  static final int DEFECTIVE_BODY_LIMIT = 64 << 20;
  static final String SETTING_ID = "origin_public_cloud_region";

  static final String NOT_FOUND_MESSAGE =
      "Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.";
  static final String EXISTS_MESSAGE =
      "Unable to create new origin_public_cloud_region setting. The zone setting already exists.";
  static final String INVALID_IP_MESSAGE = "Invalid or missing origin IP address.";
  static final String VENDOR_REGION_MESSAGE =
      "The vendor provided doesn't exist or the region provided does not exist for the specified cloud vendor";
  static final String ZONE_FULL_MESSAGE = "Maximum number of IP mappings configured for zone.";
  static final String AUTH_MESSAGE = "Authentication error";

  static final String ITEM_INVALID_IP = "invalid IP address";
  static final String ITEM_NOT_FOUND = "not found";
  static final String ITEM_DUPLICATE = "duplicate in request";
  static final String ITEM_UNSUPPORTED = "unsupported vendor or region";

  /** One HTTP request, as the API needs to see it. */
  interface Call {
    String method();

    /** The raw (still percent-encoded) path, without the query. */
    String path();

    /** The first value of a header, or null. */
    String header(String name);

    /** The declared {@code Content-Length}, or -1 when none was declared (chunked, or no body). */
    long declaredLength();

    /** Reads the body; null when it holds more than {@code limit} bytes (reading stops there). */
    byte[] readBody(int limit) throws IOException;
  }

  private enum Op { LIST, CREATE, UPSERT, GET, DELETE, BATCH_UPSERT, BATCH_DELETE, SUPPORTED_REGIONS }

  private static final Map<String, Op> COLLECTION = methods("GET", Op.LIST, "POST", Op.CREATE, "PATCH", Op.UPSERT);
  private static final Map<String, Op> BATCH = methods("PATCH", Op.BATCH_UPSERT, "DELETE", Op.BATCH_DELETE);
  private static final Map<String, Op> SUPPORTED = methods("GET", Op.SUPPORTED_REGIONS);
  private static final Map<String, Op> ITEM = methods("GET", Op.GET, "DELETE", Op.DELETE);

  /** A matched route: the zone identifier, the path IP (item routes only) and the methods it allows. */
  private record Target(String zoneId, String pathIp, Map<String, Op> methods) {}

  /** One batch item's outcome, in request order. */
  private record Item(String originIp, String vendor, String region, String error) {
    static Item succeeded(String originIp, String vendor, String region) {
      return new Item(originIp, vendor, region, null);
    }

    static Item failed(String originIp, String error) {
      return new Item(originIp, null, null, error);
    }

    boolean isSucceeded() {
      return error == null;
    }
  }

  /** One well-formed batch upsert item. */
  private record UpsertItem(String ip, String vendor, String region) {}

  /** A request refused as a whole; thrown to leave deep code quickly, without a stack trace. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Reply reply;

    Refusal(Reply reply) {
      super(null, null, false, false);
      this.reply = reply;
    }
  }

  private final String basePath;
  private final byte[] secret;
  private final String token;
  private final Set<Defect> defects;
  private final Catalogue catalogue;
  private final ChangeClock clock;
  private final ConcurrentHashMap<String, Zone> zones = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final String originIpKey;
  private final byte[] supportedRegions;

  Api(String basePath, String token, Set<Defect> defects, Catalogue catalogue, Clock clock) {
    this.basePath = basePath;
    this.token = token;
    this.secret = token.getBytes(StandardCharsets.UTF_8);
    this.defects = defects;
    this.catalogue = catalogue;
    this.clock = new ChangeClock(clock);
    this.originIpKey = defects.contains(UNDERSCORE_ORIGIN_IP_KEY) ? "origin_ip" : "origin-ip";
    this.supportedRegions = Json.success(this::writeSupportedRegions);
  }

  /** Answers one request; never throws for any input. */
  Reply handle(Call call) {
    Reply reply;
    try {
      reply = dispatch(call);
    } catch (Refusal refusal) {
      reply = refusal.reply;
    }
    if (defects.contains(TOKEN_ECHOED_IN_ERROR) && reply.isError()) {
      String presented = presentedCredential(call);
      if (presented != null) {
        reply = reply.withMessage(reply.errorMessage() + " (credential: " + presented + ")");
      }
    }
    return reply;
  }

  private Reply dispatch(Call call) throws Refusal {
    Target target = route(call.path());
    if (target == null) {
      return Reply.error(404, 7000, "No route for that URI");
    }
    Op op = target.methods().get(call.method());
    if (op == null) {
      String allowed = String.join(", ", target.methods().keySet());
      return Reply.error(405, 7001, "Method " + call.method() + " not allowed here; allowed: " + allowed)
          .withAllow(allowed);
    }
    authenticate(call);
    if (!isZoneId(target.zoneId())) {
      return Reply.error(400, 7003, "Invalid zone identifier: a zone_id is 32 lowercase hexadecimal characters.");
    }
    Zone zone = zone(target.zoneId());
    switch (op) {
      case LIST:
        return Reply.ok(Json.success(json -> writeList(json, snapshot(zone))));
      case SUPPORTED_REGIONS:
        return Reply.ok(supportedRegions);
      case GET:
        return get(zone, target.pathIp());
      case DELETE:
        return delete(zone, target.pathIp());
      case CREATE:
        return create(zone, readJson(call, false));
      case UPSERT:
        return upsert(zone, readJson(call, false));
      case BATCH_DELETE:
        return batchDelete(zone, readJson(call, true));
      case BATCH_UPSERT:
        return batchUpsert(zone, readJson(call, true));
      default:
        throw new IllegalStateException("unhandled operation " + op);
    }
  }

  // ---------------------------------------------------------------- routing, credentials, zones

  private Target route(String rawPath) {
    String rest;
    if (basePath.isEmpty()) {
      rest = rawPath.startsWith("/") ? rawPath.substring(1) : null;
    } else {
      rest = rawPath.startsWith(basePath + "/") ? rawPath.substring(basePath.length() + 1) : null;
    }
    if (rest == null) {
      return null;
    }
    String[] segments = rest.split("/", -1);
    if (segments.length < 4 || segments.length > 5) {
      return null;
    }
    if (!"zones".equals(decode(segments[0])) || !"cache".equals(decode(segments[2]))
        || !"origin_cloud_regions".equals(decode(segments[3]))) {
      return null;
    }
    String zoneId = decode(segments[1]);
    if (segments.length == 4) {
      return new Target(zoneId, null, COLLECTION);
    }
    String last = decode(segments[4]);
    switch (last) {
      case "batch":
        return new Target(zoneId, null, BATCH);
      case "supported_regions":
        return new Target(zoneId, null, SUPPORTED);
      case "":
        return null;
      default:
        return new Target(zoneId, last, ITEM);
    }
  }

  /**
   * The secret is accepted as a Bearer token, or as {@code X-Auth-Key} with a non-empty
   * {@code X-Auth-Email} [A1]. No credential at all answers 401; a credential that does not match
   * answers 403 [A2]. {@code Authorization}, when present, is the one judged.
   */
  private void authenticate(Call call) throws Refusal {
    String authorization = call.header("Authorization");
    if (authorization != null) {
      String presented = bearerToken(authorization);
      if (presented == null || !matchesSecret(presented)) {
        throw new Refusal(Reply.error(403, 10000, AUTH_MESSAGE));
      }
      return;
    }
    String key = call.header("X-Auth-Key");
    if (key != null) {
      String email = call.header("X-Auth-Email");
      boolean emailGiven = email != null && !email.isBlank();
      if (defects.contains(SKIPS_KEY_CHECK) && emailGiven) {
        return;
      }
      if (!emailGiven || !matchesSecret(key)) {
        throw new Refusal(Reply.error(403, 10000, AUTH_MESSAGE));
      }
      return;
    }
    throw new Refusal(Reply.error(401, 10000, AUTH_MESSAGE)
        .withAuthenticate("Bearer realm=\"origin-cloud-regions\""));
  }

  private static String bearerToken(String authorization) {
    String value = authorization.strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return value.substring(7).strip();
  }

  private boolean matchesSecret(String presented) {
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret);
  }

  private static String presentedCredential(Call call) {
    String authorization = call.header("Authorization");
    return authorization != null ? authorization : call.header("X-Auth-Key");
  }

  /** Z1: 32 lowercase hexadecimal characters, as Cloudflare's zone identifiers are. */
  static boolean isZoneId(String zoneId) {
    if (zoneId.length() != 32) {
      return false;
    }
    for (int i = 0; i < zoneId.length(); i++) {
      char c = zoneId.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Every well-formed zone exists and starts empty [Z2]. */
  private Zone zone(String zoneId) {
    String key = zoneId;
    if (defects.contains(SHARED_STORE_ACROSS_ZONES)) {
      key = "shared";
    }
    return zones.computeIfAbsent(key, id -> new Zone());
  }

  // ---------------------------------------------------------------- single operations

  private Reply get(Zone zone, String pathIp) {
    Ip ip = parseIp(pathIp);
    if (ip == null) {
      return Reply.error(400, 1146, INVALID_IP_MESSAGE);
    }
    Ip key = ip;
    if (defects.contains(GET_DOES_NOT_NORMALISE_PATH)) {
      key = ip.withText(pathIp);
    }
    Mapping mapping = zone.mappings.get(key);
    if (mapping == null) {
      return Reply.error(404, 1142, NOT_FOUND_MESSAGE);
    }
    return Reply.ok(Json.success(json -> writeSingle(json, mapping.modifiedOn(), mapping)));
  }

  private Reply delete(Zone zone, String pathIp) {
    Ip ip = parseIp(pathIp);
    if (ip == null) {
      return Reply.error(400, 1146, INVALID_IP_MESSAGE);
    }
    Mapping removed;
    ChangeClock.Timestamp changed;
    zone.lock.lock();
    try {
      removed = zone.mappings.remove(ip);
      if (removed == null) {
        return Reply.error(404, 1142, NOT_FOUND_MESSAGE);
      }
      changed = clock.next();
      recordChange(zone, changed);
    } finally {
      zone.lock.unlock();
    }
    return Reply.ok(Json.success(json -> writeSingle(json, changed, removed)));
  }

  private Reply create(Zone zone, JsonNode body) throws Refusal {
    UpsertItem request = singleRequest(body);
    Ip ip = parseIp(request.ip());
    requireSupported(request);
    Mapping created;
    zone.lock.lock();
    try {
      if (zone.mappings.containsKey(ip)) {
        return Reply.error(400, 1145, EXISTS_MESSAGE);
      }
      if (isFull(zone, 1)) {
        return Reply.error(403, 1164, ZONE_FULL_MESSAGE);
      }
      ChangeClock.Timestamp changed = clock.next();
      created = new Mapping(ip, request.vendor(), request.region(), changed, sequence.incrementAndGet());
      zone.mappings.put(ip, created);
      recordChange(zone, changed);
    } finally {
      zone.lock.unlock();
    }
    return Reply.ok(Json.success(json -> writeSingle(json, created.modifiedOn(), created)));
  }

  private Reply upsert(Zone zone, JsonNode body) throws Refusal {
    UpsertItem request = singleRequest(body);
    Ip ip = parseIp(request.ip());
    requireSupported(request);
    Snapshot after;
    zone.lock.lock();
    try {
      if (!zone.mappings.containsKey(ip) && isFull(zone, 1)) {
        return Reply.error(403, 1164, ZONE_FULL_MESSAGE);
      }
      ChangeClock.Timestamp changed = clock.next();
      zone.mappings.put(ip, new Mapping(ip, request.vendor(), request.region(), changed, sequence.incrementAndGet()));
      recordChange(zone, changed);
      after = snapshotLocked(zone);
    } finally {
      zone.lock.unlock();
    }
    return Reply.ok(Json.success(json -> writeList(json, after)));
  }

  /** The body of single create/upsert: an object with string {@code ip}, {@code vendor} and {@code region}. */
  private UpsertItem singleRequest(JsonNode body) throws Refusal {
    if (!body.isObject()) {
      throw new Refusal(Reply.error(400, 1190,
          "Request body must be a JSON object with string fields ip, vendor and region; got " + describe(body) + "."));
    }
    JsonNode ip = body.get("ip");
    if (ip == null || !ip.isTextual() || parseIp(ip.textValue()) == null) {
      throw new Refusal(Reply.error(400, 1146, INVALID_IP_MESSAGE));
    }
    JsonNode vendor = body.get("vendor");
    JsonNode region = body.get("region");
    if (vendor == null || !vendor.isTextual() || region == null || !region.isTextual()) {
      throw new Refusal(Reply.error(400, 1157, VENDOR_REGION_MESSAGE));
    }
    return new UpsertItem(ip.textValue(), vendor.textValue(), region.textValue());
  }

  private void requireSupported(UpsertItem request) throws Refusal {
    if (!catalogue.supports(request.vendor(), request.region())) {
      throw new Refusal(Reply.error(400, 1157, VENDOR_REGION_MESSAGE));
    }
  }

  // ---------------------------------------------------------------- batch delete [BD1–BD11]

  private Reply batchDelete(Zone zone, JsonNode body) throws Refusal {
    if (!body.isArray()) {
      throw badBatchBody(1190, "Request body must be a JSON array of IP address strings; got " + describe(body) + ".");
    }
    List<String> texts = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      if (!item.isTextual()) {
        throw badBatchBody(1190, "Item " + i + " of the request body is " + describe(item)
            + "; a batch delete body is a JSON array of IP address strings.");
      }
      texts.add(item.textValue());
    }
    if (texts.size() > batchLimit()) {
      if (defects.contains(APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH)) {
        deleteAll(zone, texts.subList(0, MAX_BATCH_ITEMS));
      }
      throw badBatchBody(1191, tooManyItems(texts.size()));
    }
    return deleteAll(zone, texts);
  }

  private Reply deleteAll(Zone zone, List<String> texts) {
    int n = texts.size();
    Ip[] ips = new Ip[n];
    for (int i = 0; i < n; i++) {
      ips[i] = parseIp(texts.get(i));
    }
    if (defects.contains(RACY_BATCH_DELETE)) {
      return racyDeleteAll(zone, texts, ips);
    }
    Item[] items = new Item[n];
    Map<Ip, Integer> firstIndex = new HashMap<>();
    ChangeClock.Timestamp changed = null;
    zone.lock.lock();
    try {
      for (int i = 0; i < n; i++) {
        Ip ip = ips[i];
        if (ip == null) {
          items[i] = Item.failed(texts.get(i), ITEM_INVALID_IP);
          continue;
        }
        Integer first = firstIndex.putIfAbsent(ip, i);
        if (first != null) {
          if (defects.contains(DUPLICATES_NOT_DETECTED)) {
            items[i] = items[first];
          } else {
            items[i] = Item.failed(failedText(ip, texts.get(i)), ITEM_DUPLICATE);
          }
          continue;
        }
        Mapping removed = zone.mappings.remove(ip);
        items[i] = removed == null
            ? Item.failed(failedText(ip, texts.get(i)), ITEM_NOT_FOUND)
            : Item.succeeded(removed.ip().text(), removed.vendor(), removed.region());
      }
      if (anySucceeded(items)) {
        changed = clock.next();
        recordChange(zone, changed);
      }
    } finally {
      zone.lock.unlock();
    }
    return batchReply(changed, items);
  }

  /** {@link Defect#RACY_BATCH_DELETE}: no lock, and a check-then-act gap that lets deletes race. */
  private Reply racyDeleteAll(Zone zone, List<String> texts, Ip[] ips) {
    Item[] items = new Item[ips.length];
    Map<Ip, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < ips.length; i++) {
      Ip ip = ips[i];
      if (ip == null) {
        items[i] = Item.failed(texts.get(i), ITEM_INVALID_IP);
      } else if (firstIndex.putIfAbsent(ip, i) != null) {
        items[i] = Item.failed(failedText(ip, texts.get(i)), ITEM_DUPLICATE);
      } else {
        Mapping found = zone.mappings.get(ip);
        if (found == null) {
          items[i] = Item.failed(failedText(ip, texts.get(i)), ITEM_NOT_FOUND);
        } else {
          Thread.yield();
          zone.mappings.remove(ip);
          items[i] = Item.succeeded(found.ip().text(), found.vendor(), found.region());
        }
      }
    }
    ChangeClock.Timestamp changed = null;
    if (anySucceeded(items)) {
      changed = clock.next();
      recordChange(zone, changed);
    }
    return batchReply(changed, items);
  }

  // ---------------------------------------------------------------- batch upsert [BU1–BU5]

  private Reply batchUpsert(Zone zone, JsonNode body) throws Refusal {
    if (!body.isArray()) {
      throw badBatchBody(1190, "Request body must be a JSON array of objects with string fields ip, vendor and region; got "
          + describe(body) + ".");
    }
    List<UpsertItem> requested = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      String problem = upsertItemProblem(item);
      if (problem != null) {
        throw badBatchBody(1190, "Item " + i + " of the request body " + problem
            + "; each item is an object with string fields ip, vendor and region.");
      }
      requested.add(new UpsertItem(item.get("ip").textValue(), item.get("vendor").textValue(), item.get("region").textValue()));
    }
    if (requested.size() > batchLimit()) {
      if (defects.contains(APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH)) {
        upsertAll(zone, requested.subList(0, MAX_BATCH_ITEMS));
      }
      throw badBatchBody(1191, tooManyItems(requested.size()));
    }
    return upsertAll(zone, requested);
  }

  private static String upsertItemProblem(JsonNode item) {
    if (!item.isObject()) {
      return "is " + describe(item);
    }
    for (String field : new String[] {"ip", "vendor", "region"}) {
      JsonNode value = item.get(field);
      if (value == null) {
        return "lacks the field " + field;
      }
      if (!value.isTextual()) {
        return "has a " + field + " that is " + describe(value) + ", not a string";
      }
    }
    return null;
  }

  private Reply upsertAll(Zone zone, List<UpsertItem> requested) throws Refusal {
    int n = requested.size();
    Item[] items = new Item[n];
    Ip[] apply = new Ip[n];
    Map<Ip, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < n; i++) {
      UpsertItem request = requested.get(i);
      Ip ip = parseIp(request.ip());
      if (ip == null) {
        items[i] = Item.failed(request.ip(), ITEM_INVALID_IP);
      } else if (firstIndex.putIfAbsent(ip, i) != null && !defects.contains(DUPLICATES_NOT_DETECTED)) {
        items[i] = Item.failed(failedText(ip, request.ip()), ITEM_DUPLICATE);
      } else if (!catalogue.supports(request.vendor(), request.region())) {
        items[i] = Item.failed(failedText(ip, request.ip()), ITEM_UNSUPPORTED);
      } else {
        apply[i] = ip;
        items[i] = Item.succeeded(ip.text(), request.vendor(), request.region());
      }
    }
    ChangeClock.Timestamp changed = null;
    zone.lock.lock();
    try {
      int added = 0;
      Map<Ip, Boolean> counted = new HashMap<>();
      for (Ip ip : apply) {
        if (ip != null && !zone.mappings.containsKey(ip) && counted.put(ip, Boolean.TRUE) == null) {
          added++;
        }
      }
      if (added > 0 && isFull(zone, added)) {
        throw new Refusal(Reply.error(403, 1164, ZONE_FULL_MESSAGE));
      }
      if (anySucceeded(items)) {
        changed = clock.next();
        for (int i = 0; i < n; i++) {
          if (apply[i] != null) {
            UpsertItem request = requested.get(i);
            zone.mappings.put(apply[i],
                new Mapping(apply[i], request.vendor(), request.region(), changed, sequence.incrementAndGet()));
          }
        }
        recordChange(zone, changed);
      }
    } finally {
      zone.lock.unlock();
    }
    return batchReply(changed, items);
  }

  // ---------------------------------------------------------------- shared helpers

  private int batchLimit() {
    if (defects.contains(BATCH_LIMIT_OFF_BY_ONE)) {
      return MAX_BATCH_ITEMS + 1;
    }
    return MAX_BATCH_ITEMS;
  }

  private static String tooManyItems(int count) {
    return "A batch holds at most " + MAX_BATCH_ITEMS + " items; this one has " + count + ".";
  }

  private Refusal badBatchBody(int code, String message) {
    Reply reply = Reply.error(400, code, message);
    if (defects.contains(OK_STATUS_WITH_ERROR_ENVELOPE)) {
      reply = reply.withStatus(200);
    }
    return new Refusal(reply);
  }

  /** True when adding {@code added} new mappings would take the zone past its limit [M2, BU4]. */
  private boolean isFull(Zone zone, int added) {
    if (defects.contains(NO_ZONE_LIMIT)) {
      return false;
    }
    return zone.mappings.size() + added > Zone.MAX_MAPPINGS;
  }

  /** After a change: the zone's modified_on is the change time, or null once the zone is empty [L1, G2, BD7]. */
  private void recordChange(Zone zone, ChangeClock.Timestamp changed) {
    if (zone.mappings.isEmpty() && !defects.contains(MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY)) {
      zone.modifiedOn = null;
    } else {
      zone.modifiedOn = changed;
    }
  }

  /** IP1–IP3, and the defects that get them wrong. Null when the text is not a valid origin IP. */
  private Ip parseIp(String text) {
    Optional<Ip> parsed = IpAddresses.parse(text);
    if (parsed.isEmpty() && defects.contains(ACCEPTS_LEADING_ZERO_IPV4)) {
      parsed = IpAddresses.parseAllowingLeadingZeros(text);
    }
    if (parsed.isEmpty()) {
      return null;
    }
    Ip ip = parsed.get();
    if (defects.contains(FOLDS_IPV4_MAPPED)) {
      ip = ip.unmapped();
    }
    if (defects.contains(NO_IPV6_NORMALISATION) && ip.isIpv6()) {
      ip = ip.withText(text);
    }
    return ip;
  }

  /** BD6: a failed item names a valid IP by its canonical form, anything else by the text as sent. */
  private String failedText(Ip ip, String sent) {
    if (defects.contains(FAILED_ITEM_ECHOES_TEXT_AS_SENT)) {
      return sent;
    }
    return ip.text();
  }

  private static boolean anySucceeded(Item[] items) {
    for (Item item : items) {
      if (item.isSucceeded()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the body as JSON. Over 1 MiB answers 413 (the declared length is checked before a byte is
   * read; a chunked body is read no further than 1 MiB) [E4]; none at all, or not JSON, answers 400
   * code 1190 [BD1].
   */
  private JsonNode readJson(Call call, boolean batch) throws Refusal {
    int limit = MAX_BODY_BYTES;
    if (defects.contains(NO_BODY_SIZE_LIMIT)) {
      limit = DEFECTIVE_BODY_LIMIT;
    }
    if (call.declaredLength() > limit) {
      throw new Refusal(Reply.error(413, 1192, "Request body is larger than 1 MiB."));
    }
    byte[] body;
    try {
      body = call.readBody(limit);
    } catch (IOException | RuntimeException e) {
      throw badBody(batch, "The request body could not be read completely.");
    }
    if (body == null) {
      throw new Refusal(Reply.error(413, 1192, "Request body is larger than 1 MiB."));
    }
    if (isBlank(body)) {
      throw badBody(batch, batch
          ? "A request body is required: a JSON array of " + (call.method().equals("DELETE")
              ? "IP address strings, such as [\"192.0.2.1\"]" : "objects with string fields ip, vendor and region")
              + ", at most " + MAX_BATCH_ITEMS + " items."
          : "A request body is required: a JSON object with string fields ip, vendor and region.");
    }
    try {
      return Json.READER.readTree(body);
    } catch (JsonProcessingException e) {
      if (defects.contains(SERVER_ERROR_ON_MALFORMED_JSON)) {
        throw new Refusal(Reply.error(500, 1140, "Internal error."));
      }
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw badBody(batch, "Request body is not valid JSON" + where + ".");
    } catch (IOException e) {
      throw badBody(batch, "Request body is not valid JSON.");
    }
  }

  private Refusal badBody(boolean batch, String message) {
    if (batch) {
      return badBatchBody(1190, message);
    }
    return new Refusal(Reply.error(400, 1190, message));
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String describe(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  /** Decodes %XX escapes as UTF-8; text that does not decode cleanly is kept as sent. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0 && hex(segment.charAt(i + 2)) >= 0) {
        bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
        i += 2;
      } else if (c == '%') {
        return segment;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return segment;
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
  }

  // ---------------------------------------------------------------- snapshots and JSON

  /** A consistent view of a zone: its mappings in list order and its modified_on. */
  private record Snapshot(List<Mapping> mappings, ChangeClock.Timestamp modifiedOn) {}

  private Snapshot snapshot(Zone zone) {
    zone.lock.lock();
    try {
      return snapshotLocked(zone);
    } finally {
      zone.lock.unlock();
    }
  }

  private Snapshot snapshotLocked(Zone zone) {
    List<Mapping> mappings = new ArrayList<>(zone.mappings.values());
    if (defects.contains(LIST_NOT_SORTED)) {
      mappings.sort(Comparator.comparingLong(Mapping::sequence).reversed());
    }
    return new Snapshot(mappings, zone.modifiedOn);
  }

  private void writeList(JsonGenerator json, Snapshot snapshot) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", SETTING_ID);
    json.writeBooleanField("editable", true);
    writeTime(json, snapshot.modifiedOn());
    json.writeArrayFieldStart("value");
    for (Mapping mapping : snapshot.mappings()) {
      writeMapping(json, mapping);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeSingle(JsonGenerator json, ChangeClock.Timestamp modifiedOn, Mapping mapping) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", SETTING_ID);
    json.writeBooleanField("editable", true);
    writeTime(json, modifiedOn);
    json.writeFieldName("value");
    writeMapping(json, mapping);
    json.writeEndObject();
  }

  private void writeMapping(JsonGenerator json, Mapping mapping) throws IOException {
    json.writeStartObject();
    json.writeStringField(originIpKey, mapping.ip().text());
    json.writeStringField("vendor", mapping.vendor());
    json.writeStringField("region", mapping.region());
    json.writeStringField("modified_on", mapping.modifiedOn().text());
    json.writeEndObject();
  }

  private static void writeTime(JsonGenerator json, ChangeClock.Timestamp time) throws IOException {
    if (time == null) {
      json.writeNullField("modified_on");
    } else {
      json.writeStringField("modified_on", time.text());
    }
  }

  private Reply batchReply(ChangeClock.Timestamp changed, Item[] outcome) {
    List<Item> items = new ArrayList<>(List.of(outcome));
    if (defects.contains(DROPS_LAST_RESULT) && !items.isEmpty()) {
      items.remove(items.size() - 1);
    }
    if (defects.contains(SORTED_BATCH_RESULTS)) {
      items.sort(Comparator.comparing(Item::originIp));
    }
    ChangeClock.Timestamp modifiedOn = changed;
    if (modifiedOn == null && defects.contains(MODIFIED_ON_WHEN_NOTHING_SUCCEEDED)) {
      modifiedOn = clock.next();
    }
    ChangeClock.Timestamp time = modifiedOn;
    return Reply.ok(Json.success(json -> {
      json.writeStartObject();
      json.writeStringField("id", SETTING_ID);
      json.writeBooleanField("editable", true);
      writeTime(json, time);
      json.writeObjectFieldStart("value");
      json.writeArrayFieldStart("succeeded");
      for (Item item : items) {
        if (item.isSucceeded()) {
          json.writeStartObject();
          json.writeStringField(originIpKey, item.originIp());
          json.writeStringField("vendor", item.vendor());
          json.writeStringField("region", item.region());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeArrayFieldStart("failed");
      for (Item item : items) {
        if (!item.isSucceeded()) {
          json.writeStartObject();
          json.writeStringField(originIpKey, item.originIp());
          json.writeStringField("error", item.error());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }));
  }

  private void writeSupportedRegions(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeBooleanField("obtained_codes", true);
    json.writeObjectFieldStart("vendors");
    for (Map.Entry<String, List<Catalogue.Region>> vendor : catalogue.vendors().entrySet()) {
      json.writeArrayFieldStart(vendor.getKey());
      for (Catalogue.Region region : vendor.getValue()) {
        json.writeStartObject();
        json.writeStringField("name", region.name());
        json.writeArrayFieldStart("upper_tier_colos");
        for (String colo : region.upperTierColos()) {
          json.writeString(colo);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static Map<String, Op> methods(Object... pairs) {
    Map<String, Op> methods = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      methods.put((String) pairs[i], (Op) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(methods);
  }

  /** The token, for redacting it from log lines. */
  String token() {
    return token;
  }
}
