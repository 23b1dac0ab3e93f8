package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Validates every response the tests receive against the OpenAPI spec (the classpath resource of the
 * {@code origin-cloud-regions-openapi} module), so the server cannot drift from it.
 *
 * <p>A response to a request that names no operation of the spec (an unknown path, a method the path
 * does not have, a request Jetty cannot parse) is validated against the failure envelope schema.
 */
final class SpecValidator {
  static final String SPEC_RESOURCE = "openapi/origin-cloud-regions.yaml";
  private static final String FAILURE_SCHEMA = "cache-rules_api-response-common-failure";

  private static final SpecValidator INSTANCE = new SpecValidator();

  private final OpenApiInteractionValidator validator;
  private final SchemaValidator schemas;
  private final Schema<?> failureSchema;
  private final OpenAPI openApi;

  private SpecValidator() {
    String spec = readSpec();
    // No LevelResolver tuning is needed: the validator reads the spec's deliberate oddities correctly
    // (`enum: [null]` with `nullable: true` accepts null and refuses {}; the `5XX` range key matches
    // 500). Every message stays an error, including additionalProperties, so an extra field fails.
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
        .withBasePathOverride("/")
        .build();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI openApi = new OpenAPIV3Parser().readContents(spec, null, options).getOpenAPI();
    this.schemas = new SchemaValidator(openApi, new MessageResolver());
    this.failureSchema = openApi.getComponents().getSchemas().get(FAILURE_SCHEMA);
    this.openApi = openApi;
  }

  static SpecValidator instance() {
    return INSTANCE;
  }

  /** Asserts that a response to a request outside the API's base path is a 4xx failure envelope. */
  void assertFailureEnvelope(String description, int status, String contentType, String body) {
    assertThat(status).as("status of %s", description).isBetween(400, 499);
    assertThat(contentType).as("Content-Type of %s", description).isEqualTo("application/json");
    assertThat(errors(schemas.validate(body, failureSchema, "response.body")))
        .as("spec violations of %s -> %d %s", description, status, body)
        .isEmpty();
  }

  /**
   * Asserts that a response conforms to the spec.
   *
   * @param apiPath the request path below the base path, such as {@code /zones/<id>/cache/origin_cloud_regions}
   */
  void assertConforms(String method, String apiPath, int status, String contentType, String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null) {
      response.withBody(body);
    }
    Request.Method requestMethod = method(method);
    ValidationReport report = requestMethod == null || !hasOperation(apiPath, method)
        ? ValidationReport.singleton(ValidationReport.Message.create("validation.response.operation.notAllowed", method).build())
        : validator.validateResponse(apiPath, requestMethod, response.build());
    if (namesNoOperation(report)) {
      assertThat(status).as("status of %s %s, which names no operation", method, apiPath).isBetween(400, 499);
      assertThat(contentType).as("Content-Type of %s %s", method, apiPath).isEqualTo("application/json");
      report = schemas.validate(body, failureSchema, "response.body");
    }
    assertThat(errors(report))
        .as("spec violations of %s %s -> %d %s", method, apiPath, status, body)
        .isEmpty();
  }

  /**
   * Whether the spec has an operation for this request, resolving paths as OpenAPI says: a concrete
   * path wins over a templated one (so {@code GET .../batch} names no operation, although
   * {@code GET .../{origin_ip}} exists; the validator itself would fall back to the template).
   */
  private boolean hasOperation(String apiPath, String method) {
    String[] segments = apiPath.split("/", -1);
    String best = null;
    int bestLiterals = -1;
    for (String template : openApi.getPaths().keySet()) {
      String[] parts = template.split("/", -1);
      if (parts.length != segments.length) {
        continue;
      }
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < parts.length && matches; i++) {
        if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
          matches = !segments[i].isEmpty();
        } else {
          matches = parts[i].equals(segments[i]);
          literals++;
        }
      }
      if (matches && literals > bestLiterals) {
        best = template;
        bestLiterals = literals;
      }
    }
    if (best == null) {
      return false;
    }
    io.swagger.v3.oas.models.PathItem item = openApi.getPaths().get(best);
    return item.readOperationsMap().keySet().stream().anyMatch(m -> m.name().equalsIgnoreCase(method));
  }

  private static boolean namesNoOperation(ValidationReport report) {
    return report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.response.path.missing")
        || m.getKey().equals("validation.response.operation.notAllowed")
        || m.getKey().equals("validation.request.path.missing")
        || m.getKey().equals("validation.request.operation.notAllowed"));
  }

  private static List<String> errors(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
  }

  private static Request.Method method(String method) {
    try {
      return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String readSpec() {
    try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("spec resource not on the test classpath: " + SPEC_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
