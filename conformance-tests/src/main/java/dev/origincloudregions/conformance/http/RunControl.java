package dev.origincloudregions.conformance.http;

import dev.origincloudregions.conformance.RunResult;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the run goes on, and how many requests it may still send. A signal (Ctrl-C, SIGTERM), a target that stops
 * answering or an exhausted request budget stops it: from then on every request throws {@link RunStopped}, except
 * the clean-up's (SAFE3), which the stopping run sends itself.
 */
public final class RunControl {
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final int maxRequests;
  private volatile Thread cleaner;

  /** Why and where the run stopped. */
  public record Stop(RunResult.Outcome outcome, String detail) {}

  /** @param maxRequests the most requests the run may send, 0 for no limit */
  public RunControl(int maxRequests) {
    this.maxRequests = maxRequests;
  }

  static RunControl unlimited() {
    return new RunControl(0);
  }

  /** Stops the run; the first reason given wins. */
  public void stop(RunResult.Outcome outcome, String detail) {
    stop.compareAndSet(null, new Stop(outcome, detail));
  }

  public Stop stopped() {
    return stop.get();
  }

  /** From now on the current thread may send while the run is stopped: it cleans up. */
  public void cleaningUp() {
    cleaner = Thread.currentThread();
  }

  /** Called before every request: throws when the run has stopped (unless cleaning up), counts the request. */
  void beforeRequest() {
    Stop s = stop.get();
    if (s != null && Thread.currentThread() != cleaner) {
      throw new RunStopped(s);
    }
    int n = sent.incrementAndGet();
    if (maxRequests > 0 && n > maxRequests) {
      sent.decrementAndGet();
      stop(RunResult.Outcome.BUDGET_EXHAUSTED, "the run reached --max-requests " + maxRequests);
      throw new RunStopped(stop.get());
    }
  }

  int sent() {
    return sent.get();
  }

  int maxRequests() {
    return maxRequests;
  }

  /** Requests the run may still send, or {@link Integer#MAX_VALUE} without a limit. */
  public int remaining() {
    return maxRequests == 0 ? Integer.MAX_VALUE : Math.max(0, maxRequests - sent.get());
  }

  /** Thrown instead of sending a request once the run has stopped; checks end as not run, never as failed. */
  public static final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final transient Stop stop;

    RunStopped(Stop stop) {
      super(stop.outcome().text + (stop.detail() == null ? "" : ": " + stop.detail()));
      this.stop = stop;
    }
  }
}
