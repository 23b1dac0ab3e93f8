package dev.origincloudregions.conformance.runner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The known-failures file: an entry that names neither a check nor a rule is refused. (Runs with the file, against
 * a server that fails, are {@code KnownFailuresRunTest} in the mutants module.)
 */
class KnownFailuresTest {

  @Test
  @DisplayName("an entry that names neither a check nor a rule is a configuration error with its line")
  void aTypoIsAConfigurationError() {
    assertThatThrownBy(() -> KnownFailures.parse(List.of("BD2", "", "BD55"), "known.txt"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("known.txt line 3: 'BD55'");
  }
}
