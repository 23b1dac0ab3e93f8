package dev.origincloudregions.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Breaking changes that openapi-diff 2.1.7 does not report on this OAS 3.0.3 spec. Each one is
 * proven missed by openapi-diff, and caught here, in {@code BreakingChangeGateTest}:
 *
 * <ul>
 *   <li>an optional response property is removed (openapi-diff reports only required ones), e.g.
 *       the list's {@code modified_on} [L1];
 *   <li>a response property becomes nullable: clients that never saw null get one;
 *   <li>a request property is removed: clients still send it and it is silently ignored;
 *   <li>a request property is restricted to an enum, e.g. {@code region}, which clients take from
 *       {@code supported_regions} [S1];
 *   <li>a schema's {@code type} changes while it keeps {@code items}: swagger-parser then still reads
 *       an array schema and openapi-diff sees "no differences", e.g. the batch delete body turned into
 *       an object, or {@code upper_tier_colos} into a string;
 *   <li>a request array's {@code maxItems} is raised or removed. openapi-diff counts only a lowered
 *       limit, as old clients stay within a higher one; but here the limit binds both ways [BD2, BU1]:
 *       clients split their batches by it (the SDK's bulk helpers) and every released server, Cloudflare's
 *       included, refuses a batch past 100 items, so a raised limit makes new clients send batches that
 *       deployed servers refuse.
 * </ul>
 *
 * <p>Operations are matched by exact path and method; a renamed path is openapi-diff's to report.
 */
final class SchemaGapCheck {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** Guards against recursive schemas; this spec nests about six levels deep. */
  private static final int MAX_DEPTH = 32;

  private enum Direction { REQUEST, RESPONSE }

  private final JsonNode oldSpec;
  private final JsonNode newSpec;
  private final List<String> lines = new ArrayList<>();

  private SchemaGapCheck(JsonNode oldSpec, JsonNode newSpec) {
    this.oldSpec = oldSpec;
    this.newSpec = newSpec;
  }

  /** Returns one line per breaking change found, naming where it is and what changed. */
  static List<String> of(JsonNode oldSpec, JsonNode newSpec) {
    SchemaGapCheck check = new SchemaGapCheck(oldSpec, newSpec);
    check.operations();
    return List.copyOf(check.lines);
  }

  private void operations() {
    JsonNode oldPaths = oldSpec.path("paths");
    JsonNode newPaths = newSpec.path("paths");
    for (Iterator<String> it = oldPaths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (String method : METHODS) {
        JsonNode oldOp = oldPaths.path(path).path(method);
        JsonNode newOp = newPaths.path(path).path(method);
        if (oldOp.isObject() && newOp.isObject()) {
          operation(method.toUpperCase(java.util.Locale.ROOT) + " " + path, oldOp, newOp);
        }
      }
    }
  }

  private void operation(String where, JsonNode oldOp, JsonNode newOp) {
    JsonNode oldBody = resolve(oldSpec, oldOp.path("requestBody"));
    JsonNode newBody = resolve(newSpec, newOp.path("requestBody"));
    content(oldBody, newBody, where + " › request body", Direction.REQUEST);
    JsonNode oldResponses = oldOp.path("responses");
    for (Iterator<String> it = oldResponses.fieldNames(); it.hasNext(); ) {
      String status = it.next();
      JsonNode oldResponse = resolve(oldSpec, oldResponses.path(status));
      JsonNode newResponse = resolve(newSpec, newOp.path("responses").path(status));
      content(oldResponse, newResponse, where + " › response " + status, Direction.RESPONSE);
    }
  }

  private void content(JsonNode oldOwner, JsonNode newOwner, String where, Direction direction) {
    JsonNode oldContent = oldOwner.path("content");
    for (Iterator<String> it = oldContent.fieldNames(); it.hasNext(); ) {
      String mediaType = it.next();
      JsonNode newMedia = newOwner.path("content").path(mediaType);
      if (newMedia.isObject()) {
        schema(oldContent.path(mediaType).path("schema"), newMedia.path("schema"),
            where + " " + mediaType, "", direction, 0);
      }
    }
  }

  /**
   * Compares two schemas at the same place: {@code where} names the operation, status and media type,
   * {@code path} the property inside the body ({@code result.value[].origin-ip}).
   */
  private void schema(JsonNode oldRaw, JsonNode newRaw, String where, String path,
      Direction direction, int depth) {
    JsonNode oldSchema = resolve(oldSpec, oldRaw);
    JsonNode newSchema = resolve(newSpec, newRaw);
    if (!oldSchema.isObject() || !newSchema.isObject() || depth > MAX_DEPTH) {
      return;
    }
    String oldType = oldSchema.path("type").asText("");
    String newType = newSchema.path("type").asText("");
    boolean keepsItems = oldSchema.has("items") && newSchema.has("items");
    if (keepsItems && !oldType.equals(newType)) {
      add(where, path, "type " + orNone(oldType) + " → " + orNone(newType) + " (`items` kept)");
    }
    JsonNode oldProperties = oldSchema.path("properties");
    JsonNode newProperties = newSchema.path("properties");
    if (direction == Direction.RESPONSE) {
      if (!oldSchema.path("nullable").asBoolean(false) && newSchema.path("nullable").asBoolean(false)) {
        add(where, path, "response value may now be null (nullable added)");
      }
      for (Iterator<String> it = oldProperties.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!newProperties.has(name) && !isRequired(oldSchema, name)) {
          add(where, join(path, name), "optional response property removed");
        }
      }
    } else {
      if (oldSchema.has("maxItems") && newSchema.path("maxItems").asInt(Integer.MAX_VALUE)
          > oldSchema.get("maxItems").asInt()) {
        add(where, path, "maxItems " + oldSchema.get("maxItems") + " → "
            + (newSchema.has("maxItems") ? newSchema.get("maxItems") : "(none)")
            + " (a batch limit binds both ways)");
      }
      if (!oldSchema.has("enum") && newSchema.has("enum")) {
        add(where, path, "request value restricted to enum " + newSchema.get("enum"));
      }
      for (Iterator<String> it = oldProperties.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!newProperties.has(name)) {
          add(where, join(path, name), "request property removed");
        }
      }
    }
    for (Iterator<String> it = oldProperties.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      schema(oldProperties.path(name), newProperties.path(name), where, join(path, name), direction,
          depth + 1);
    }
    schema(oldSchema.path("items"), newSchema.path("items"), where, path + "[]", direction,
        depth + 1);
    schema(oldSchema.path("additionalProperties"), newSchema.path("additionalProperties"), where,
        path + "{*}", direction, depth + 1);
    JsonNode oldAllOf = oldSchema.path("allOf");
    for (int i = 0; i < oldAllOf.size(); i++) {
      schema(oldAllOf.path(i), newSchema.path("allOf").path(i), where, path, direction,
          depth + 1);
    }
  }

  private static boolean isRequired(JsonNode schema, String property) {
    for (JsonNode name : schema.path("required")) {
      if (name.asText().equals(property)) {
        return true;
      }
    }
    return false;
  }

  /** Follows local {@code $ref}s ("#/components/..."); a missing node resolves to a missing node. */
  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < MAX_DEPTH && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("Only local $refs are supported, found " + ref);
      }
      current = spec.at(ref.substring(1));
    }
    return current;
  }

  private static String orNone(String type) {
    return type.isEmpty() ? "(none)" : type;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private void add(String where, String path, String what) {
    lines.add(where + (path.isEmpty() ? "" : " › " + path) + ": " + what);
  }
}
