package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.LIST_EMPTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builder refuses bad settings in {@code build()} or the setter, with a one-line message that says
 * what is wrong, shows the offending value unless it may be a secret, and never echoes a credential.
 */
class BuilderTest {
  static final String REFUSED_SECRET =
      " must be printable ASCII without spaces or line breaks (the value is not shown)";

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "tok en", "token\n", "\ttoken", "tök", "t€k", "tok\u0000", "tok\u007f"})
  void anApiTokenThatCannotBeSentIsRefusedWithoutEchoingIt(String token) {
    assertThatThrownBy(() -> OriginCloudRegions.builder().apiToken(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiToken" + REFUSED_SECRET);
  }

  @Test
  void badEmailOrKeyIsRefusedNamingWhichWithoutEchoingIt() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().emailAndKey("user@example.com", "144c9 defac"))
        .hasMessage("key" + REFUSED_SECRET);
    assertThatThrownBy(() -> OriginCloudRegions.builder().emailAndKey("", "144c9defac"))
        .hasMessage("email" + REFUSED_SECRET);
  }

  @Test
  void nullSettingsAreRefusedNamingTheSetting() {
    var builder = OriginCloudRegions.builder();
    assertThatThrownBy(() -> builder.apiToken(null)).hasMessage("apiToken == null");
    assertThatThrownBy(() -> builder.emailAndKey(null, "k")).hasMessage("email == null");
    assertThatThrownBy(() -> builder.emailAndKey("e", null)).hasMessage("key == null");
    assertThatThrownBy(() -> builder.baseUrl(null)).hasMessage("baseUrl == null");
    assertThatThrownBy(() -> builder.retryPolicy(null)).hasMessage("retryPolicy == null");
    assertThatThrownBy(() -> builder.connectTimeout(null)).hasMessage("connectTimeout == null");
    assertThatThrownBy(() -> builder.readTimeout(null)).hasMessage("readTimeout == null");
    assertThatThrownBy(() -> builder.userAgent(null)).hasMessage("userAgent == null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://api.cloudflare.com/client/v4",
        "api.cloudflare.com/client/v4",
        "/client/v4",
        "http://",
        "https:///client/v4",
        "http://exa mple.com/client/v4"
      })
  void aBaseUrlThatIsNotAnAbsoluteHttpUrlIsRefusedShowingIt(String url) {
    assertThatThrownBy(() -> OriginCloudRegions.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl ")
        .hasMessageContaining("'" + url + "'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aBaseUrlWithUserInfoIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().baseUrl("https://me:s3cret@api.cloudflare.com/client/v4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiToken(...)")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> OriginCloudRegions.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout must be positive, was PT-1S");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "agent/1\r\nX-Injected: 1", "agent/ü"})
  void aUserAgentThatCannotBeAHeaderIsRefused(String userAgent) {
    assertThatThrownBy(() -> OriginCloudRegions.builder().userAgent(userAgent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userAgent must be non-blank printable ASCII text");
  }

  @Test
  void theDefaultBaseUrlIsCloudflares() {
    assertThat(OriginCloudRegions.builder().apiToken("t").build().toString())
        .contains("baseUrl=https://api.cloudflare.com/client/v4,");
    assertThat(OriginCloudRegions.DEFAULT_BASE_URL).isEqualTo("https://api.cloudflare.com/client/v4");
  }

  // ---- Credentials from the environment, in a child JVM whose environment the test controls. ----

  @Test
  @DisplayName("Without credentials and without CLOUDFLARE_API_TOKEN, build() fails with one actionable line")
  void withoutAnyCredentialsBuildFailsWithOneActionableLine() throws Exception {
    try (var server = new RecordingServer()) {
      Probe unset = probe(server, null);
      Probe blank = probe(server, "   ");

      for (Probe p : new Probe[] {unset, blank}) {
        assertThat(p.exitCode()).isEqualTo(3);
        assertThat(p.output())
            .isEqualTo(
                "IllegalStateException: No credentials: call apiToken(...) or emailAndKey(...), or set CLOUDFLARE_API_TOKEN\n");
      }
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void theTokenDefaultsToCloudflareApiTokenTrimmed() throws Exception {
    try (var server = new RecordingServer()) {
      server.enqueue(200, LIST_EMPTY);

      Probe p = probe(server, "  env-token-123\n");

      assertThat(p.output()).isEqualTo("sent\n");
      assertThat(server.takeRequest().headers("authorization")).containsExactly("Bearer env-token-123");
    }
  }

  @Test
  void anEnvironmentTokenThatCannotBeSentIsRefusedNamingTheVariableNotTheValue() throws Exception {
    try (var server = new RecordingServer()) {
      Probe p = probe(server, "env token");

      assertThat(p.exitCode()).isEqualTo(3);
      assertThat(p.output())
          .isEqualTo("IllegalArgumentException: CLOUDFLARE_API_TOKEN" + REFUSED_SECRET + "\n")
          .doesNotContain("env token");
      assertThat(server.requestCount()).isZero();
    }
  }

  record Probe(int exitCode, String output) {}

  /** Runs {@link EnvCredentialsProbe} against {@code server} with CLOUDFLARE_API_TOKEN set or unset. */
  private static Probe probe(RecordingServer server, String envToken) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    var pb = new ProcessBuilder(java, "-cp", classpath, EnvCredentialsProbe.class.getName(), server.baseUrl());
    Map<String, String> env = pb.environment();
    env.remove("CLOUDFLARE_API_TOKEN");
    if (envToken != null) {
      env.put("CLOUDFLARE_API_TOKEN", envToken);
    }
    pb.redirectErrorStream(true);
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("probe did not finish; output: " + output);
    }
    return new Probe(process.exitValue(), output);
  }
}
