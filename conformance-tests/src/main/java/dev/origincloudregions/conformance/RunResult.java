package dev.origincloudregions.conformance;

import java.util.List;

/**
 * A whole run: what was tested, every check's result, and how long it took.
 *
 * @param target base URL tested (or "embedded reference server")
 * @param profile reference or documented
 * @param seed the run's seed
 * @param tries examples per property check
 * @param results check results in run order
 * @param durationMillis total wall time
 * @param requests requests sent
 */
record RunResult(String target, String profile, long seed, int tries, List<CheckResult> results, long durationMillis,
    int requests) {

  long count(CheckResult.Status s) {
    return results.stream().filter(r -> r.status() == s).count();
  }

  boolean passed() {
    return count(CheckResult.Status.FAIL) == 0;
  }

  List<CheckResult> failures() {
    return results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).toList();
  }
}
