package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.http.RunControl;
import dev.origincloudregions.conformance.runner.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a run's requests: how many examples each check tries so that the whole run, setup and clean-up included,
 * stays within {@code --max-requests} while every check of the profile still runs at least once.
 *
 * <p>Each check declares what it costs ({@link Check.Cost}: a fixed part and at most so many requests per example).
 * Without a budget every check tries {@code max(min, --tries / divisor)} examples. With one, the tries of every
 * property check are scaled by one factor, never below one, the largest factor that fits; a budget that cannot fit
 * one example of each check is a configuration error. At run time each check stops starting examples when its share
 * would be passed ({@link Target#forAll}), and the run never sends more than the budget ({@link RunControl}).
 */
final class Planner {
  /**
   * Requests outside the checks, for each API family the run checks: the preflight lists (two, for v2 a page more
   * each) and the catalogue, and the clean-up of both zones.
   */
  static final int RESERVE = 5 + 2 * 6;

  /**
   * The plan.
   *
   * @param tries examples per check name
   * @param requests the most requests the plan sends
   * @param scaled true when tries were scaled down to fit the budget
   */
  record Plan(Map<String, Integer> tries, long requests, boolean scaled) {
    int triesOf(Check c) {
      return tries.getOrDefault(c.name(), 1);
    }

    /** The most requests a check may send under the plan. */
    long allotment(Check c) {
      return c.cost().at(triesOf(c));
    }
  }

  private Planner() {}

  static Plan plan(List<Check> checks, int tries, boolean reference, int maxRequests) {
    return plan(checks, tries, reference, maxRequests, 1);
  }

  /** As above, for a run that checks {@code families} API families (1, or 2 for --api all). */
  static Plan plan(List<Check> checks, int tries, boolean reference, int maxRequests, int families) {
    List<Check> running = checks.stream().filter(c -> reference || !c.referenceOnly()).toList();
    int reserve = RESERVE * families;
    Plan full = scaled(running, tries, 1.0, reserve);
    if (maxRequests == 0 || full.requests() <= maxRequests) {
      return full;
    }
    Plan least = scaled(running, tries, 0.0, reserve);
    if (least.requests() > maxRequests) {
      throw new ConfigException("--max-requests " + maxRequests + " cannot check every rule of the profile once: "
          + "that takes up to " + least.requests() + " requests (e.g. --max-requests " + least.requests() + ")");
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 40; i++) {
      double mid = (lo + hi) / 2;
      if (scaled(running, tries, mid, reserve).requests() <= maxRequests) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    Plan p = scaled(running, tries, lo, reserve);
    return new Plan(p.tries(), p.requests(), true);
  }

  private static Plan scaled(List<Check> checks, int tries, double factor, int reserve) {
    Map<String, Integer> out = new LinkedHashMap<>();
    long total = reserve;
    for (Check c : checks) {
      int n = c.tries().property() ? Math.max(1, (int) Math.floor(c.tries().at(tries) * factor)) : 1;
      out.put(c.name(), n);
      total += c.cost().at(n);
    }
    return new Plan(out, total, factor < 1.0);
  }
}
