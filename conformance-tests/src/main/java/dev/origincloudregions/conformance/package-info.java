/**
 * The conformance suite's front door: {@link dev.origincloudregions.conformance.ConformanceRunner} (the command
 * line, {@code java -jar conformance.jar}), {@link dev.origincloudregions.conformance.Conformance} (a run for a set
 * of options, reports included) and what a run returns ({@link dev.origincloudregions.conformance.RunResult},
 * {@link dev.origincloudregions.conformance.CheckResult}).
 *
 * <p>The sub-packages: {@code http} (how the suite talks to a target: pacing, the SAFE guard,
 * recording, redaction), {@code model} (the contract's rules, the IP oracle, the v1 operations and strict readers of
 * the answers), {@code checks} (the check catalogue and the engine that runs it), {@code pact} (the SDK's pact as
 * checks), {@code report} (summary, JUnit XML, JSON lines, HTML, case files) and {@code runner} (options, the
 * embedded server, known failures, the version). Only the types that cross them are public; everything else is
 * package-private. None of it is a published API: the suite ships as a runnable jar.
 */
package dev.origincloudregions.conformance;
