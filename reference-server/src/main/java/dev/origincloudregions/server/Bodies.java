package dev.origincloudregions.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies, for both families: reading with the 1 MiB limit (413, code 1192) [E4], strict JSON
 * (400, code 1190) [BD1, BU1], the batch limit (400, code 1191) [BD2], and messages that say what
 * was wrong and where.
 *
 * <p>Not final: {@link #bodyLimit}, {@link #parse}, {@link #malformed}, {@link #exceedsBatchLimit} and
 * {@link #tooManyItems} are seams ({@link ServerParts}).
 */
class Bodies {
  /** The most items one batch may hold [BD2, BU1]. */
  static final int MAX_BATCH_ITEMS = 100;
  /** The largest request body, 1 MiB [E4]. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * What an operation's body must be: a batch or a single object, its description for messages (such
   * as "a JSON array of IP address strings, such as ["192.0.2.1"], at most 100 items"), and the name
   * of the IP field in its objects ({@code ip} in v1, {@code origin_ip} in v2; null for a batch delete).
   */
  record Expected(boolean batch, String description, String ipField) {
    /** A batch delete's body: a JSON array of IP strings. */
    static Expected ipStrings() {
      return new Expected(true, "a JSON array of IP address strings, such as [\"192.0.2.1\"], at most "
          + MAX_BATCH_ITEMS + " items", null);
    }

    /** A single object {@code {ipField, vendor, region}}. */
    static Expected mapping(String ipField) {
      return new Expected(false, "a JSON object with string fields " + ipField + ", vendor and region", ipField);
    }

    /** A batch of objects {@code {ipField, vendor, region}}. */
    static Expected mappings(String ipField) {
      return new Expected(true, "a JSON array of objects with string fields " + ipField + ", vendor and region, at most "
          + MAX_BATCH_ITEMS + " items", ipField);
    }
  }

  /** The spellings of the IP field across both families, for naming a mix-up [VK1]. */
  private static final List<String> IP_FIELDS = List.of("ip", "origin-ip", "origin_ip");

  Bodies() {}

  /** Reads the body and parses it as JSON: {@link #read}, then {@link #parse}. */
  JsonNode readJson(Call call, Expected expected) throws Refusal {
    return parse(read(call, expected), expected);
  }

  /**
   * Reads the body's bytes. Over 1 MiB answers 413 (the declared length is checked before a byte is
   * read; a chunked body is read no further than 1 MiB + 1 byte) [E4].
   */
  byte[] read(Call call, Expected expected) throws Refusal {
    int limit = bodyLimit();
    if (call.declaredLength() > limit) {
      throw tooLarge();
    }
    byte[] body;
    try {
      body = call.readBody(limit);
    } catch (IOException | RuntimeException e) {
      throw malformed(expected, "The request body could not be read completely.");
    }
    if (body == null) {
      throw tooLarge();
    }
    return body;
  }

  /** The most bytes a request body may hold: {@link #MAX_BODY_BYTES} [E4]. Seam. */
  int bodyLimit() {
    return MAX_BODY_BYTES;
  }

  /** Parses a body as strict JSON; none at all, or not JSON, answers 400 code 1190 [BD1]. Seam. */
  JsonNode parse(byte[] body, Expected expected) throws Refusal {
    if (isBlank(body)) {
      throw malformed(expected, "A request body is required: " + expected.description() + ".");
    }
    try {
      return Json.READER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw malformed(expected, "Request body is not valid JSON" + where + ".");
    } catch (IOException e) {
      throw malformed(expected, "Request body is not valid JSON.");
    }
  }

  /** A batch delete's IPs: the body must be a JSON array of strings (else 1190) [BD1]. */
  List<String> ipStrings(JsonNode body, Expected expected) throws Refusal {
    if (!body.isArray()) {
      throw malformed(expected, "Request body must be a JSON array of IP address strings; got " + describe(body) + ".");
    }
    List<String> texts = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      if (!item.isTextual()) {
        throw malformed(expected, "Item " + i + " of the request body is " + describe(item)
            + "; a batch delete body is a JSON array of IP address strings.");
      }
      texts.add(item.textValue());
    }
    return texts;
  }

  /** A batch upsert's items: the body must be a JSON array of {@code {ipField, vendor, region}} (else 1190) [BU1]. */
  List<Store.Requested> mappings(JsonNode body, Expected expected) throws Refusal {
    if (!body.isArray()) {
      throw malformed(expected, "Request body must be " + expected.description() + "; got " + describe(body) + ".");
    }
    List<Store.Requested> requested = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      String problem = objectProblem(item, expected);
      if (problem != null) {
        throw malformed(expected, "Item " + i + " of the request body " + problem + "; each item is an object with "
            + "string fields " + expected.ipField() + ", vendor and region.");
      }
      requested.add(requested(item, expected));
    }
    return requested;
  }

  /** The one object of a single write: {@code {ipField, vendor, region}} (else 1190). */
  Store.Requested mapping(JsonNode body, Expected expected) throws Refusal {
    if (!body.isObject()) {
      throw malformed(expected, "Request body must be " + expected.description() + "; got " + describe(body) + ".");
    }
    String problem = objectProblem(body, expected);
    if (problem != null) {
      throw malformed(expected, "The request body " + problem + "; it must be " + expected.description() + ".");
    }
    return requested(body, expected);
  }

  private static Store.Requested requested(JsonNode item, Expected expected) {
    return new Store.Requested(item.get(expected.ipField()).textValue(), item.get("vendor").textValue(),
        item.get("region").textValue());
  }

  /**
   * What is wrong with an item that should be an object with string fields {@code ipField},
   * {@code vendor} and {@code region}, or null. The other family's spelling of the IP field, in its
   * place, is named [VK1].
   */
  private static String objectProblem(JsonNode item, Expected expected) {
    if (!item.isObject()) {
      return "is " + describe(item);
    }
    for (String field : new String[] {expected.ipField(), "vendor", "region"}) {
      JsonNode value = item.get(field);
      if (value == null) {
        String problem = "lacks the field " + field;
        for (String other : IP_FIELDS) {
          if (field.equals(expected.ipField()) && !other.equals(field) && item.has(other)) {
            problem += " (it has " + other + "; this family spells it " + field + ")";
            break;
          }
        }
        return problem;
      }
      if (!value.isTextual()) {
        return "has a " + field + " that is " + describe(value) + ", not a string";
      }
    }
    return null;
  }

  /** 400, code 1190: a body that is not what the operation takes [BD1, BU1, VK1]. Seam. */
  Refusal malformed(Expected expected, String message) {
    return new Refusal(Reply.error(400, 1190, message));
  }

  /** True when a well-formed batch of {@code items} is over the limit [BD2, BU1]. Seam. */
  boolean exceedsBatchLimit(int items) {
    return items > MAX_BATCH_ITEMS;
  }

  /** 400, code 1191: a batch over the limit; nothing of it is applied [BD2]. Seam. */
  Refusal tooManyItems(int items) {
    return new Refusal(Reply.error(400, 1191, "A batch holds at most " + MAX_BATCH_ITEMS + " items; this one has " + items + "."));
  }

  /** Refuses a batch over the limit [BD2]. */
  void requireBatchSize(int items) throws Refusal {
    if (exceedsBatchLimit(items)) {
      throw tooManyItems(items);
    }
  }

  private static Refusal tooLarge() {
    return new Refusal(Reply.error(413, 1192, "Request body is larger than 1 MiB.").withBodyLeftUnread());
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** "an array", "a string", ...: what a JSON value is, for messages. */
  static String describe(JsonNode node) {
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
}
