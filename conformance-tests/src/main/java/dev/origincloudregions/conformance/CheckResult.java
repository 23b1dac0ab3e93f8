package dev.origincloudregions.conformance;

import dev.origincloudregions.conformance.model.Breach;
import dev.origincloudregions.conformance.report.FailureCase;
import java.util.List;

/**
 * The outcome of one check, with everything a person needs to act on a failure.
 *
 * @param name check name
 * @param title what it checks
 * @param rules rule IDs covered
 * @param status the outcome
 * @param durationMillis wall time
 * @param tries examples tried (1 for example-based checks)
 * @param requests requests the check sent
 * @param message the failure, skip or not-run reason, or null
 * @param broken the rules (or rule parts) a failure broke; empty unless FAIL or KNOWN, and empty for a failure
 *     that is an error of the check itself
 * @param counterexample the shrunk input, or null
 * @param seed the run seed that reproduces it
 * @param curl a block that replays the failing request, or null
 * @param caseFile the case file written for the failure (relative to the report directory), or null
 * @param failure what the case file is made of, or null (not reported as such)
 * @param family the API family the check talks to: {@code v1}, {@code v2}, {@code both} (the rules that tie the
 *     two together) or {@code run} (the end-of-run checks)
 */
public record CheckResult(
    String name,
    String title,
    List<String> rules,
    Status status,
    long durationMillis,
    int tries,
    int requests,
    String message,
    List<Breach> broken,
    String counterexample,
    long seed,
    String curl,
    String caseFile,
    FailureCase failure,
    String family) {

  /** How a check ended. */
  public enum Status {
    /** Every example held. */
    PASS,
    /** The target broke a rule (or the check could not be carried out). */
    FAIL,
    /** Failed, as the known-failures file said it would: does not fail the run. */
    KNOWN,
    /** Listed in the known-failures file, but passed: the entry can go. */
    FIXED,
    /** Could not run here, with the reason (profile, state of the zone, ...). */
    SKIP,
    /** Did not run: the run was interrupted or the target became unreachable first. */
    NOT_RUN;

    public boolean failed() {
      return this == FAIL || this == KNOWN;
    }

    boolean passed() {
      return this == PASS || this == FIXED;
    }
  }

  /** The rule IDs a failure broke, in order, without duplicates. */
  public List<String> brokenRules() {
    return broken.stream().map(Breach::rule).distinct().toList();
  }

  public CheckResult withStatus(Status s, String why) {
    return new CheckResult(name, title, rules, s, durationMillis, tries, requests, why == null ? message : why, broken,
        counterexample, seed, curl, caseFile, failure, family);
  }

  public CheckResult withCaseFile(String path) {
    return new CheckResult(name, title, rules, status, durationMillis, tries, requests, message, broken,
        counterexample, seed, curl, path, failure, family);
  }
}
