package dev.origincloudregions.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.conformance.runner.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PactBrokerTest {

  @Test
  @DisplayName("publishing to a Pact Broker is off unless a broker URL is given")
  void isOffByDefault() {
    assertThat(PactBroker.fromSettings(Map.of(), Map.of())).isEmpty();
    assertThat(PactBroker.fromSettings(Map.of("pact.broker.url", " "), Map.of("PACT_BROKER_TOKEN", "t"))).isEmpty();
  }

  @Test
  @DisplayName("a broker URL switches it on; the system property wins over the environment")
  void aBrokerUrlSwitchesItOn() {
    assertThat(PactBroker.fromSettings(Map.of(), Map.of("PACT_BROKER_BASE_URL", "https://broker.example")))
        .contains(new PactBroker("https://broker.example", null));
    assertThat(PactBroker.fromSettings(Map.of("pact.broker.url", "http://127.0.0.1:9292", "pact.broker.token", "s3cret"),
        Map.of("PACT_BROKER_BASE_URL", "https://broker.example")))
        .contains(new PactBroker("http://127.0.0.1:9292", "s3cret"));
  }

  @Test
  @DisplayName("A3: the token is not shown; a broker URL that is not http(s) is a configuration error")
  void keepsTheTokenOutOfMessages() {
    assertThat(new PactBroker("https://broker.example", "s3cret").toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> PactBroker.fromSettings(Map.of("pact.broker.url", "broker.example"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http(s) URL");
  }
}
