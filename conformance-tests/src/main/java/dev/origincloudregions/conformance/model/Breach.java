package dev.origincloudregions.conformance.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule (or one part of a mixed rule) that a target broke. A rule tagged [doc] or [ref] as a whole is broken as a
 * whole; a mixed rule (BD5: [doc] an item succeeds when..., [ref] it fails with "not found"...) is broken in its
 * [doc] part or its [ref] part, and a run under the documented profile never reports a [ref] part.
 *
 * @param rule the rule ID
 * @param ref true when the [ref] part (or a rule that is [ref] as a whole) is broken
 */
public record Breach(String rule, boolean ref) {

  /**
   * Parses a comma-separated list of rule IDs, each optionally followed by {@code [ref]} or {@code [doc]}:
   * {@code "M1, BD5"}, {@code "BD5 [ref]"}. A mixed rule without a part means its [doc] part.
   */
  public static List<Breach> parse(String spec) {
    List<Breach> out = new ArrayList<>();
    for (String s : spec.split(",")) {
      String t = s.trim();
      boolean ref = t.endsWith("[ref]");
      boolean doc = t.endsWith("[doc]");
      String id = ref || doc ? t.substring(0, t.length() - 5).trim() : t;
      Rules.Rule r = Rules.get(id);
      if (doc && r.referenceOnly() || ref && r.tag().equals("doc")) {
        throw new IllegalArgumentException(id + " has no " + (ref ? "[ref]" : "[doc]") + " part");
      }
      out.add(new Breach(id, ref || r.referenceOnly()));
    }
    return List.copyOf(out);
  }

  /** {@code BD4}, {@code BD5 [ref]} (the part is shown for mixed rules only). */
  @Override
  public String toString() {
    return Rules.get(rule).mixed() ? rule + (ref ? " [ref]" : " [doc]") : rule;
  }

  public static String join(List<Breach> bs) {
    StringBuilder sb = new StringBuilder();
    for (Breach b : bs) {
      sb.append(sb.length() == 0 ? "" : ", ").append(b);
    }
    return sb.toString();
  }
}
