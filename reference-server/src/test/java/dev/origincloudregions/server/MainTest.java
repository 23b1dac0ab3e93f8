package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line, parsed in-process and run for real as a child JVM. */
class MainTest {

  @Test
  void helpDescribesEveryPublicOptionAndNoDefect() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(status).isZero();
    assertThat(help).contains("--port", "--host", "--base-path", "--token", "--help", "--version", "(default 8080)");
    assertThat(help.toLowerCase(Locale.ROOT)).doesNotContain("defect");
  }

  @Test
  void parsesEveryOption() throws Main.UsageException {
    Main.Parsed line = Main.parse(new String[] {"--port", "9000", "--host=localhost", "--base-path", "/api", "--token", "T"});
    assertThat(line.help()).isFalse();
    assertThat(line.options().port()).isEqualTo(9000);
    assertThat(line.options().host()).isEqualTo("localhost");
    assertThat(line.options().basePath()).isEqualTo("/api");
    assertThat(line.options().token()).isEqualTo("T");
    assertThat(Main.parse(new String[0]).options().port()).as("default port").isEqualTo(8080);
  }

  @Test
  @DisplayName("A token may begin with '-' (picocli alone reads '-h...' as its -h option), and a generated one never does")
  void tokensThatLookLikeOptions() throws Main.UsageException {
    for (String token : new String[] {"-hZq1", "-VZq1", "-abc", "--x"}) {
      assertThat(Main.parse(new String[] {"--token", token}).options().token()).isEqualTo(token);
      assertThat(Main.parse(new String[] {"--token=" + token}).options().token()).isEqualTo(token);
      assertThat(Main.parse(new String[] {"--token", token, "--port", "0"}).options().port()).isZero();
    }
    for (int i = 0; i < 20_000; i++) {
      String token = ReferenceServer.generateToken();
      assertThat(token).hasSize(40).matches("[A-Za-z0-9][A-Za-z0-9_-]{39}");
    }
  }

  @Test
  @DisplayName("There is no --defect flag: the server users run holds no defect (they live in the mutants module)")
  void noDefectFlag() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--defect", "NO_ZONE_LIMIT"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("reference-server: unknown option '--defect'");
    assertThatThrownBy(() -> Main.parse(new String[] {"--defect=NO_ZONE_LIMIT"})).hasMessageContaining("unknown option");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      --port abc                | Invalid value for option '--port': must be a number from 0 to 65535, not 'abc'
      --port 70000              | Invalid value for option '--port': must be a number from 0 to 65535, not '70000'
      --port                    | Missing required parameter for option '--port' (N)
      --token                   | Missing required parameter for option '--token' (T)
      --port --token T          | Expected parameter for option '--port' but found '--token'
      --token --port 1          | Expected parameter for option '--token' but found '--port'
      --token -h                | Expected parameter for option '--token' but found '-h'
      --bogus                   | unknown option '--bogus' (see --help)
      extra                     | unexpected argument 'extra' (see --help)
      --base-path api           | Invalid value for option '--base-path': base path must start with '/': api
      --token tök               | Invalid value for option '--token': token must be printable ASCII without spaces
      --host=                   | Invalid value for option '--host': must not be empty
      --help=yes                | Invalid value for option '--help': 'yes' is not a boolean
      --version --bogus         | unknown option '--bogus' (see --help)
      --help --prot 1           | unknown option '--prot'; did you mean --port? (see --help)
      -V extra                  | unexpected argument 'extra' (see --help)
      """)
  void badOptionsGiveOneLineAndStatusTwo(String args, String message) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args.split(" "), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("reference-server: " + message + System.lineSeparator());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("A mistyped option gets one line naming the option it probably meant, and status 2")
  @CsvSource(delimiter = '|', textBlock = """
      --prot 8080      | --port
      --hots 0.0.0.0   | --host
      --tokn=T         | --token
      --base_path /api | --base-path
      --versoin        | --version
      --hlep           | --help
      """)
  void mistypedOptionGetsASuggestion(String args, String meant) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args.split(" "), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    String name = args.split("[ =]")[0];
    assertThat(status).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("reference-server: unknown option '" + name
        + "'; did you mean " + meant + "? (see --help)" + System.lineSeparator());
  }

  @Test
  @DisplayName("No option named like a defect is ever suggested")
  void noDefectOptionIsSuggested() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(new String[] {"--defekt", "X"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("--defect");
  }

  @Test
  @DisplayName("--version prints the project's version and exits with 0")
  void version() {
    String expected = System.getProperty("project.version");
    assertThat(expected).as("the build passes project.version").isNotBlank();
    for (String flag : List.of("--version", "-V")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status = Main.run(new String[] {flag}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertThat(status).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("reference-server " + expected + System.lineSeparator());
    }
  }

  @Test
  void aBadOptionInARealJvmExitsWithTwoAndNoStackTrace() throws Exception {
    Process process = java("--port", "nope").redirectErrorStream(false).start();
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(err.lines().toList())
          .containsExactly("reference-server: Invalid value for option '--port': must be a number from 0 to 65535, not 'nope'");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  @DisplayName("A3: the program prints the generated token once, serves it, and logs requests without it")
  void runsAsAProgram() throws Exception {
    Process process = java("--port", "0").start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String listening = out.readLine();
      Matcher url = Pattern.compile("Reference server listening on (http://127\\.0\\.0\\.1:\\d+/client/v4)").matcher(listening);
      assertThat(url.matches()).as("first line: %s", listening).isTrue();
      String tokenLine = out.readLine();
      assertThat(tokenLine).startsWith("Generated API token (shown once): ");
      String token = tokenLine.substring(tokenLine.indexOf(": ") + 2);

      RawHttp http = new RawHttp(URI.create(url.group(1)), token);
      String path = "/zones/023e105f4ecef8ad9ca31a8372d0c353/cache/origin_cloud_regions";
      assertThat(http.get(path).status()).isEqualTo(200);
      assertThat(http.call("GET", path).anonymous().header("Authorization", "Bearer wrong").send().status()).isEqualTo(403);
      assertThat(http.get(path + "/" + token).status()).isEqualTo(400);

      List<String> log = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        log.add(out.readLine());
      }
      assertThat(log.get(0)).matches("GET /client/v4" + Pattern.quote(path) + " 200 \\d+\\.\\d{3}ms");
      assertThat(log.get(1)).matches("GET /client/v4" + Pattern.quote(path) + " 403 \\d+\\.\\d{3}ms");
      assertThat(log).allSatisfy(line -> assertThat(line).doesNotContain(token));
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  private static ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
