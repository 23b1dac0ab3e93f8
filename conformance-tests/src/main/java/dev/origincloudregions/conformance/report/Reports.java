package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The run's reports, all under the report directory: the console summary ({@code summary.txt}, {@link TextReport}),
 * JUnit XML for CI ({@code junit.xml}, {@link JunitReport}), one JSON line per check in mint's style
 * ({@code results.jsonl}, {@link JsonLinesReport}) and a self-contained page ({@code report.html},
 * {@link HtmlReport}). Every one reads the same {@link RuleTable}, and every text passes the run's redactor last.
 */
public final class Reports {
  public static final String SUMMARY = "summary.txt";
  public static final String JUNIT = "junit.xml";
  public static final String JSON_LINES = "results.jsonl";
  public static final String HTML = "report.html";

  private Reports() {}

  public static void writeAll(RunResult r, Path dir, UnaryOperator<String> redact) {
    try {
      Files.createDirectories(dir);
      write(dir.resolve(SUMMARY), TextReport.summary(r), redact);
      write(dir.resolve(JUNIT), JunitReport.of(r), redact);
      write(dir.resolve(JSON_LINES), JsonLinesReport.of(r), redact);
      write(dir.resolve(HTML), HtmlReport.of(r), redact);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text, UnaryOperator<String> redact) throws IOException {
    Files.writeString(file, redact.apply(text), StandardCharsets.UTF_8);
  }

  /** {@code 1 try}, {@code 2 tries}. */
  public static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The failure's details: message, counterexample, how to reproduce, the replay block. */
  public static String details(CheckResult c) {
    StringBuilder sb = new StringBuilder(c.message() == null ? "" : c.message());
    if (c.counterexample() != null) {
      sb.append("\ncounterexample (shrunk): ").append(c.counterexample());
    }
    sb.append("\nreproduce: --seed ").append(c.seed()).append(" --checks ").append(c.name());
    if (c.caseFile() != null) {
      sb.append("\ncase file: ").append(c.caseFile()).append(" (replay it with --replay ").append(c.caseFile())
          .append(")");
    }
    if (c.curl() != null) {
      sb.append("\nreplay:\n").append(c.curl());
    }
    return sb.toString();
  }
}
