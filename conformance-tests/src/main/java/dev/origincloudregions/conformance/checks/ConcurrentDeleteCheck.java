package dev.origincloudregions.conformance.checks;

import static dev.origincloudregions.conformance.checks.Target.expect;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.origincloudregions.conformance.model.Address;
import dev.origincloudregions.conformance.model.ObservedBatch;
import dev.origincloudregions.conformance.model.Snapshot;
import dev.origincloudregions.conformance.model.VendorRegion;
import dev.origincloudregions.conformance.model.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * BD11, concurrency: four batch deletes over overlapping addresses at once, with a lister beside them. Each mapping
 * must be reported deleted by exactly one batch, and a concurrent list sees each batch whole or not at all.
 */
final class ConcurrentDeleteCheck {
  private ConcurrentDeleteCheck() {}

  /**
   * How the check reaches one family: the rule a failure breaks (BD11, or VBD1's [ref] part), resetting and seeding
   * the zone, one batch delete, one list (a snapshot), and the reset at the end.
   */
  record Family(String rule, Supplier<Snapshot> reset, Consumer<Map<Address, VendorRegion>> seed,
      Function<List<String>, ObservedBatch> batchDelete, Supplier<Snapshot> list, Runnable end) {}

  static void run(Target t) {
    run(t, new Family("BD11", () -> t.reset(t.zone), m -> t.seed(t.zone, m),
        b -> t.shapes.batch(t.zone.batchDelete(b), "BD11"), () -> t.shapes.snapshot(t.zone.list(), "BD11"),
        () -> t.reset(t.zone)));
  }

  static void run(Target t, Family f) {
    Gen<List<List<Integer>>> subsets = lists().of(lists().of(integers().between(0, 59)).ofSizeBetween(10, 60))
        .ofSize(4);
    t.forAll(subsets.zip(Gens.index(), (s, k) -> new Object[] {s, k})
        .describedAs(a -> "4 concurrent batches over 60 mappings, picking indexes " + a[0]), a -> {
          @SuppressWarnings("unchecked")
          List<List<Integer>> picks = (List<List<Integer>>) a[0];
          Snapshot base = f.reset().get();
          List<Address> gen = new ArrayList<>();
          int k = (Integer) a[1];
          for (int i = 0; i < 60; i++) {
            gen.add(i % 3 == 0 ? Address.v4(203, 0, 113, (k + i) % 256)
                : Address.v6(new int[] {0x2001, 0xdb8, 0xbd11, k & 0xffff, 0, 0, 0, i}));
          }
          List<Address> ips = t.usable(gen, base);
          f.seed().accept(Target.zip(ips, t.catalogue().pairs));
          List<List<String>> batches = new ArrayList<>();
          for (List<Integer> p : picks) {
            List<String> b = new ArrayList<>();
            new java.util.LinkedHashSet<>(p).forEach(i -> b.add(ips.get(i).toString()));
            batches.add(b);
          }
          ExecutorService pool = Executors.newFixedThreadPool(batches.size() + 1);
          try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Snapshot> lists = new CopyOnWriteArrayList<>();
            Future<?> lister = pool.submit(() -> {
              start.await();
              while (!done.get() && lists.size() < 8) { // bounded: the request budget counts these
                lists.add(f.list().get());
              }
              return null;
            });
            List<Future<ObservedBatch>> fs = new ArrayList<>();
            for (List<String> b : batches) {
              fs.add(pool.submit(() -> {
                start.await();
                return f.batchDelete().apply(b);
              }));
            }
            start.countDown();
            List<ObservedBatch> results = new ArrayList<>();
            for (Future<ObservedBatch> future : fs) {
              results.add(get(future));
            }
            done.set(true);
            get(lister);
            Map<String, Integer> count = new HashMap<>();
            for (ObservedBatch r : results) {
              r.succeeded().forEach(i -> count.merge(i.ip(), 1, Integer::sum));
            }
            Set<String> named = new HashSet<>();
            batches.forEach(b -> b.forEach(x -> named.add(Address.canonical(x).orElse(x))));
            for (Address ip : ips) {
              String c = ip.toString();
              int n = count.getOrDefault(c, 0);
              int want = named.contains(c) ? 1 : 0;
              if (n != want) {
                ObservedBatch culprit = results.stream().filter(r -> r.succeeded().stream().anyMatch(i -> i.ip().equals(c)))
                    .findFirst().orElse(results.get(0));
                throw new Violation(f.rule(), c + " was reported deleted by " + n + " of the concurrent batches, expected "
                    + want, culprit.exchange());
              }
            }
            for (Snapshot s : lists) {
              for (ObservedBatch r : results) {
                long seen = r.succeeded().stream().filter(i -> s.contains(i.ip())).count();
                expect(seen == 0 || seen == r.succeeded().size(), f.rule(), s.exchange(), "a concurrent list saw "
                    + seen + " of the " + r.succeeded().size() + " mappings one batch deleted: not atomic");
              }
            }
          } finally {
            pool.shutdownNow();
          }
        });
    f.end().run();
  }

  static <T> T get(Future<T> f) {
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("a concurrent request did not finish: " + e, e);
    }
  }
}
