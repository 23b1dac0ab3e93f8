package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of the root README and of sdk/README.md compiles as printed, against
 * the SDK being built: a renamed method or record breaks the build instead of the documentation. A
 * block is compiled as the body of a method, with its {@code import} lines moved to the top of the
 * file; it must therefore declare everything it uses. Blocks are compiled, never run.
 */
class ReadmeExamplesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");

  @TempDir Path classes;

  record Block(String file, int line, String code) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  static Stream<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    // Surefire runs in the module directory (sdk/).
    for (Path readme : List.of(Path.of("../README.md"), Path.of("README.md"))) {
      String text = Files.readString(readme);
      Matcher m = JAVA_BLOCK.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        blocks.add(new Block(readme.normalize().toString(), line, m.group(1)));
      }
    }
    return blocks.stream();
  }

  @Test
  @DisplayName("both READMEs have Java examples, and the root one shows v2 before v1")
  void theReadmesHaveExamplesAndTheRootOneShowsV2First() throws IOException {
    assertThat(blocks().map(Block::file)).contains("../README.md", "README.md");
    String root = blocks().filter(b -> b.file().equals("../README.md")).findFirst().orElseThrow().code();
    assertThat(root).contains("client.put(", "client.list(", "client.bulkDelete(");
    assertThat(root.indexOf("client.bulkDelete(")).isLessThan(root.indexOf("v1()"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  @DisplayName("a ```java block compiles as printed")
  void compilesAsPrinted(Block block) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : block.code().split("\n", -1)) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String source = imports + "\nclass ReadmeExample {\n  @SuppressWarnings(\"deprecation\")\n"
        + "  static void example() throws Exception {\n" + body + "  }\n}\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///ReadmeExample.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    StringWriter out = new StringWriter();

    boolean ok = javac.getTask(out, null, diagnostics, List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none"),
        null, List.of(file)).call();

    assertThat(ok)
        .as("%s does not compile:%n%s%n%s", block, diagnostics.getDiagnostics(), source)
        .isTrue();
  }
}
