package dev.origincloudregions.sdk;

import feign.FeignException;
import feign.RetryableException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The one retry loop of both API families: paces each attempt ({@link RateLimiter}), sends it within
 * the call's deadline, retries as the {@link RetryPolicy} says, tells the {@link AttemptListener}, and
 * turns every failure into one of the public exceptions, with the server's messages redacted.
 *
 * <p>It also remembers whether an attempt's outcome was unknown (sent, but no answer arrived, or a 5xx
 * that may have been applied), so that an operation can read a later attempt's answer for what it is
 * ({@link AfterUnknown}): a "not found" after a lost answer may be the trace of the lost attempt.
 */
final class Caller {
  private final RetryPolicy retryPolicy;
  private final Duration callTimeout;
  private final Map<String, String> headers;
  private final RateLimiter limiter;
  private final AttemptListener listener;
  private final Credentials credentials;

  Caller(RetryPolicy retryPolicy, Duration callTimeout, Map<String, String> headers, RateLimiter limiter,
      AttemptListener listener, Credentials credentials) {
    this.retryPolicy = retryPolicy;
    this.callTimeout = callTimeout;
    this.headers = Map.copyOf(headers);
    this.limiter = limiter;
    this.listener = listener;
    this.credentials = credentials;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  RateLimiter limiter() {
    return limiter;
  }

  Duration callTimeout() {
    return callTimeout;
  }

  /** This caller with {@code options} applied over its settings. */
  Caller with(RequestOptions options) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(options.headers);
    return new Caller(
        options.retryPolicy == null ? retryPolicy : options.retryPolicy,
        options.timeout == null ? callTimeout : options.timeout,
        merged, limiter, listener, credentials);
  }

  /** How an operation reads an attempt that followed one whose outcome is unknown. */
  interface AfterUnknown<T> {
    /** The answer of the attempt that succeeded. */
    T answered(T result);

    /** The refusal that ends the call (not retried): return a result instead, or throw. */
    T refused(ApiException error);

    static <T> AfterUnknown<T> onAnswer(UnaryOperator<T> answered) {
      return new AfterUnknown<>() {
        @Override
        public T answered(T result) {
          return answered.apply(result);
        }

        @Override
        public T refused(ApiException error) {
          throw error;
        }
      };
    }

    static <T> AfterUnknown<T> onRefusal(Function<ApiException, T> refused) {
      return new AfterUnknown<>() {
        @Override
        public T answered(T result) {
          return result;
        }

        @Override
        public T refused(ApiException error) {
          return refused.apply(error);
        }
      };
    }
  }

  <T> T call(String operation, Supplier<T> request) {
    return call(operation, request, null);
  }

  /**
   * Sends {@code request} until it succeeds, the policy gives up or the call's timeout runs out.
   *
   * @param operation the public method's name, which starts every exception message
   * @param afterUnknown how to read the final answer when an earlier attempt's outcome is unknown
   */
  <T> T call(String operation, Supplier<T> request, @Nullable AfterUnknown<T> afterUnknown) {
    long start = System.nanoTime();
    long budget = Waits.nanos(callTimeout);
    CallScope scope = new CallScope(headers);
    CallScope outer = CallScope.enter(scope);
    int attempt = 0;
    boolean unknown = false;
    boolean reread = false;
    try {
      while (true) {
        attempt++;
        pace(operation, start, budget);
        long remaining = budget - (System.nanoTime() - start);
        scope.beginAttempt(remaining);
        long sent = System.nanoTime();
        OriginCloudRegionsException failure;
        Duration wait;
        boolean outcomeUnknown;
        try {
          T result = request.get();
          tell(operation, scope, attempt, sent, null);
          return unknown && afterUnknown != null ? afterUnknown.answered(result) : result;
        } catch (HttpError e) {
          ApiException error = e.toApiException(operation, scope.cfRay(), credentials);
          tell(operation, scope, attempt, sent, error);
          if (error instanceof RateLimitedException r && r.retryAfter().isPresent()) {
            limiter.blockFor(System.nanoTime(), Waits.nanos(r.retryAfter().get())); // for every client sharing it
          }
          failure = error;
          wait = retryWait(error, attempt);
          outcomeUnknown = error.status() >= 500;
          if (wait == null && unknown && afterUnknown != null) {
            reread = true; // a request made to read the answer's meaning is the call's last answer
            return afterUnknown.refused(error);
          }
        } catch (RetryableException e) { // Feign's wrapper of an IOException: no answer arrived
          if (CappedBody.TooLarge.isCauseOf(e)) {
            TransportException tooLarge = new TransportException(operation + ": " + describe(e), null);
            tell(operation, scope, attempt, sent, tooLarge);
            throw tooLarge;
          }
          TransportException error = new TransportException(operation + ": " + describe(e), safeCause(e));
          tell(operation, scope, attempt, sent, error);
          failure = error;
          wait = attempt < retryPolicy.maxAttempts() ? retryPolicy.backoff(attempt) : null;
          outcomeUnknown = !(e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException);
        } catch (FeignException | Models.MalformedResponse e) {
          TransportException error = new TransportException(operation + ": unreadable response: " + describe(e), safeCause(e));
          tell(operation, scope, attempt, sent, error);
          throw error;
        }
        unknown |= outcomeUnknown;
        if (wait == null) {
          throw failure;
        }
        long left = budget - (System.nanoTime() - start);
        if (Waits.nanos(wait) >= left) {
          // A 429 stays itself: it says when to retry, which is what its catcher needs.
          throw failure instanceof RateLimitedException ? failure : timedOut(operation, attempt, failure);
        }
        sleep(Waits.nanos(wait), failure);
      }
    } finally {
      if (!reread) {
        scope.finish(attempt);
      }
      CallScope.exit(outer);
    }
  }

  /** Waits for the limiter's next slot, or throws when that would take too long. */
  private void pace(String operation, long start, long budget) {
    if (limiter.unlimited()) {
      return;
    }
    long now = System.nanoTime();
    long remaining = budget - (now - start);
    long maxRetryAfter = Waits.nanos(retryPolicy.maxRetryAfter());
    long maxWait = Math.min(maxRetryAfter, remaining);
    long wait = limiter.reserve(now, maxWait);
    if (wait > maxWait) {
      throw RateLimitedException.heldBack(operation, Duration.ofNanos(wait),
          maxRetryAfter <= remaining ? retryPolicy.maxRetryAfter() : Duration.ofNanos(Math.max(0, remaining)));
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(operation + ": interrupted while pacing", e);
      }
    }
  }

  private TransportException timedOut(String operation, int attempts, OriginCloudRegionsException last) {
    return new TransportException(
        operation + ": the call's timeout of " + callTimeout + " leaves no time for attempt " + (attempts + 1)
            + "; last failure: " + last.getMessage(),
        last);
  }

  private void tell(String operation, CallScope scope, int attempt, long sent, @Nullable Throwable failure) {
    if (listener == AttemptListener.NONE) {
      return; // nothing to build for nobody
    }
    try {
      listener.attemptDone(new AttemptListener.Attempt(operation, scope.method, scope.url, attempt, scope.status,
          System.nanoTime() - sent, scope.cfRay(), failure));
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the call's outcome.
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

  private static void sleep(long nanos, OriginCloudRegionsException failure) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /** The cause to keep: none when any message in its chain holds a secret (a body quoted by a parser). */
  private @Nullable Throwable safeCause(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !credentials.redact(m).equals(m)) {
        return null;
      }
    }
    return e;
  }

  /**
   * What went wrong, for a message: the exception that the transport or the decoder reported (the one
   * Feign wraps), by class name and the first message found among its causes, plus the request line
   * when no answer arrived; credentials redacted. The class name always stays: the JDK reports a
   * refused connection as a ConnectException without a message, caused by a ClosedChannelException
   * without one either.
   */
  private String describe(Exception e) {
    Throwable reported = e instanceof FeignException && e.getCause() != null ? e.getCause() : e;
    String message = null;
    for (Throwable t = reported; t != null && message == null; t = t.getCause()) {
      message = t.getMessage();
    }
    String what = reported.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    if (e instanceof RetryableException r && r.hasRequest()) {
      what = what + " (" + r.request().httpMethod() + " " + r.request().url() + ")";
    }
    return credentials.redact(what);
  }
}
