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
  }

  static SpecValidator instance() {
    return INSTANCE;
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
    ValidationReport report = requestMethod == null
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
