package dev.origincloudregions.conformance.checks;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Recorder;
import dev.origincloudregions.conformance.http.RunControl;
import dev.origincloudregions.conformance.http.Safety;
import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.ObservedMapping;
import dev.origincloudregions.conformance.model.RegionCatalogue;
import dev.origincloudregions.conformance.model.Shapes;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.V1Zone;
import dev.origincloudregions.conformance.model.V2Shapes;
import dev.origincloudregions.conformance.model.V2Zone;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import dev.origincloudregions.conformance.runner.RunOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * What a check works with: the target's API, its two zones, its catalogue of regions, the profile, the safety
 * guard, and a property runner (QuickTheories with the run's seed and tries).
 */
public final class Target {
  final RunOptions options;
  public final HttpTarget api;
  public final Shapes shapes;
  public final Safety safety;
  public final V1Zone zone;
  final V1Zone otherZone;
  /** The same two zones through the v2 paths (section 9), and the readers of v2 answers. */
  public final V2Zone v2zone;
  final V2Zone v2otherZone;
  public final V2Shapes v2shapes;
  final boolean reference;
  final List<String> serverLog;
  private volatile RegionCatalogue catalogue;
  private final Map<String, Instant> watermarks = new ConcurrentHashMap<>();

  // per-check state
  private volatile String checkName = "";
  private volatile int plannedTries = 1;
  private volatile long allotment = Long.MAX_VALUE;
  private volatile int checkStartRequests;
  private final AtomicInteger tries = new AtomicInteger();

  public Target(RunOptions options, HttpTarget api, Safety safety, List<String> serverLog) {
    this.options = options;
    this.api = api;
    this.safety = safety;
    this.reference = options.reference();
    this.shapes = new Shapes(reference);
    this.zone = new V1Zone(api, options.zoneId());
    this.otherZone = new V1Zone(api, options.secondZoneId());
    this.v2zone = new V2Zone(api, options.zoneId());
    this.v2otherZone = new V2Zone(api, options.secondZoneId());
    this.v2shapes = new V2Shapes(shapes, reference);
    this.serverLog = serverLog;
    this.recorder = new Recorder(options.zoneId(), options.secondZoneId());
    api.recorder(recorder);
  }

  public RegionCatalogue catalogue() {
    RegionCatalogue c = catalogue;
    if (c == null) {
      synchronized (this) {
        if (catalogue == null) {
          Exchange[] ex = new Exchange[1];
          // Read through v1 unless the run checks v2 only (S1: "as in v1" for v2).
          Recorder.housekeeping(() -> ex[0] = options.v1() ? zone.supportedRegions() : v2zone.supportedRegions());
          catalogue = RegionCatalogue.read(shapes, ex[0]);
        }
        c = catalogue;
      }
    }
    return c;
  }

  /**
   * Starts a check: its name (for its seed), the examples it tries, the most requests one example sends, the
   * requests the check may send, and those the run must keep for the checks after it and the clean-up.
   */
  void beginCheck(String name, int plannedTries, int perTry, long allotment, long reserveAfter) {
    this.checkName = name;
    this.plannedTries = plannedTries;
    this.currentCost = Math.max(1, perTry);
    this.allotment = allotment;
    this.reserveAfter = reserveAfter;
    this.checkStartRequests = api.sent();
    tries.set(0);
    maxPerTry = 0;
    inExamples = 0;
  }

  /** Examples tried so far by the current check (at least 1, for example-based checks). */
  int tries() {
    return Math.max(1, tries.get());
  }

  int plannedTries() {
    return plannedTries;
  }

  /** Requests the current check has sent. */
  int checkRequests() {
    return api.sent() - checkStartRequests;
  }

  long checkSeed() {
    return options.seed() ^ (checkName.hashCode() * 0x9E3779B97F4A7C15L);
  }

  /** The shrunk counterexample of a failed property, with its input and the requests of its example. */
  static final class PropertyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String counterexample;
    final transient Throwable cause;
    final int examples;
    final transient Object input;
    final transient List<Recorder.Entry> trace;

    PropertyFailure(String counterexample, Throwable cause, int examples, Object input, List<Recorder.Entry> trace) {
      super(cause == null ? "property falsified" : cause.getMessage(), cause);
      this.counterexample = counterexample;
      this.cause = cause;
      this.examples = examples;
      this.input = input;
      this.trace = trace;
    }
  }

  final Recorder recorder;
  private volatile Object replayInput;

  /** Replay: the property of the current check runs once, on this input, instead of QuickTheories' examples. */
  void replayInput(Object input) {
    this.replayInput = input;
  }

  /**
   * Runs {@code property} on the check's planned number of examples of {@code gen}, with the check's seed; on
   * failure QuickTheories shrinks the input and this throws {@link PropertyFailure} with the smallest one and its
   * violation.
   *
   * <p>An example starts only while the check's share of the request budget holds one more ({@code perTry}
   * requests, the most one example sends). Once the run stops (a signal, an unreachable target) no example does
   * anything any more, and this throws {@link RunControl.RunStopped}. Under the documented profile, an example
   * that finds only a [ref] matter ends there without failing: that profile does not judge it.
   */
  @SuppressWarnings("unchecked")
  <T> void forAll(Gen<T> gen, Consumer<T> property) {
    if (replayInput != null) {
      recorder.startExample();
      tries.incrementAndGet();
      property.accept((T) replayInput);
      return;
    }
    java.util.Map<Object, List<Recorder.Entry>> traces = new java.util.IdentityHashMap<>();
    boolean[] failed = {false};
    RunControl.RunStopped[] stopped = {null};
    int perTry = Math.max(1, currentCost);
    Reporter reporter = new Reporter() {
      @Override
      public void falisification(long seed, int used, Object smallest, Throwable cause, List<Object> others,
          AsString<Object> asString) {
        throw new PropertyFailure(asString.asString(smallest), cause, used, smallest, traces.get(smallest));
      }

      @Override
      public void falisification(long seed, int used, Object smallest, List<Object> others, AsString<Object> asString) {
        throw new PropertyFailure(asString.asString(smallest), null, used, smallest, traces.get(smallest));
      }

      @Override
      public void valuesExhausted(int used) {
        // fewer distinct values than examples: fine
      }
    };
    boolean[] budgetSpent = {false};
    QuickTheory.qt()
        .withFixedSeed(checkSeed())
        .withExamples(Math.max(1, plannedTries))
        .withShrinkCycles(options.shrinks())
        .withReporter(reporter)
        .forAll(gen)
        .checkAssert(v -> {
          if (stopped[0] != null || budgetSpent[0]) {
            return;
          }
          if (!failed[0]) {
            if (tries.get() > 0 && (checkRequests() + perTry > allotment || !runAffords(perTry))) {
              budgetSpent[0] = true;
              return;
            }
            tries.incrementAndGet();
          } else if (!runAffords(perTry)) {
            return; // shrinking stops where the budget would not hold the checks still to come
          }
          int before = checkRequests();
          recorder.startExample();
          try {
            property.accept(v);
            int used = checkRequests() - before;
            maxPerTry = Math.max(maxPerTry, used);
            inExamples += used;
          } catch (RunControl.RunStopped e) {
            stopped[0] = e;
          } catch (Violation e) {
            if (!reference && e.referenceOnly()) {
              return; // a [ref] matter: the documented profile does not judge it
            }
            failed[0] = true;
            traces.put(v, recorder.exampleTrace());
            throw e;
          } catch (RuntimeException | Error e) {
            failed[0] = true;
            traces.put(v, recorder.exampleTrace());
            throw e;
          }
        });
    if (stopped[0] != null) {
      throw stopped[0];
    }
  }

  private volatile int currentCost = 1;
  /** Measured while calibrating the declared costs (CONFORMANCE_COST set). */
  volatile int maxPerTry;
  volatile int inExamples;
  private volatile long reserveAfter;

  /** Whether the run's budget, less what later checks need, still holds an example of {@code perTry} requests. */
  private boolean runAffords(int perTry) {
    return api.control().remaining() - (long) perTry >= reserveAfter;
  }

  // ---- state through the public API ----

  Snapshot snapshot(V1Zone z, String rule) {
    Snapshot s = shapes.snapshot(z.list(), rule);
    observe(z, s.modifiedAt());
    s.mappings().forEach(m -> observe(z, m.modifiedAt()));
    return s;
  }

  /** Remembers a server timestamp of a zone (BD7: later ones must not be earlier). */
  void observe(V1Zone z, Instant t) {
    observe(z.id, t);
  }

  void observe(String key, Instant t) {
    if (t != null) {
      watermarks.merge(key, t, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  Instant watermark(V1Zone z) {
    return watermark(z.id);
  }

  Instant watermark(String key) {
    return watermarks.get(key);
  }

  /**
   * Brings a zone to "pre-existing mappings plus nothing of ours": deletes every mapping the run created that is
   * still there, and returns the resulting list.
   */
  Snapshot reset(V1Zone z) {
    Snapshot[] out = new Snapshot[1];
    Recorder.housekeeping(() -> out[0] = reset0(z));
    return out[0];
  }

  private Snapshot reset0(V1Zone z) {
    Snapshot s = snapshot(z, "L1");
    String segment = HttpTarget.segment(z.id);
    List<String> ours = new ArrayList<>();
    for (ObservedMapping m : s.mappings()) {
      String c = Address.canonical(m.ip()).orElse(m.ip());
      if (safety.isCreated(segment, c) && !safety.before(z.id).containsKey(m.ip())) {
        ours.add(m.ip());
      }
    }
    if (ours.isEmpty()) {
      return s;
    }
    for (int i = 0; i < ours.size(); i += 100) {
      z.batchDelete(ours.subList(i, Math.min(ours.size(), i + 100)));
    }
    Snapshot after = snapshot(z, "L1");
    for (ObservedMapping m : after.mappings()) {
      if (ours.contains(m.ip())) {
        z.delete(m.ip());
      }
    }
    return snapshot(z, "L1");
  }

  /** An address near {@code ip} that is neither pre-existing nor in {@code taken} (canonical texts). */
  Address avoid(Address ip, Set<String> taken) {
    Address x = ip;
    for (int i = 0; i < 65_536 && (safety.isProtected(x) || taken.contains(x.toString())); i++) {
      // Step within the last byte (IPv4 and IPv4-mapped stay in their /24) or the last group (IPv6).
      byte[] b = x.bytes();
      int n = b.length - 1;
      b[n] = (byte) (b[n] + 1);
      if (b[n] == 0 && !x.isV4() && !x.isV4Mapped()) {
        b[n - 1]++;
      }
      x = Address.of(b);
    }
    return x;
  }

  /** A documentation address that did not exist before the run, for requests that name "some" IP. */
  String spare(int n) {
    return avoid(Address.v4(192, 0, 2, n), Set.of()).toString();
  }

  /** Distinct usable addresses for a list of generated ones, avoiding what the zone holds. */
  List<Address> usable(List<Address> generated, Snapshot present) {
    Set<String> taken = new HashSet<>();
    present.mappings().forEach(m -> taken.add(Address.canonical(m.ip()).orElse(m.ip())));
    List<Address> out = new ArrayList<>();
    for (Address g : generated) {
      Address u = avoid(g, taken);
      taken.add(u.toString());
      out.add(u);
    }
    return out;
  }

  /** Creates mappings through batch upsert (in chunks of 100) and checks that every one succeeded. */
  void seed(V1Zone z, Map<Address, VendorRegion> mappings) {
    List<Map<String, String>> items = new ArrayList<>();
    mappings.forEach((ip, p) -> items.add(V1Zone.item(ip.toString(), p)));
    for (int i = 0; i < items.size(); i += 100) {
      List<Map<String, String>> chunk = items.subList(i, Math.min(items.size(), i + 100));
      ObservedBatch r = shapes.batch(z.batchUpsert(chunk), "BU2");
      if (r.succeeded().size() + r.failed().size() != chunk.size()) {
        throw new Violation("BD4", "seeding " + chunk.size() + " mappings by batch upsert: the answer has "
            + r.succeeded().size() + " succeeded and " + r.failed().size() + " failed items", r.exchange());
      }
      if (!r.failed().isEmpty() || r.succeeded().size() != chunk.size()) {
        throw new Violation("BU2", "seeding " + chunk.size() + " valid mappings with listed vendor/region pairs: "
            + r.succeeded().size() + " succeeded, failed: " + r.failed(), r.exchange());
      }
      observe(z, r.modifiedAt());
    }
  }

  /** Deletes the given addresses (best effort, in chunks of 100). */
  void clear(V1Zone z, Collection<String> ips) {
    Recorder.housekeeping(() -> clear0(z, ips));
  }

  private void clear0(V1Zone z, Collection<String> ips) {
    List<String> l = new ArrayList<>(ips);
    for (int i = 0; i < l.size(); i += 100) {
      z.batchDelete(l.subList(i, Math.min(l.size(), i + 100)));
    }
  }

  static Map<Address, VendorRegion> zip(List<Address> ips, List<VendorRegion> pairs) {
    Map<Address, VendorRegion> m = new LinkedHashMap<>();
    for (int i = 0; i < ips.size(); i++) {
      m.put(ips.get(i), pairs.get(i % pairs.size()));
    }
    return m;
  }

  /** Fails with {@code rule} unless {@code condition} holds. */
  static void expect(boolean condition, String rule, Exchange ex, String message) {
    if (!condition) {
      throw new Violation(rule, message, ex);
    }
  }

  void skipUnlessReference(String why) {
    if (!reference) {
      throw new Check.Skip(why + " is a [ref] rule; the documented profile does not check it");
    }
  }
}
