package dev.origincloudregions.server;

import static dev.origincloudregions.server.Defect.BATCH_LIMIT_OFF_BY_ONE;
import static dev.origincloudregions.server.Defect.NO_BODY_SIZE_LIMIT;
import static dev.origincloudregions.server.Defect.OK_STATUS_WITH_ERROR_ENVELOPE;
import static dev.origincloudregions.server.Defect.SERVER_ERROR_ON_MALFORMED_JSON;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Request bodies, for both families: reading with the 1 MiB limit (413, code 1192) [E4], strict JSON
 * (400, code 1190) [BD1, BU1], the batch limit (400, code 1191) [BD2], and messages that say what
 * was wrong and where.
 */
final class Bodies {
  /** The most items one batch may hold [BD2, BU1]. */
  static final int MAX_BATCH_ITEMS = 100;
  /** The largest request body, 1 MiB [E4]. */
  static final int MAX_BODY_BYTES = 1 << 20;
  /** What {@link Defect#NO_BODY_SIZE_LIMIT} reads at most, so even that defect cannot exhaust memory. */
  static final int DEFECTIVE_BODY_LIMIT = 64 << 20;

  /**
   * What an operation's body must be: a batch or a single object, and its description for messages,
   * such as "a JSON array of IP address strings, such as ["192.0.2.1"], at most 100 items".
   */
  record Expected(boolean batch, String description) {}

  private final Set<Defect> defects;

  Bodies(Set<Defect> defects) {
    this.defects = defects;
  }

  /** Reads the body and parses it as JSON: {@link #read}, then {@link #parse}. */
  JsonNode readJson(Call call, Expected expected) throws Refusal {
    return parse(read(call, expected), expected);
  }

  /**
   * Reads the body's bytes. Over 1 MiB answers 413 (the declared length is checked before a byte is
   * read; a chunked body is read no further than 1 MiB + 1 byte) [E4].
   */
  byte[] read(Call call, Expected expected) throws Refusal {
    int limit = MAX_BODY_BYTES;
    if (defects.contains(NO_BODY_SIZE_LIMIT)) {
      limit = DEFECTIVE_BODY_LIMIT;
    }
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

  /** Parses a body as strict JSON; none at all, or not JSON, answers 400 code 1190 [BD1]. */
  JsonNode parse(byte[] body, Expected expected) throws Refusal {
    if (isBlank(body)) {
      throw malformed(expected, "A request body is required: " + expected.description() + ".");
    }
    try {
      return Json.READER.readTree(body);
    } catch (JsonProcessingException e) {
      if (defects.contains(SERVER_ERROR_ON_MALFORMED_JSON)) {
        throw new Refusal(Reply.error(500, 1140, "Internal error."));
      }
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw malformed(expected, "Request body is not valid JSON" + where + ".");
    } catch (IOException e) {
      throw malformed(expected, "Request body is not valid JSON.");
    }
  }

  /** 400, code 1190: a body that is not what the operation takes [BD1, BU1, VK1]. */
  Refusal malformed(Expected expected, String message) {
    Reply reply = Reply.error(400, 1190, message);
    if (expected.batch() && defects.contains(OK_STATUS_WITH_ERROR_ENVELOPE)) {
      reply = reply.withStatus(200);
    }
    return new Refusal(reply);
  }

  /** True when a well-formed batch of {@code items} is over the limit [BD2, BU1]. */
  boolean exceedsBatchLimit(int items) {
    int limit = MAX_BATCH_ITEMS;
    if (defects.contains(BATCH_LIMIT_OFF_BY_ONE)) {
      limit = MAX_BATCH_ITEMS + 1;
    }
    return items > limit;
  }

  /** 400, code 1191: a batch over the limit; nothing of it is applied [BD2]. */
  Refusal tooManyItems(int items) {
    Reply reply = Reply.error(400, 1191, "A batch holds at most " + MAX_BATCH_ITEMS + " items; this one has " + items + ".");
    if (defects.contains(OK_STATUS_WITH_ERROR_ENVELOPE)) {
      reply = reply.withStatus(200);
    }
    return new Refusal(reply);
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
