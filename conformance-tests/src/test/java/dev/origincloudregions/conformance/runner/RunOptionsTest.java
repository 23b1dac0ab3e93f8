package dev.origincloudregions.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.conformance.ConformanceRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target selection: wrong settings fail fast with one line that says how to fix them. */
class RunOptionsTest {

  static RunOptions parse(String... args) {
    return RunOptions.parse(args, Map.of(), Map.of(), Path.of("r"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--tries abc|--tries must be an integer",
      "--tries 0|--tries must be an integer from 1",
      "--base-url ftp://x|--base-url must be an absolute http(s) URL",
      "--base-url http://127.0.0.1:1/client/v4|--base-url needs credentials",
      "--token T|credentials need a target",
      "--profile strict|--profile must be reference or documented",
      "--api v3|--api must be v1, v2 or all, got 'v3' (e.g. --api v2)",
      "--zone-id ABC|--zone-id must be 32 lowercase hex digits",
      "--max-rps -1|--max-rps must be a number >= 0",
      "--seed x|--seed must be an integer",
      "--frobnicate 1|unknown option --frobnicate",
      "--tires 5|unknown option --tires; did you mean --tries?",
      "--max-requests -5|--max-requests must be an integer from 0",
      "extra|unexpected argument 'extra'",
      "--base-url http://h/v4 --token T --email e --key k|give either --token or --email with --key",
      "--base-url http://h/v4 --token --tries 3|--token needs a value, e.g. --token VALUE",
      "--base-url --token T|--base-url needs a value, e.g. --base-url"})
  void rejectsWrongSettingsWithAnActionableLine(String args, String message) {
    assertThatThrownBy(() -> parse(args.split(" ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void takesATokenThatBeginsWithADash() {
    // picocli alone reads "-h..." after --token as its -h option and reports the token missing.
    for (String token : List.of("-hZq1", "-VZq1", "-abc", "--x")) {
      assertThat(parse("--base-url", "http://127.0.0.1:9/client/v4", "--token", token).token()).isEqualTo(token);
      assertThat(parse("--base-url", "http://127.0.0.1:9/client/v4", "--token=" + token).token()).isEqualTo(token);
    }
  }

  @Test
  void readsSystemPropertiesAndLetsArgumentsWin() {
    RunOptions o = RunOptions.parse(new String[] {"--tries", "7"}, Map.of("conformance.baseUrl",
        "http://127.0.0.1:9/client/v4/", "conformance.token", "T", "conformance.tries", "3", "conformance.seed", "5"),
        Map.of(), Path.of("r"));
    assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:9/client/v4");
    assertThat(o.tries()).isEqualTo(7);
    assertThat(o.seed()).isEqualTo(5);
    assertThat(o.maxRps()).as("loopback is not paced by default").isZero();
  }

  @Test
  void pacesRemoteHostsByDefault() {
    RunOptions o = parse("--base-url", "https://api.example.com/client/v4", "--token", "T");
    assertThat(o.maxRps()).isEqualTo(RunOptions.DEFAULT_REMOTE_RPS);
  }

  @Test
  void runnerExitsWithTwoAndOneLineOnAConfigurationError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ConformanceRunner.run(new String[] {"--tries", "nope"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("conformance: --tries").doesNotContain("\n");
  }

  @Test
  void apiChoosesTheFamiliesAndTheirChecks() {
    assertThat(parse().api()).as("both families by default").isEqualTo("all");
    RunOptions v1 = parse("--api", "v1");
    RunOptions v2 = parse("--api", "V2");
    assertThat(v1.runs("v1")).isTrue();
    assertThat(v1.runs("v2")).isFalse();
    assertThat(v2.runs("v2")).isTrue();
    assertThat(v2.runs("v1")).isFalse();
    assertThat(v1.runs("both") || v2.runs("both")).as("the cross-family checks need both families").isFalse();
    assertThat(parse().runs("both")).isTrue();
  }

  @Test
  void listShowsTheChecksOfTheChosenFamilies() {
    String all = list();
    String v2 = list("--api", "v2");
    String v1 = list("--api", "v1");
    assertThat(all).contains("batch-delete-agrees-with-model", "v2-batch-delete-agrees-with-model",
        "stateful-both-families", "safe-cleanup-complete");
    assertThat(v2).contains("v2-list-pages", "safe-cleanup-complete").containsPattern("(?m)^v2-put-get-delete +v2 ")
        .doesNotContainPattern("(?m)^\\S+ +(v1|both) ");
    assertThat(v1).contains("batch-delete-agrees-with-model").doesNotContainPattern("(?m)^\\S+ +(v2|both) ");
  }

  private static String list(String... api) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = new String[api.length + 1];
    args[0] = "--list";
    System.arraycopy(api, 0, args, 1, api.length);
    assertThat(ConformanceRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWrongApiExitsWithTwoAndOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ConformanceRunner.run(new String[] {"--api", "bogus"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("conformance: --api must be v1, v2 or all, "
        + "got 'bogus' (e.g. --api v2)");
  }

  @Test
  void aWrongWordNextToVersionOrHelpExitsWithTwo() {
    for (String[] args : new String[][] {{"--version", "--bogus"}, {"--help", "--tokn", "x"}, {"-V", "extra"}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = ConformanceRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing printed as if it had worked").isEmpty();
      assertThat(err.toString(StandardCharsets.UTF_8).lines()).as("one line").hasSize(1)
          .first().asString().startsWith("conformance: ").contains(args[1]);
    }
  }

  @Test
  void helpListsEveryOption() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ConformanceRunner.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--base-url", "--token", "--email", "--key", "--zone-id",
        "--second-zone-id", "--profile", "--tries", "--seed", "--max-rps", "--report-dir", "--allow-any-address",
        "--max-requests", "--known-failures", "--replay", "--version", "--profile documented", "--api");
  }
}
