/**
 * What a run is set up from: the command line and its options
 * ({@link dev.origincloudregions.conformance.runner.RunOptions}, read by picocli; a wrong one is a
 * {@link dev.origincloudregions.conformance.runner.ConfigException} with one line), the embedded reference server
 * used when no base URL is given, the known-failures file, and the suite's version.
 */
package dev.origincloudregions.conformance.runner;
