package dev.origincloudregions.openapi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: openapi-diff 2.1.7 (the reference for what is incompatible) plus
 * {@link SchemaGapCheck} for what it misses on this spec.
 */
final class CompatibilityGate {

  private CompatibilityGate() {}

  /** The outcome of comparing a spec with its baseline. */
  record Verdict(Path baseline, boolean openApiDiffSeesChanges, boolean openApiDiffAloneIncompatible,
      List<String> openApiDiffFindings, List<String> extraFindings, String openApiDiffReport) {

    boolean breaking() {
      return !openApiDiffFindings.isEmpty() || !extraFindings.isEmpty();
    }

    /** Names every breaking change, says how to proceed, then gives openapi-diff's full report. */
    String message() {
      StringBuilder sb = new StringBuilder();
      sb.append("The spec is not backward compatible with the released baseline ")
          .append(baseline).append(":\n");
      openApiDiffFindings.forEach(line -> sb.append("  - [openapi-diff] ").append(line).append('\n'));
      extraFindings.forEach(line -> sb.append("  - [gap check] ").append(line).append('\n'));
      sb.append("If the break is deliberate, release it and update the baseline as described in ")
          .append("docs/spec-lifecycle.md (\"Updating the baseline\").\n\n")
          .append("openapi-diff's report (every change, compatible ones included):\n")
          .append(openApiDiffReport);
      return sb.toString();
    }
  }

  static Verdict compare(Path baseline, Path current) {
    ChangedOpenApi diff = openApiDiff(baseline, current);
    List<String> findings = OpenApiDiffFindings.of(diff);
    List<String> extra = SchemaGapCheck.of(SpecFiles.read(baseline), SpecFiles.read(current));
    return new Verdict(baseline, diff.isDifferent(), diff.isIncompatible(), findings, extra,
        markdown(diff));
  }

  private static ChangedOpenApi openApiDiff(Path baseline, Path current) {
    return OpenApiCompare.fromLocations(
        baseline.toAbsolutePath().toString(), current.toAbsolutePath().toString());
  }

  private static String markdown(ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // The renderer closes the writer itself.
    new MarkdownRender().render(diff, new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
