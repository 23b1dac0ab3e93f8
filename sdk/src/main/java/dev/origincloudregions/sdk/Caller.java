package dev.origincloudregions.sdk;

import feign.FeignException;
import feign.RetryableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one retry loop of both API families: sends a request, retries it as the {@link RetryPolicy}
 * says, and turns every failure into one of the public exceptions.
 */
final class Caller {
  private final RetryPolicy retryPolicy;

  Caller(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Sends {@code request} until it succeeds or the policy gives up.
   *
   * @param operation the public method's name, which starts every exception message
   */
  <T> T call(String operation, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      OriginCloudRegionsException failure;
      Duration wait;
      try {
        return request.get();
      } catch (HttpError e) {
        ApiException error = e.toApiException(operation);
        failure = error;
        wait = retryWait(error, attempt);
      } catch (RetryableException e) { // Feign's wrapper of an IOException: no answer arrived
        failure = new TransportException(operation + ": " + describe(e), e);
        wait = attempt < retryPolicy.maxAttempts() ? retryPolicy.backoff(attempt) : null;
      } catch (FeignException | Models.MalformedResponse e) {
        throw new TransportException(operation + ": unreadable response: " + describe(e), e);
      }
      if (wait == null) {
        throw failure;
      }
      sleep(wait, failure);
    }
  }

  private @Nullable Duration retryWait(ApiException error, int attempt) {
    boolean retryable = error.status() == 429 || error.status() >= 500;
    if (!retryable || attempt >= retryPolicy.maxAttempts()) {
      return null;
    }
    if (error.status() == 429 && error.retryAfter().isPresent()) {
      Duration retryAfter = error.retryAfter().get();
      return retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0 ? null : retryAfter;
    }
    return retryPolicy.backoff(attempt);
  }

  private static void sleep(Duration wait, OriginCloudRegionsException failure) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /**
   * What went wrong, for a message: the exception that the transport or the decoder reported (the one
   * Feign wraps), by class name and the first message found among its causes, plus the request line
   * when no answer arrived. The class name always stays: the JDK reports a refused connection as a
   * ConnectException without a message, caused by a ClosedChannelException without one either.
   */
  private static String describe(Exception e) {
    Throwable reported = e instanceof FeignException && e.getCause() != null ? e.getCause() : e;
    String message = null;
    for (Throwable t = reported; t != null && message == null; t = t.getCause()) {
      message = t.getMessage();
    }
    String what = reported.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    if (e instanceof RetryableException r && r.hasRequest()) {
      return what + " (" + r.request().httpMethod() + " " + r.request().url() + ")";
    }
    return what;
  }
}
