package dev.origincloudregions.conformance;

import java.util.List;

/**
 * One conformance check: a stable name, the contract rule IDs it covers, and a body that runs against a
 * {@link Target} and throws a {@link Violation} when the target breaks a rule, or {@link Skip} when it cannot run.
 *
 * @param name stable kebab-case name, unique in the suite
 * @param title one line saying what is checked
 * @param rules contract rule IDs covered
 * @param referenceOnly true when every rule it covers is [ref]: skipped under the documented profile
 * @param phase when it runs: normal checks first, then the end-of-run checks
 * @param body the check
 */
record Check(String name, String title, List<String> rules, boolean referenceOnly, Phase phase, Body body) {

  /** Normal checks run first; end-of-run checks (SAFE, audits) run after cleanup. */
  enum Phase { MAIN, END }

  /** A check's code. */
  @FunctionalInterface
  interface Body {
    void run(Target t) throws Exception;
  }

  /** Thrown by a check that cannot run here, with the reason (reported as SKIP). */
  static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
      super(reason);
    }
  }

  static Check of(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, rules, false, Phase.MAIN, body);
  }

  static Check ref(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, rules, true, Phase.MAIN, body);
  }

  static Check end(String name, String title, List<String> rules, boolean referenceOnly, Body body) {
    return new Check(name, title, rules, referenceOnly, Phase.END, body);
  }

  /** Whether a selector (a name or a rule ID) picks this check. */
  boolean matches(String selector) {
    return name.equalsIgnoreCase(selector) || rules.stream().anyMatch(r -> r.equalsIgnoreCase(selector));
  }
}
