package dev.origincloudregions.conformance;

import java.time.Instant;
import java.util.List;

/**
 * A whole run: what was tested, every check's result, how it ended and how long it took.
 *
 * @param target base URL tested (or "embedded reference server (...)")
 * @param profile reference or documented
 * @param seed the run's seed
 * @param tries examples per property check, before any scaling
 * @param version the suite's version
 * @param startedAt when the run started
 * @param results check results in run order
 * @param durationMillis total wall time
 * @param requests requests sent, setup and clean-up included
 * @param outcome how the run ended
 * @param notes lines for the summary: the plan, the request budget, what clean-up could not remove
 */
public record RunResult(String target, String profile, long seed, int tries, String version, Instant startedAt,
    List<CheckResult> results, long durationMillis, int requests, Outcome outcome, List<String> notes) {

  /** How a run ended. */
  public enum Outcome {
    COMPLETED("completed"),
    INTERRUPTED("interrupted"),
    UNREACHABLE("stopped: the target became unreachable"),
    BUDGET_EXHAUSTED("stopped: the request budget (--max-requests) ran out");

    public final String text;

    Outcome(String text) {
      this.text = text;
    }

    /** For "the run ...": {@code was interrupted}, {@code stopped: ...}. */
    public String phrase() {
      return this == INTERRUPTED ? "was interrupted" : text;
    }
  }

  public long count(CheckResult.Status s) {
    return results.stream().filter(r -> r.status() == s).count();
  }

  /** No unexpected failure (known failures do not count) and the run completed. */
  public boolean passed() {
    return outcome == Outcome.COMPLETED && count(CheckResult.Status.FAIL) == 0;
  }

  public List<CheckResult> failures() {
    return results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).toList();
  }

  /** Process exit code: 0 passed, 1 a check failed, 2 the run did not complete (or could not start). */
  int exitCode() {
    if (outcome != Outcome.COMPLETED) {
      return 2;
    }
    return passed() ? 0 : 1;
  }
}
