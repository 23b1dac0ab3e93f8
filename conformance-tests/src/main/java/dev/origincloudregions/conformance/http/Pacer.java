package dev.origincloudregions.conformance.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Paces requests to at most {@code maxRps} per second (SAFE4; 0 means unlimited) and pauses every thread after a
 * {@code 429} for as long as its {@code Retry-After} asks. It keeps the send times so the run can verify its own pace.
 */
public final class Pacer {
  private final double maxRps;
  private final long intervalNanos;
  private long next = System.nanoTime();
  private final List<Long> sends = new ArrayList<>();
  private final List<long[]> pauses = new ArrayList<>(); // {requestedNanos, startNanos}
  private int throttled;

  public Pacer(double maxRps) {
    this.maxRps = maxRps;
    this.intervalNanos = maxRps <= 0 ? 0 : (long) (1_000_000_000L / maxRps);
  }

  public double maxRps() {
    return maxRps;
  }

  void acquire() {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long at = Math.max(now, next);
      next = at + intervalNanos;
      wait = at - now;
      sends.add(at);
    }
    sleepNanos(wait);
  }

  /** After a 429: nobody sends before {@code d} has passed. */
  void pauseFor(Duration d) {
    long wait;
    synchronized (this) {
      throttled++;
      long now = System.nanoTime();
      next = Math.max(next, now + d.toNanos());
      pauses.add(new long[] {d.toNanos(), now});
      wait = next - now;
    }
    sleepNanos(wait);
  }

  synchronized List<Long> sendTimes() {
    return List.copyOf(sends);
  }

  public synchronized int throttled() {
    return throttled;
  }

  /** The most requests started in any one-second window. */
  public synchronized int peakPerSecond() {
    int peak = 0;
    int lo = 0;
    List<Long> s = new ArrayList<>(sends);
    s.sort(null);
    for (int hi = 0; hi < s.size(); hi++) {
      while (s.get(hi) - s.get(lo) >= 1_000_000_000L) {
        lo++;
      }
      peak = Math.max(peak, hi - lo + 1);
    }
    return peak;
  }

  /** Whether every request after a 429 started no earlier than its Retry-After allowed. */
  public synchronized boolean pausesHonoured() {
    for (long[] p : pauses) {
      long until = p[1] + p[0];
      for (long t : sends) {
        if (t > p[1] && t < until) {
          return false;
        }
      }
    }
    return true;
  }

  private static void sleepNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller sees the flag and stops the run
    }
  }
}
