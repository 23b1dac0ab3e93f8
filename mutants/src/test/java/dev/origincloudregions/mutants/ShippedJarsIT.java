package dev.origincloudregions.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars that users run hold no defect: not one class or resource of this module, no class named for a defect
 * or a mutant, no class of the project that still names the old {@code Defect} switches or the {@code --defect}
 * flag, and a command line with {@code --defect} is refused as an unknown option. Runs after the reactor has
 * packaged both jars (failsafe, {@code verify}); the pom passes their paths.
 */
class ShippedJarsIT {
  /** The project's own classes, the only ones whose content is searched (libraries are left alone). */
  private static final String OWN_CLASSES = "dev/origincloudregions/";

  static Path jar(String property) {
    String path = System.getProperty(property);
    assertThat(path).as("system property %s (set by the mutants pom)", property).isNotNull();
    Path jar = Path.of(path);
    assertThat(jar).as("the shipped jar; build it with ./mvnw -B verify").isRegularFile();
    return jar;
  }

  /** Every class and resource this module builds, as jar entry names. */
  static Set<String> mutantEntries() throws IOException {
    Path classes = Path.of(System.getProperty("mutants.classes"));
    Set<String> entries = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files.filter(Files::isRegularFile).forEach(f -> entries.add(classes.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(entries).as("this module's classes, to look for in the jars").contains(
        "dev/origincloudregions/server/Mutant.class", "dev/origincloudregions/server/StoreMutants.class");
    return entries;
  }

  @ParameterizedTest
  @ValueSource(strings = {"shipped.referenceServerJar", "shipped.conformanceJar"})
  void holdsNoClassOrResourceOfTheMutants(String property) throws IOException {
    Set<String> mutants = mutantEntries();
    List<String> found = new ArrayList<>();
    try (JarFile jar = new JarFile(jar(property).toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        String name = entry.getName();
        String simple = name.substring(name.lastIndexOf('/') + 1);
        if (mutants.contains(name) || (name.startsWith(OWN_CLASSES) && (simple.contains("Defect") || simple.contains("Mutant")))) {
          found.add(name);
        }
      }
    }
    assertThat(found).as("entries of %s that belong to the mutants", property).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"shipped.referenceServerJar", "shipped.conformanceJar"})
  void noClassOfTheProjectNamesADefectSwitch(String property) throws IOException {
    List<String> found = new ArrayList<>();
    try (JarFile jar = new JarFile(jar(property).toFile())) {
      assertThat(jar.getEntry(property.equals("shipped.conformanceJar")
          ? "dev/origincloudregions/conformance/ConformanceRunner.class"
          : "dev/origincloudregions/server/Main.class")).as("the jar's main class").isNotNull();
      for (JarEntry entry : jar.stream().toList()) {
        if (!entry.getName().startsWith(OWN_CLASSES) || !entry.getName().endsWith(".class")) {
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          // Class files hold type names and string constants as (modified) UTF-8, which is plain ASCII here.
          String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          for (String needle : List.of("dev/origincloudregions/server/Defect", "--defect", "defects")) {
            if (bytes.contains(needle)) {
              found.add(entry.getName() + " names " + needle);
            }
          }
        }
      }
    }
    assertThat(found).as("classes of %s that still name a defect switch", property).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"shipped.referenceServerJar", "shipped.conformanceJar"})
  void refusesTheDefectFlag(String property) throws Exception {
    // Were --defect accepted, the suite would list its checks and end (0), the server would listen on a free port
    // until stopped. (Not --version or --help: picocli lets those through whatever else the line holds.)
    List<String> rest = property.equals("shipped.conformanceJar") ? List.of("--list") : List.of("--port", "0");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar(property).toString(), "--defect", "NO_ZONE_LIMIT"));
    command.addAll(rest);
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    boolean ended = process.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the jar ends at once, refusing the command line (it kept running: --defect was accepted)")
        .isTrue();
    assertThat(process.exitValue()).as("exit status of --defect (standard error: %s)", err).isEqualTo(2);
    assertThat(err).as("standard error").contains("--defect").containsIgnoringCase("unknown option");
  }
}
