package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.MappingRequest;
import dev.origincloudregions.sdk.OriginCloudRegions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The spec check that every other test relies on has teeth: it refuses responses that drift. */
class SpecValidatorTest {
  private static final String LIST = "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions";
  private final SpecValidator spec = SpecValidator.instance();

  private static String list(String mapping) {
    return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"origin_public_cloud_region\","
        + "\"editable\":true,\"modified_on\":\"2026-03-01T12:00:00Z\",\"value\":[" + mapping + "]}}";
  }

  @Test
  void acceptsTheDocumentedListShape() {
    assertThatCode(() -> spec.assertConforms("GET", LIST, 200, "application/json",
        list("{\"origin-ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\",\"modified_on\":\"2026-03-01T12:00:00Z\"}")))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("M1: refuses a mapping keyed origin_ip instead of origin-ip")
  void refusesUnderscoreKey() {
    assertThatThrownBy(() -> spec.assertConforms("GET", LIST, 200, "application/json",
        list("{\"origin_ip\":\"192.0.2.1\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}")))
        .hasMessageContaining("origin_ip");
  }

  @Test
  @DisplayName("E1: refuses an error envelope without result: null, or with no error")
  void refusesIncompleteErrorEnvelopes() {
    assertThatThrownBy(() -> spec.assertConforms("GET", LIST, 400, "application/json",
        "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"x\"}],\"messages\":[]}"))
        .hasMessageContaining("result");
    assertThatThrownBy(() -> spec.assertConforms("GET", LIST, 400, "application/json",
        "{\"success\":false,\"errors\":[],\"messages\":[],\"result\":null}"))
        .hasMessageContaining("minItems");
    assertThatThrownBy(() -> spec.assertConforms("GET", LIST, 400, "application/json",
        "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"x\"}],\"messages\":[],\"result\":{}}"))
        .hasMessageContaining("enum");
  }

  @Test
  void refusesAStatusTheOperationDoesNotDocument() {
    assertThatThrownBy(() -> spec.assertConforms("GET", LIST, 404, "application/json",
        "{\"success\":false,\"errors\":[{\"code\":7000,\"message\":\"x\"}],\"messages\":[],\"result\":null}"))
        .hasMessageContaining("404");
  }

  @Test
  @DisplayName("BD4: refuses a batch result without a failed array")
  void refusesBatchResultWithoutFailedArray() {
    assertThatThrownBy(() -> spec.assertConforms("DELETE", LIST + "/batch", 200, "application/json",
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"origin_public_cloud_region\","
            + "\"editable\":true,\"modified_on\":null,\"value\":{\"succeeded\":[]}}}"))
        .hasMessageContaining("failed");
  }

  @Test
  @DisplayName("E3: a request that names no operation must get a 4xx JSON failure envelope")
  void checksResponsesToUnknownOperationsAgainstTheFailureEnvelope() {
    assertThatCode(() -> spec.assertConforms("PUT", LIST, 405, "application/json",
        "{\"success\":false,\"errors\":[{\"code\":7001,\"message\":\"x\"}],\"messages\":[],\"result\":null}"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> spec.assertConforms("PUT", LIST, 405, "application/json", "{\"success\":true}"))
        .hasMessageContaining("required");
    assertThatThrownBy(() -> spec.assertConforms("GET", "/nope", 404, "text/html", "<html></html>"))
        .hasMessageContaining("Content-Type");
    assertThatThrownBy(() -> spec.assertConforms("GET", "/nope", 500, "application/json",
        "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"x\"}],\"messages\":[],\"result\":null}"))
        .hasMessageContaining("500");
  }

  @Test
  @SuppressWarnings("deprecation") // the v1 create: the defect under test is in v1 answers
  @DisplayName("M1: the server-side check of every answer catches a server that drifts from the spec")
  void serverSideCheckCatchesDrift() {
    List<String> violations = new CopyOnWriteArrayList<>();
    // A server whose answers spell the v1 key the v2 way, planted through the answer-rewriting seam.
    ServerParts underscoreKey = new ServerParts() {
      @Override
      CallHandler around(CallHandler api, Router router) {
        return call -> {
          Reply reply = api.handle(call);
          String body = new String(reply.body(), StandardCharsets.UTF_8).replace("\"origin-ip\":", "\"origin_ip\":");
          return new Reply(reply.status(), body.getBytes(StandardCharsets.UTF_8), reply.allow(), reply.authenticate(),
              reply.bodyLeftUnread());
        };
      }
    };
    try (ReferenceServer drifting = ReferenceServer.start(Options.defaults().token("T").requestLog(line -> { })
        .exchangeObserver(ServerTestSupport.specChecker(Options.DEFAULT_BASE_PATH, violations)), underscoreKey)) {
      OriginCloudRegions client = OriginCloudRegions.builder().baseUrl(drifting.baseUrl().toString()).apiToken("T").build();
      catchThrowable(() -> client.v1().create("023e105f4ecef8ad9ca31a8372d0c353", MappingRequest.of("192.0.2.1", "aws", "us-east-1")));
    }
    assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("POST "))
        .anySatisfy(v -> assertThat(v).contains("origin_ip"));
  }
}
