package dev.origincloudregions.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds every example in the spec together with the schema it must satisfy: media-type
 * {@code example}/{@code examples} (request bodies, responses, component responses, with
 * {@code $ref}s to {@code components/examples} followed), parameter and header examples, and
 * schema-level {@code example}s at any depth.
 */
final class SpecExamples {

  /** One example and the JSON pointer (into the spec) of the schema it must satisfy. */
  record Case(String name, String schemaPointer, JsonNode value) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode spec;
  private final List<Case> cases = new ArrayList<>();
  private final Set<String> usedComponentExamples = new TreeSet<>();

  private SpecExamples(JsonNode spec) {
    this.spec = spec;
  }

  static SpecExamples of(JsonNode spec) {
    SpecExamples examples = new SpecExamples(spec);
    examples.collect();
    return examples;
  }

  List<Case> cases() {
    return List.copyOf(cases);
  }

  /** Names under {@code components/examples} that no media type refers to (so nothing checks them). */
  Set<String> unusedComponentExamples() {
    Set<String> unused = new TreeSet<>();
    spec.path("components").path("examples").fieldNames().forEachRemaining(unused::add);
    unused.removeAll(usedComponentExamples);
    return unused;
  }

  private void collect() {
    JsonNode paths = spec.path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      String pathPointer = "/paths/" + escape(path.getKey());
      parameters(path.getValue().path("parameters"), pathPointer + "/parameters", path.getKey());
      for (String method : METHODS) {
        JsonNode operation = path.getValue().path(method);
        if (!operation.isObject()) {
          continue;
        }
        String opPointer = pathPointer + "/" + method;
        String opName = method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        parameters(operation.path("parameters"), opPointer + "/parameters", opName);
        if (operation.has("requestBody") && !operation.path("requestBody").has("$ref")) {
          content(operation.path("requestBody").path("content"), opPointer + "/requestBody/content",
              opName + " request");
        }
        JsonNode responses = operation.path("responses");
        for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
          Map.Entry<String, JsonNode> response = rs.next();
          if (!response.getValue().has("$ref")) {
            response(response.getValue(), opPointer + "/responses/" + escape(response.getKey()),
                opName + " " + response.getKey());
          }
        }
      }
    }
    JsonNode components = spec.path("components");
    components.path("responses").fields().forEachRemaining(e ->
        response(e.getValue(), "/components/responses/" + escape(e.getKey()),
            "components.responses." + e.getKey()));
    components.path("requestBodies").fields().forEachRemaining(e ->
        content(e.getValue().path("content"), "/components/requestBodies/" + escape(e.getKey()) + "/content",
            "components.requestBodies." + e.getKey()));
    components.path("parameters").fields().forEachRemaining(e ->
        parameter(e.getValue(), "/components/parameters/" + escape(e.getKey()),
            "components.parameters." + e.getKey()));
    components.path("schemas").fields().forEachRemaining(e ->
        schema(e.getValue(), "/components/schemas/" + escape(e.getKey()),
            "components.schemas." + e.getKey()));
  }

  private void response(JsonNode response, String pointer, String name) {
    response.path("headers").fields().forEachRemaining(h ->
        parameter(h.getValue(), pointer + "/headers/" + escape(h.getKey()), name + " header " + h.getKey()));
    content(response.path("content"), pointer + "/content", name);
  }

  private void parameters(JsonNode list, String pointer, String owner) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode parameter = list.get(i);
      if (!parameter.has("$ref")) {
        parameter(parameter, pointer + "/" + i, owner + " parameter " + parameter.path("name").asText());
      }
    }
  }

  /** A parameter or a header: examples beside its {@code schema}. */
  private void parameter(JsonNode parameter, String pointer, String name) {
    if (parameter.has("example")) {
      cases.add(new Case(name + " example", pointer + "/schema", parameter.get("example")));
    }
    namedExamples(parameter.path("examples"), pointer + "/schema", name);
    schema(parameter.path("schema"), pointer + "/schema", name + " schema");
    content(parameter.path("content"), pointer + "/content", name);
  }

  private void content(JsonNode content, String pointer, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      String mediaPointer = pointer + "/" + escape(media.getKey());
      String mediaName = name + " " + media.getKey();
      JsonNode mediaType = media.getValue();
      if (mediaType.has("example")) {
        cases.add(new Case(mediaName + " example", mediaPointer + "/schema", mediaType.get("example")));
      }
      namedExamples(mediaType.path("examples"), mediaPointer + "/schema", mediaName);
      schema(mediaType.path("schema"), mediaPointer + "/schema", mediaName + " schema");
    }
  }

  private void namedExamples(JsonNode examples, String schemaPointer, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode example = entry.getValue();
      String label = name + " example '" + entry.getKey() + "'";
      if (example.has("$ref")) {
        String ref = example.get("$ref").asText();
        String prefix = "#/components/examples/";
        if (!ref.startsWith(prefix)) {
          throw new IllegalStateException(label + ": unsupported $ref " + ref);
        }
        usedComponentExamples.add(ref.substring(prefix.length()));
        label += " (" + ref + ")";
        example = spec.at(ref.substring(1));
      }
      if (example.has("externalValue") || !example.has("value")) {
        throw new IllegalStateException(label + ": only inline `value` examples can be checked");
      }
      cases.add(new Case(label, schemaPointer, example.get("value")));
    }
  }

  /** Schema-level {@code example}s, at any depth ({@code $ref}s are checked where they point). */
  private void schema(JsonNode schema, String pointer, String name) {
    if (!schema.isObject() || schema.has("$ref")) {
      return;
    }
    if (schema.has("example")) {
      cases.add(new Case(name + " example", pointer, schema.get("example")));
    }
    schema.path("properties").fields().forEachRemaining(e ->
        schema(e.getValue(), pointer + "/properties/" + escape(e.getKey()), name + "." + e.getKey()));
    schema(schema.path("items"), pointer + "/items", name + "[]");
    schema(schema.path("additionalProperties"), pointer + "/additionalProperties", name + "{*}");
    schema(schema.path("not"), pointer + "/not", name + "(not)");
    for (String composition : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode members = schema.path(composition);
      for (int i = 0; i < members.size(); i++) {
        schema(members.get(i), pointer + "/" + composition + "/" + i,
            name + "(" + composition + " " + i + ")");
      }
    }
  }

  /** JSON pointer escaping (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
