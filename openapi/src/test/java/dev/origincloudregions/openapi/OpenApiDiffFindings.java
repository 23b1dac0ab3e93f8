package dev.origincloudregions.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxItems;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxLength;
import org.openapitools.openapidiff.core.model.schema.ChangedMinItems;
import org.openapitools.openapidiff.core.model.schema.ChangedMinLength;
import org.openapitools.openapidiff.core.model.schema.ChangedNullable;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Turns openapi-diff's verdict into one line per incompatible change, with its place: the renderers
 * say "Broken compatibility" per operation, or list every change without saying which one broke, so
 * "maxItems 100 → 50" on the batch delete body would otherwise appear nowhere.
 */
final class OpenApiDiffFindings {

  /** Guards against recursive schemas; this spec nests about six levels deep. */
  private static final int MAX_DEPTH = 32;

  private final List<String> lines = new ArrayList<>();

  private OpenApiDiffFindings() {}

  static List<String> of(ChangedOpenApi diff) {
    OpenApiDiffFindings findings = new OpenApiDiffFindings();
    for (Endpoint removed : diff.getMissingEndpoints()) {
      findings.add(removed.getMethod() + " " + removed.getPathUrl(), "operation removed");
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      findings.operation(operation);
    }
    if (diff.isIncompatible() && findings.lines.isEmpty()) {
      findings.add("(spec)", "incompatible; see openapi-diff's report below");
    }
    return List.copyOf(findings.lines);
  }

  private void operation(ChangedOperation operation) {
    if (!operation.isIncompatible()) {
      return;
    }
    String where = operation.getHttpMethod() + " " + operation.getPathUrl();
    int before = lines.size();
    parameters(operation.getParameters(), where + " › parameters");
    requestBody(operation.getRequestBody(), where + " › request body");
    responses(operation.getApiResponses(), where + " › response");
    if (operation.getSecurityRequirements() != null && operation.getSecurityRequirements().isIncompatible()) {
      add(where, "security requirements narrowed");
    }
    if (lines.size() == before) {
      add(where, "incompatible; see openapi-diff's report below");
    }
  }

  private void parameters(ChangedParameters parameters, String where) {
    if (parameters == null || !parameters.isIncompatible()) {
      return;
    }
    parameters.getMissing().forEach(p -> add(where + " " + p.getName(), "parameter removed"));
    for (ChangedParameter parameter : parameters.getChanged()) {
      String at = where + " " + parameter.getName();
      if (parameter.isChangeRequired()) {
        add(at, "parameter became required");
      }
      schema(parameter.getSchema(), at, "", 0);
    }
  }

  private void requestBody(ChangedRequestBody body, String where) {
    if (body == null || !body.isIncompatible()) {
      return;
    }
    if (body.isChangeRequired()) {
      add(where, "request body required " + Boolean.TRUE.equals(body.getOldRequestBody().getRequired())
          + " → " + Boolean.TRUE.equals(body.getNewRequestBody().getRequired()));
    }
    content(body.getContent(), where);
  }

  private void responses(ChangedApiResponse responses, String where) {
    if (responses == null || !responses.isIncompatible()) {
      return;
    }
    responses.getMissing().keySet().forEach(status -> add(where + " " + status, "response status removed"));
    for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
      ChangedResponse response = e.getValue();
      String at = where + " " + e.getKey();
      headers(response.getHeaders(), at);
      content(response.getContent(), at);
    }
  }

  private void headers(ChangedHeaders headers, String where) {
    if (headers == null || !headers.isIncompatible()) {
      return;
    }
    headers.getMissing().keySet().forEach(h -> add(where + " header " + h, "header removed"));
    headers.getChanged().keySet().forEach(h -> add(where + " header " + h, "header changed"));
  }

  private void content(ChangedContent content, String where) {
    if (content == null || !content.isIncompatible()) {
      return;
    }
    content.getMissing().keySet().forEach(type -> add(where + " " + type, "media type removed"));
    for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
      schema(e.getValue().getSchema(), where + " " + e.getKey(), "", 0);
    }
  }

  /** {@code where} names the operation and media type, {@code path} the property inside the body. */
  private void schema(ChangedSchema schema, String where, String path, int depth) {
    if (schema == null || !schema.isIncompatible() || depth > MAX_DEPTH) {
      return;
    }
    int before = lines.size();
    if (schema.isChangedType()) {
      add(where, path, "type " + type(schema.getOldSchema()) + " → " + type(schema.getNewSchema()));
    }
    for (Changed element : schema.getChangedElements()) {
      if (element != null && element.isIncompatible() && !(element instanceof ChangedSchema)) {
        add(where, path, describe(element));
      }
    }
    schema.getChangedProperties().forEach((name, property) ->
        schema(property, where, path.isEmpty() ? name : path + "." + name, depth + 1));
    schema(schema.getItems(), where, path + "[]", depth + 1);
    schema(schema.getAddProp(), where, path + "{*}", depth + 1);
    if (schema.isCoreChanged().isIncompatible() && !schema.getMissingProperties().isEmpty()) {
      add(where, path, "properties removed " + schema.getMissingProperties().keySet());
    }
    if (lines.size() == before && schema.isCoreChanged().isIncompatible()) {
      add(where, path, "schema changed incompatibly");
    }
  }

  private static String describe(Changed element) {
    if (element instanceof ChangedMaxItems c) {
      return "maxItems " + c.getOldValue() + " → " + c.getNewValue();
    }
    if (element instanceof ChangedMinItems c) {
      return "minItems " + c.getOldValue() + " → " + c.getNewValue();
    }
    if (element instanceof ChangedMaxLength c) {
      return "maxLength " + c.getOldValue() + " → " + c.getNewValue();
    }
    if (element instanceof ChangedMinLength c) {
      return "minLength " + c.getOldValue() + " → " + c.getNewValue();
    }
    if (element instanceof ChangedNullable c) {
      return "nullable " + c.getLeft() + " → " + c.getRight();
    }
    if (element instanceof ChangedRequired c) {
      return listChange("required", c);
    }
    if (element instanceof ChangedEnum<?> c) {
      return listChange("enum", c);
    }
    return element.getClass().getSimpleName().replaceFirst("^Changed", "") + " changed";
  }

  private static String listChange(String what, ChangedList<?> c) {
    StringBuilder sb = new StringBuilder(what);
    if (!c.getIncreased().isEmpty()) {
      sb.append(" added ").append(c.getIncreased());
    }
    if (!c.getMissing().isEmpty()) {
      sb.append(" removed ").append(c.getMissing());
    }
    return sb.toString();
  }

  /** The type with what else tells schemas of one type apart: "string", "string (format ipv4)", "string (anyOf)". */
  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder(String.valueOf(schema.getType()));
    List<String> details = new ArrayList<>();
    if (schema.getFormat() != null) {
      details.add("format " + schema.getFormat());
    }
    if (schema.getAllOf() != null) {
      details.add("allOf");
    }
    if (schema.getAnyOf() != null) {
      details.add("anyOf");
    }
    if (schema.getOneOf() != null) {
      details.add("oneOf");
    }
    if (!details.isEmpty()) {
      sb.append(" (").append(String.join(", ", details)).append(')');
    }
    return sb.toString();
  }

  private void add(String where, String path, String what) {
    add(where + (path.isEmpty() ? "" : " › " + path), what);
  }

  private void add(String where, String what) {
    lines.add(where + ": " + what);
  }
}
