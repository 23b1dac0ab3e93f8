package dev.origincloudregions.sdk;

import org.jspecify.annotations.Nullable;

/**
 * Told after every attempt of every call, on the calling thread: the hook for request logging and
 * metrics. Internal: {@link Caller} calls it; an exception it throws is ignored.
 */
interface AttemptListener {
  AttemptListener NONE = attempt -> {};

  void attemptDone(Attempt attempt);

  /**
   * One attempt.
   *
   * @param operation the public method, for example {@code bulkDelete}
   * @param method the HTTP method; null when nothing was sent (the request could not be built)
   * @param url the request URL, query included (never credentials: they travel in headers)
   * @param number 1 for the first attempt of the call, 2 for the first retry, ...
   * @param status the answer's status; -1 when no answer arrived
   * @param durationNanos from sending to the answer or failure, pacing waits excluded
   * @param cfRay the answer's {@code cf-ray} header
   * @param failure why the attempt failed, when it did (an answer with an error status included)
   */
  record Attempt(
      String operation,
      @Nullable String method,
      @Nullable String url,
      int number,
      int status,
      long durationNanos,
      @Nullable String cfRay,
      @Nullable Throwable failure) {}
}
