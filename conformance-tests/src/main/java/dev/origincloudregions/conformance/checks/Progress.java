package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.report.Reports;
import java.io.PrintStream;

/**
 * Signs of life during a long check: every few seconds ({@link Suite#progressMillis}, 5 s by default) a line saying
 * which check runs, how many examples it has tried and how many requests it has sent. A check paced at 4 requests a
 * second can take minutes; without this line it looks hung.
 */
final class Progress {
  private final Target t;
  private final PrintStream out;
  private final Thread thread;
  private volatile Check current;
  private volatile String phase;
  private volatile long since;
  private volatile boolean stopped;

  Progress(Target t, PrintStream out) {
    this.t = t;
    this.out = out;
    this.thread = new Thread(this::loop, "conformance-progress");
    this.thread.setDaemon(true);
    if (out != null) {
      thread.start();
    }
  }

  void begin(Check c) {
    current = c;
    phase = null;
    since = System.nanoTime();
  }

  void end() {
    current = null;
  }

  void cleaning() {
    current = null;
    phase = "cleaning up what the run created (SAFE3)";
    since = System.nanoTime();
  }

  void stop() {
    stopped = true;
    thread.interrupt();
  }

  private void loop() {
    long every = Suite.progressMillis;
    while (!stopped) {
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      Check c = current;
      String p = phase;
      long secs = (System.nanoTime() - since) / 1_000_000_000L;
      if (c != null) {
        out.printf("        ... %s: %d of %d tries, %s, %d s%n", c.name(), t.tries(), t.plannedTries(),
            Reports.count(t.checkRequests(), "request", "requests"), secs);
        out.flush();
      } else if (p != null) {
        out.printf("        ... %s, %d s%n", p, secs);
        out.flush();
      }
    }
  }
}
