/**
 * The SDK's consumer pact as checks of the suite: one check per interaction
 * ({@link dev.origincloudregions.conformance.pact.PactChecks}), provider states set up through the target's public
 * API, and optional publishing to a Pact Broker. See docs/pact.md.
 */
package dev.origincloudregions.conformance.pact;
