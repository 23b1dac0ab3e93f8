package dev.origincloudregions.conformance.report;

import dev.origincloudregions.conformance.http.Recorder;
import java.util.List;

/**
 * What a failure needs to be saved as a case file and replayed: the requests of the failing example (or of the
 * whole example-based check), how many of its judged requests had been sent when the rule was found broken, and the
 * generated input of the example (null for an example-based check).
 *
 * @param trace the requests, housekeeping ones marked
 * @param failedAt judged requests sent when the violation was found
 * @param input the shrunk input, or null
 */
public record FailureCase(List<Recorder.Entry> trace, int failedAt, Object input) {}
