package dev.origincloudregions.conformance;

import java.util.List;

/**
 * The outcome of one check, with everything a person needs to act on a failure.
 *
 * @param name check name
 * @param title what it checks
 * @param rules rule IDs covered
 * @param status PASS, FAIL or SKIP
 * @param durationMillis wall time
 * @param tries examples tried (1 for example-based checks)
 * @param message the failure or skip reason, or null
 * @param brokenRule the rule a failure broke, or null
 * @param counterexample the shrunk input, or null
 * @param seed the run seed that reproduces it
 * @param curl a command that replays the failing request, or null
 */
record CheckResult(
    String name,
    String title,
    List<String> rules,
    Status status,
    long durationMillis,
    int tries,
    String message,
    String brokenRule,
    String counterexample,
    long seed,
    String curl) {

  /** mint's statuses. */
  enum Status { PASS, FAIL, SKIP }
}
