package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.model.Violation;
import dev.origincloudregions.conformance.runner.RunOptions;
import java.util.List;

/**
 * One conformance check: a stable name, the contract rule IDs it covers, the API family it talks to, how many
 * examples it tries and what they cost, and a body that runs against a {@link Target} and throws a
 * {@link Violation} when the target breaks a rule, or {@link Skip} when it cannot run.
 *
 * @param name stable kebab-case name, unique in the suite
 * @param title one line saying what is checked
 * @param family the API family it sends requests to: {@code v1}, {@code v2}, {@code both} for the checks of the
 *     rules that tie the families together (VS1, VM1: they run with {@code --api all} only), or {@code run} for
 *     the end-of-run checks, which send none of their own
 * @param rules contract rule IDs covered
 * @param referenceOnly true when it checks only [ref] matters: skipped under the documented profile
 * @param phase when it runs: normal checks first, then the end-of-run checks
 * @param tries how many examples a property check tries: {@code max(minTries, --tries / divisor)}, 1 for
 *     example-based checks; scaled down to fit {@code --max-requests}
 * @param cost requests it sends: a fixed part and, for a property check, at most so many per example
 * @param body the check
 */
public record Check(String name, String title, String family, List<String> rules, boolean referenceOnly, Phase phase,
    Tries tries, Cost cost, Body body) {

  /** Normal checks run first; end-of-run checks (SAFE, audits) run after cleanup. */
  public enum Phase { MAIN, END }

  /**
   * How many examples a check tries at {@code --tries n}: {@code max(min, n / divisor)}; {@link #ONE} for a check
   * without examples.
   */
  public record Tries(int divisor, int min) {
    public static final Tries ONE = new Tries(0, 1);
    static final Tries ALL = new Tries(1, 1);

    int at(int n) {
      return divisor == 0 ? 1 : Math.max(min, n / divisor);
    }

    boolean property() {
      return divisor > 0;
    }
  }

  /**
   * At most how many requests a check sends: {@code fixed} once (setup and final reset) plus {@code perTry} for
   * each example (its own reset, seeding, the requests it checks and the reads that judge them). The request
   * budget (--max-requests) is planned with these numbers; each is an upper bound measured on the reference
   * server with a margin.
   */
  public record Cost(int fixed, int perTry) {
    long at(int tries) {
      return fixed + (long) perTry * tries;
    }
  }

  /** A check's code. */
  @FunctionalInterface
  public interface Body {
    void run(Target t) throws Exception;
  }

  /** Thrown by a check that cannot run here, with the reason (reported as SKIP). */
  public static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Skip(String reason) {
      super(reason);
    }
  }

  /** An example-based check of the v1 family. */
  static Check of(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, "v1", rules, false, Phase.MAIN, Tries.ONE, new Cost(20, 0), body);
  }

  /** An example-based check of the v1 family that checks only [ref] matters. */
  static Check ref(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, "v1", rules, true, Phase.MAIN, Tries.ONE, new Cost(20, 0), body);
  }

  /** An example-based check of the v2 family. */
  static Check v2(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, "v2", rules, false, Phase.MAIN, Tries.ONE, new Cost(20, 0), body);
  }

  /** An example-based check of the v2 family that checks only [ref] matters. */
  static Check v2ref(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, "v2", rules, true, Phase.MAIN, Tries.ONE, new Cost(20, 0), body);
  }

  /**
   * An example-based check of the rules that tie the two families together: it runs with --api all only, and, as
   * those rules (VS1, VM1) are [ref] as a whole, under the reference profile only.
   */
  static Check both(String name, String title, List<String> rules, Body body) {
    return new Check(name, title, "both", rules, true, Phase.MAIN, Tries.ONE, new Cost(20, 0), body);
  }

  static Check end(String name, String title, List<String> rules, boolean referenceOnly, Body body) {
    return new Check(name, title, "run", rules, referenceOnly, Phase.END, Tries.ONE, new Cost(2, 0), body);
  }

  /**
   * The rules this check judges in a run with {@code options}. VS1 (both families share one store) is judged by a
   * single-family check only when the run drives both families (--api all) under the reference profile, as VS1 is
   * [ref]; otherwise that check sees one family alone and does not list it, so that a report never counts VS1 as
   * passed by a run that could not break it.
   */
  List<String> rulesIn(RunOptions options) {
    boolean single = family.equals("v1") || family.equals("v2");
    if (single && rules.contains("VS1") && !(options.v1() && options.v2() && options.reference())) {
      return rules.stream().filter(r -> !r.equals("VS1")).toList();
    }
    return rules;
  }

  /** This check as a property check trying {@code max(min, --tries / divisor)} examples. */
  Check tries(int divisor, int min) {
    return new Check(name, title, family, rules, referenceOnly, phase, new Tries(divisor, min), cost, body);
  }

  /** This check with its request cost: {@code fixed} plus {@code perTry} per example. */
  Check cost(int fixed, int perTry) {
    return new Check(name, title, family, rules, referenceOnly, phase, tries, new Cost(fixed, perTry), body);
  }

  /** Whether a selector (a name or a rule ID) picks this check. */
  boolean matches(String selector) {
    return name.equalsIgnoreCase(selector) || rules.stream().anyMatch(r -> r.equalsIgnoreCase(selector));
  }
}
