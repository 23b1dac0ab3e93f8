package dev.origincloudregions.conformance.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Records the requests of the check that runs, so that a failure can be saved as a case file with the exact request
 * sequence (secrets as placeholders: the recorded headers never hold them), and replays a case: in replay mode every
 * request the check is about to send must be the next one of the case, and the replay ends where the recorded run
 * found its failure.
 *
 * <p>Housekeeping requests (resetting a zone, tearing a provider state down) and requests from other threads (the
 * concurrent batches of BD11) are recorded, marked, and not held to the case's order.
 */
public final class Recorder {
  /**
   * One recorded request and its answer.
   *
   * @param exchange what was sent and received
   * @param housekeeping sent to reset state, not part of what the check judges
   * @param concurrent sent from another thread than the check's
   */
  public record Entry(Exchange exchange, boolean housekeeping, boolean concurrent) {}

  /** The request a case expects next, for replay. */
  public record Expected(String method, String path, List<Map.Entry<String, String>> headers, String bodySha256) {}

  /** Thrown in replay mode when the check reaches the point where the recorded run failed: it is judged up to there. */
  public static final class ReplayComplete extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplayComplete() {
      super("replayed up to the recorded failure");
    }
  }

  /** Thrown in replay mode when the check would send another request than the case holds. */
  public static final class ReplayDiverged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplayDiverged(String message) {
      super(message);
    }
  }

  private static final ThreadLocal<Boolean> HOUSEKEEPING = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();

  private final List<Entry> entries = new ArrayList<>();
  private volatile Thread checkThread;
  private int exampleStart;
  private int preambleEnd = -1;

  // replay
  private List<Expected> expected;
  private int stopAt;
  private int next;
  private final String zone;
  private final String otherZone;

  public Recorder(String zone, String otherZone) {
    this.zone = zone;
    this.otherZone = otherZone;
  }

  /** Stops recording: what follows (the run's clean-up) belongs to no check. */
  public synchronized void endCheck() {
    checkThread = null;
    CURRENT.remove();
  }

  /** Starts recording a check on the current thread. */
  public synchronized void beginCheck() {
    entries.clear();
    exampleStart = 0;
    preambleEnd = -1;
    next = 0;
    checkThread = Thread.currentThread();
    CURRENT.set(this);
  }

  /** Replays a case: the requests it expects, and the position of the recorded failure among them. */
  public synchronized void replay(List<Expected> expected, int stopAt) {
    this.expected = List.copyOf(expected);
    this.stopAt = stopAt;
  }

  /** Runs {@code r} with its requests marked as housekeeping. */
  public static void housekeeping(Runnable r) {
    boolean was = HOUSEKEEPING.get();
    HOUSEKEEPING.set(true);
    try {
      r.run();
    } finally {
      HOUSEKEEPING.set(was);
    }
  }

  /** Where the current thread's check is in its sequence (judged requests so far); -1 outside a check. */
  public static int position() {
    Recorder r = CURRENT.get();
    return r == null ? -1 : r.judgedInExample();
  }

  private boolean judgedRequest() {
    return !HOUSEKEEPING.get() && Thread.currentThread() == checkThread;
  }

  /** Before a request is sent: in replay mode, it must be the next one of the case. */
  synchronized void beforeSend(String method, String url, String baseUrl, List<Map.Entry<String, String>> headers,
      byte[] body) {
    if (expected == null || !judgedRequest()) {
      return;
    }
    if (next >= stopAt || next >= expected.size()) {
      throw new ReplayComplete();
    }
    Expected e = expected.get(next);
    String path = path(url, baseUrl);
    String sha = sha256(body);
    if (!e.method().equals(method) || !e.path().equals(path) || !e.bodySha256().equals(sha)
        || !e.headers().equals(comparable(headers))) {
      throw new ReplayDiverged("request " + (next + 1) + " of the case is " + e.method() + " " + e.path()
          + ", the check would now send " + method + " " + path + (e.path().equals(path) ? " with another "
          + (e.bodySha256().equals(sha) ? "header" : "body") : "") + ": the target's state differs from the recorded "
          + "run's (its supported_regions, or mappings at the same addresses)");
    }
    next++;
  }

  /** After a request: records it. */
  synchronized void record(Exchange ex) {
    if (checkThread == null) {
      return;
    }
    entries.add(new Entry(ex, HOUSEKEEPING.get(), Thread.currentThread() != checkThread));
  }

  /** The requests before the first example (example-based checks: all of them). */
  public synchronized void startExample() {
    if (preambleEnd < 0) {
      preambleEnd = entries.size();
    }
    // The examples before this one are done: a failing one's trace was copied already. Dropping them keeps a
    // check of a hundred examples with bodies of up to a megabyte from holding them all.
    entries.subList(preambleEnd, entries.size()).clear();
    exampleStart = entries.size();
  }

  /** The trace of the example that just ran, after the check's preamble. */
  public synchronized List<Entry> exampleTrace() {
    List<Entry> out = new ArrayList<>(entries.subList(0, Math.max(0, preambleEnd)));
    out.addAll(entries.subList(exampleStart, entries.size()));
    return out;
  }

  /** Everything the check recorded. */
  public synchronized List<Entry> all() {
    return List.copyOf(entries);
  }

  /** Judged requests in the example so far (for the position of a violation within the example's trace). */
  synchronized int judgedInExample() {
    int n = 0;
    for (int i = 0; i < entries.size(); i++) {
      boolean inTrace = i < Math.max(0, preambleEnd) || i >= exampleStart;
      if (inTrace && !entries.get(i).housekeeping() && !entries.get(i).concurrent()) {
        n++;
      }
    }
    return n;
  }

  /** The path of a URL below the base URL, with the zone ids as placeholders. */
  public String path(String url, String baseUrl) {
    String p = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url.replaceFirst("^https?://[^/]+", "");
    return p.replace("/zones/" + HttpTarget.segment(zone) + "/", "/zones/{zone_id}/")
        .replace("/zones/" + HttpTarget.segment(otherZone) + "/", "/zones/{second_zone_id}/");
  }

  /** Headers as a case compares them: without User-Agent and Accept. */
  public static List<Map.Entry<String, String>> comparable(List<Map.Entry<String, String>> headers) {
    return headers.stream().filter(h -> !h.getKey().equalsIgnoreCase("User-Agent")
        && !h.getKey().equalsIgnoreCase("Accept")).map(h -> Map.entry(h.getKey(), h.getValue())).toList();
  }

  public static String sha256(byte[] body) {
    if (body == null) {
      return "none";
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(byte[] body) {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }
}
