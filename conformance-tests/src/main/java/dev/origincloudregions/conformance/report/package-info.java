/**
 * The run's reports, all read from one per-rule table so they agree: the summary
 * ({@link dev.origincloudregions.conformance.report.TextReport}), JUnit XML, JSON lines, the HTML page, and the case
 * file of every failure ({@link dev.origincloudregions.conformance.report.CaseFiles}), which {@code --replay} reads
 * back. Every text passes the run's redactor last.
 */
package dev.origincloudregions.conformance.report;
