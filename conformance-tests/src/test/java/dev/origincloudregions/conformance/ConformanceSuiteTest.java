package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origincloudregions.conformance.report.Reports;
import dev.origincloudregions.conformance.runner.RunOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Maven route: runs the whole suite once against the target given by {@code conformance.*} system properties
 * (the embedded reference server when there is none) and reports one dynamic test per check, named by its rules.
 * Reports go to {@code target/conformance-report}.
 *
 * <pre>./mvnw -pl conformance-tests -am verify -Dtest=ConformanceSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dconformance.baseUrl=http://127.0.0.1:8080/client/v4 -Dconformance.token=T</pre>
 */
class ConformanceSuiteTest {

  static RunOptions options() {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    return RunOptions.parse(new String[0], props, System.getenv(), Path.of("target", "conformance-report"));
  }

  @TestFactory
  @DisplayName("conformance suite")
  Stream<DynamicTest> everyCheckPasses() {
    RunOptions o = options();
    RunResult r = Conformance.run(o, System.out);
    assertThat(r.results()).as("checks run").isNotEmpty();
    List<CheckResult> results = r.results();
    return results.stream().map(c -> DynamicTest.dynamicTest(String.join(",", c.rules()) + ": " + c.name(), () -> {
      Assumptions.assumeTrue(c.status() != CheckResult.Status.SKIP, c.message());
      assertThat(c.status()).as("%s failed:%n%s", c.name(), Reports.details(c)).isEqualTo(CheckResult.Status.PASS);
    }));
  }
}
