package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.TOKEN;
import static dev.origincloudregions.sdk.Fixtures.V2_LIST_EMPTY;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.RecordingServer.Recorded;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Settings from the environment, as Cloudflare's own SDKs read them, through a given map instead of the
 * test JVM's environment ({@code BuilderTest} also checks the real one, in a child JVM): what each
 * variable sends on the wire, which setting wins, and one-line refusals that never repeat a secret.
 */
class EnvironmentTest {
  private static final String EMAIL = "ops@example.com";
  private static final String KEY = "144c9defac04969c7bfad8efaa8ea194";

  @Test
  void theTokenVariableIsSentAsBearer() {
    Recorded r = oneCall(Map.of("CLOUDFLARE_API_TOKEN", TOKEN));

    assertThat(r.headers("authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(r.headers("x-auth-key")).isEmpty();
  }

  @Test
  void theEmailAndKeyVariablesAreSentAsTheLegacyPair() {
    Recorded r = oneCall(Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", " " + KEY + "\n"));

    assertThat(r.headers("x-auth-email")).containsExactly(EMAIL);
    assertThat(r.headers("x-auth-key")).containsExactly(KEY);
    assertThat(r.headers("authorization")).isEmpty();
  }

  @Test
  @DisplayName("with both forms set, the token wins and the pair is not sent")
  void withBothFormsTheTokenWins() {
    Recorded r = oneCall(Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY));

    assertThat(r.headers("authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(r.headers("x-auth-email")).isEmpty();
    assertThat(r.headers("x-auth-key")).isEmpty();
  }

  @Test
  void explicitCredentialsWinOverTheEnvironment() {
    try (var server = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);
      OriginCloudRegions.builder().baseUrl(server.baseUrl()).emailAndKey(EMAIL, KEY)
          .environment(Map.of("CLOUDFLARE_API_TOKEN", TOKEN)).build().listPage(ZONE, 1, 20);

      Recorded r = server.takeRequest();
      assertThat(r.headers("x-auth-key")).containsExactly(KEY);
      assertThat(r.headers("authorization")).isEmpty();
    }
  }

  @Test
  void theBaseUrlVariableIsUsedUnlessBaseUrlIsCalled() {
    try (var server = new RecordingServer(); var other = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);
      other.enqueue(200, V2_LIST_EMPTY);
      Map<String, String> env = Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", server.baseUrl() + "/");

      OriginCloudRegions fromEnv = OriginCloudRegions.builder().environment(env).build();
      fromEnv.listPage(ZONE, 1, 20);
      OriginCloudRegions.builder().environment(env).baseUrl(other.baseUrl()).build().listPage(ZONE, 1, 20);

      assertThat(server.takeRequest().path()).isEqualTo(Fixtures.V2_PATH);
      assertThat(other.requestCount()).isEqualTo(1);
      assertThat(fromEnv.toString()).contains("baseUrl=" + server.baseUrl() + ",");
    }
  }

  @Test
  void withoutTheBaseUrlVariableTheDefaultIsCloudflares() {
    assertThat(OriginCloudRegions.builder().environment(Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", " "))
            .build().toString())
        .contains("baseUrl=https://api.cloudflare.com/client/v4,");
  }

  @Test
  void aBadBaseUrlVariableIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> OriginCloudRegions.builder()
            .environment(Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", "api.cloudflare.com")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CLOUDFLARE_BASE_URL must be an absolute http or https URL, for example "
            + "https://api.cloudflare.com/client/v4, got 'api.cloudflare.com'");
    assertThatThrownBy(() -> OriginCloudRegions.builder()
            .environment(Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", "https://u:s3cret@example.com")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CLOUDFLARE_BASE_URL must not contain '@'")
        .message().doesNotContain("s3cret");
  }

  @Test
  void noCredentialsAtAllGiveOneActionableLineNotANullPointerException() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().environment(Map.of()).build())
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("No credentials: call apiToken(...) or emailAndKey(...), or set CLOUDFLARE_API_TOKEN");
  }

  @Test
  void halfOfThePairIsRefusedNamingTheMissingVariable() {
    assertThatThrownBy(() -> OriginCloudRegions.builder().environment(Map.of("CLOUDFLARE_EMAIL", EMAIL)).build())
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("No credentials: CLOUDFLARE_EMAIL is set but CLOUDFLARE_API_KEY is not; set both, or set "
            + "CLOUDFLARE_API_TOKEN, or call apiToken(...) or emailAndKey(...)");
    assertThatThrownBy(() -> OriginCloudRegions.builder().environment(Map.of("CLOUDFLARE_API_KEY", KEY)).build())
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No credentials: CLOUDFLARE_API_KEY is set but CLOUDFLARE_EMAIL is not;")
        .message().doesNotContain(KEY);
  }

  @Test
  void aVariableThatCannotBeSentIsRefusedNamingItNotItsValue() {
    assertThatThrownBy(() -> OriginCloudRegions.builder()
            .environment(Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", "144c9 defac")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CLOUDFLARE_API_KEY" + BuilderTest.REFUSED_SECRET);
  }

  private static Recorded oneCall(Map<String, String> env) {
    try (var server = new RecordingServer()) {
      server.enqueue(200, V2_LIST_EMPTY);
      OriginCloudRegions.builder().baseUrl(server.baseUrl()).environment(env).build().listPage(ZONE, 1, 20);
      return server.takeRequest();
    }
  }
}
