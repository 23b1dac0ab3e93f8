/**
 * How the suite talks to a target: raw HTTP without the SDK
 * ({@link dev.origincloudregions.conformance.http.HttpTarget}, and a socket client for bodies sent in part), one
 * {@link dev.origincloudregions.conformance.http.Exchange} per request as evidence, pacing and {@code Retry-After}
 * (SAFE4, {@link dev.origincloudregions.conformance.http.Pacer}), the guard and ledger of the SAFE1-SAFE3 rules
 * ({@link dev.origincloudregions.conformance.http.Safety}), the run's stop switch and request budget
 * ({@link dev.origincloudregions.conformance.http.RunControl}), the recording of a check's requests for case files
 * and replay ({@link dev.origincloudregions.conformance.http.Recorder}), and the credentials with their placeholders
 * and redaction ({@link dev.origincloudregions.conformance.http.TargetCredentials},
 * {@link dev.origincloudregions.conformance.http.Curl}). It knows no API family: the v1 paths live in the model.
 */
package dev.origincloudregions.conformance.http;
