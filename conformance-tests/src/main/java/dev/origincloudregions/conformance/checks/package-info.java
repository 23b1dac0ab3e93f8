/**
 * The check catalogue and the engine that runs it: {@link dev.origincloudregions.conformance.checks.Check} (a stable
 * name, the rule IDs it covers, its cost), the checks grouped by area ({@code *Checks}, the stateful and concurrent
 * properties, the end-of-run SAFE checks and audits), what a check works with
 * ({@link dev.origincloudregions.conformance.checks.Target}: the zones, the profile, a seeded property runner), and
 * the run itself ({@link dev.origincloudregions.conformance.checks.Suite}: plan, preflight, checks, clean-up,
 * interruption; {@link dev.origincloudregions.conformance.checks.Replay} for case files).
 */
package dev.origincloudregions.conformance.checks;
