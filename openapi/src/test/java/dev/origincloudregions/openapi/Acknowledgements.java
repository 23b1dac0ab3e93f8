package dev.origincloudregions.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings of the breaking-change gate that were reviewed and accepted on purpose, read from
 * {@code baseline/acknowledged-changes.yaml}: each names the exact finding line (place and change, without
 * the detector) and the reason it breaks no client. They are bound to the baseline version they were
 * reviewed against, so that releasing (copying the spec over the baseline) retires them.
 *
 * @param baselineVersion the {@code info.version} of the baseline the findings were reported against
 * @param reasons each acknowledged finding with its reason, in file order
 */
record Acknowledgements(String baselineVersion, Map<String, String> reasons) {

  /** The file next to the baseline. */
  static final Path FILE = Path.of("baseline/acknowledged-changes.yaml");

  /** No finding is excused (the gate's tests on edited copies of the spec). */
  static final Acknowledgements NONE = new Acknowledgements("", Map.of());

  Acknowledgements {
    reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  static Acknowledgements read(Path file) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = root.path("baseline_version").asText("");
    if (version.isEmpty()) {
      throw new IllegalStateException(file + ": baseline_version is missing");
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (JsonNode change : root.path("changes")) {
      String reason = change.path("reason").asText("").strip();
      if (reason.isEmpty()) {
        throw new IllegalStateException(file + ": every acknowledged change states its reason");
      }
      if (change.path("findings").isEmpty()) {
        throw new IllegalStateException(file + ": an acknowledged change without findings: " + reason);
      }
      for (JsonNode finding : change.path("findings")) {
        if (reasons.put(finding.asText(), reason) != null) {
          throw new IllegalStateException(file + ": finding acknowledged twice: " + finding.asText());
        }
      }
    }
    return new Acknowledgements(version, reasons);
  }

  /** What the acknowledgements make of the findings of one comparison. */
  record Applied(List<String> excused, List<String> stale) {}

  /**
   * Splits acknowledgements against the findings of a comparison with a baseline of the given version:
   * the findings they excuse, and those that excuse nothing (stale, mistyped, or reviewed against another
   * baseline). A finding is excused only by its exact text.
   */
  Applied apply(String actualBaselineVersion, List<String> findings) {
    List<String> excused = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    if (reasons.isEmpty()) {
      return new Applied(excused, stale);
    }
    if (!baselineVersion.equals(actualBaselineVersion)) {
      reasons.keySet().forEach(finding -> stale.add(finding + " (reviewed against baseline "
          + baselineVersion + ", the baseline is " + actualBaselineVersion + ")"));
      return new Applied(excused, stale);
    }
    for (String finding : reasons.keySet()) {
      if (findings.contains(finding)) {
        excused.add(finding);
      } else {
        stale.add(finding + " (not reported)");
      }
    }
    return new Applied(excused, stale);
  }
}
