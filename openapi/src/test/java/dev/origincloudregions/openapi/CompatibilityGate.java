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
 * {@link SchemaGapCheck} for what it misses on this spec, minus the findings that were reviewed and
 * {@linkplain Acknowledgements acknowledged} against this very baseline.
 */
final class CompatibilityGate {

  private CompatibilityGate() {}

  /**
   * The outcome of comparing a spec with its baseline. The finding lists hold every breaking change each
   * detector reported; {@code acknowledged} those of them that are excused, {@code staleAcknowledgements}
   * the acknowledgements that excuse nothing.
   */
  record Verdict(Path baseline, boolean openApiDiffSeesChanges, boolean openApiDiffAloneIncompatible,
      List<String> openApiDiffFindings, List<String> extraFindings, List<String> acknowledged,
      List<String> staleAcknowledgements, String openApiDiffReport) {

    boolean breaking() {
      return !unacknowledged(openApiDiffFindings).isEmpty() || !unacknowledged(extraFindings).isEmpty()
          || !staleAcknowledgements.isEmpty();
    }

    private List<String> unacknowledged(List<String> findings) {
      return findings.stream().filter(f -> !acknowledged.contains(f)).toList();
    }

    /** Names every breaking change, says how to proceed, then gives openapi-diff's full report. */
    String message() {
      StringBuilder sb = new StringBuilder();
      sb.append("The spec is not backward compatible with the released baseline ")
          .append(baseline).append(":\n");
      unacknowledged(openApiDiffFindings).forEach(line -> sb.append("  - [openapi-diff] ").append(line).append('\n'));
      unacknowledged(extraFindings).forEach(line -> sb.append("  - [gap check] ").append(line).append('\n'));
      sb.append("If the break is deliberate, release it and update the baseline as described in ")
          .append("docs/spec-lifecycle.md (\"Updating the baseline\").\n");
      if (!staleAcknowledgements.isEmpty()) {
        sb.append("Acknowledgements in ").append(Acknowledgements.FILE)
            .append(" that excuse no finding of this comparison (remove them; once released they belong")
            .append(" in the release notes of baseline/README.md):\n");
        staleAcknowledgements.forEach(line -> sb.append("  - ").append(line).append('\n'));
      }
      if (!acknowledged.isEmpty()) {
        sb.append("Acknowledged, so not failing the gate:\n");
        acknowledged.forEach(line -> sb.append("  - ").append(line).append('\n'));
      }
      sb.append("\nopenapi-diff's report (every change, compatible ones included):\n")
          .append(openApiDiffReport);
      return sb.toString();
    }
  }

  /** Compares without acknowledgements: every breaking change counts. */
  static Verdict compare(Path baseline, Path current) {
    return compare(baseline, current, Acknowledgements.NONE);
  }

  static Verdict compare(Path baseline, Path current, Acknowledgements acknowledgements) {
    ChangedOpenApi diff = openApiDiff(baseline, current);
    List<String> findings = OpenApiDiffFindings.of(diff);
    List<String> extra = SchemaGapCheck.of(SpecFiles.read(baseline), SpecFiles.read(current));
    String baselineVersion = SpecFiles.read(baseline).path("info").path("version").asText();
    Acknowledgements.Applied applied = acknowledgements.apply(baselineVersion,
        java.util.stream.Stream.concat(findings.stream(), extra.stream()).toList());
    return new Verdict(baseline, diff.isDifferent(), diff.isIncompatible(), findings, extra,
        applied.excused(), applied.stale(), markdown(diff));
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
