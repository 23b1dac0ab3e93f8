package dev.origincloudregions.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A second opinion for noisy machines: runs one family's SDK call and bare call of {@link
 * BulkDeleteBenchmark} ({@link BulkDeleteBenchmark#v2Sdk} and {@link BulkDeleteBenchmark#v2Bare}, or
 * v1's pair) in alternating blocks, so that both see the same background load, and reports per round
 * the SDK/bare ratio of wall time and of process CPU time (all threads: client, server, GC). The
 * median ratio over the rounds, with its quartiles, is far steadier than two JMH runs made one after
 * the other while other work comes and goes.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.origincloudregions.benchmarks.InterleavedComparison [rounds] [callsPerBlock] [v2|v1]}.
 */
public final class InterleavedComparison {
  private InterleavedComparison() {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

  /** Wall and CPU nanoseconds per call of one block. */
  record Sample(double wallNanos, double cpuNanos) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    boolean v1 = args.length > 2 && args[2].equals("v1");
    if (args.length > 2 && !v1 && !args[2].equals("v2")) {
      throw new IllegalArgumentException("the family is v1 or v2, got " + args[2]);
    }
    BulkDeleteBenchmark b = new BulkDeleteBenchmark();
    b.start();
    try {
      // Warm-up: both paths compiled before anything is measured.
      for (int i = 0; i < 30; i++) {
        run(b, v1, true, block);
        run(b, v1, false, block);
      }
      List<Sample> sdk = new ArrayList<>();
      List<Sample> bare = new ArrayList<>();
      double[] wallRatios = new double[rounds];
      double[] cpuRatios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        // Alternate which goes first, so neither always follows a GC-heavy block.
        Sample s;
        Sample p;
        if (r % 2 == 0) {
          s = run(b, v1, true, block);
          p = run(b, v1, false, block);
        } else {
          p = run(b, v1, false, block);
          s = run(b, v1, true, block);
        }
        sdk.add(s);
        bare.add(p);
        wallRatios[r] = s.wallNanos() / p.wallNanos();
        cpuRatios[r] = s.cpuNanos() / p.cpuNanos();
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d rounds of %d calls each; per call, median [quartiles]:%n",
          v1 ? "v1" : "v2",
          rounds,
          block);
      print("sdk  wall", sdk.stream().mapToDouble(Sample::wallNanos).toArray(), "us");
      print("bare wall", bare.stream().mapToDouble(Sample::wallNanos).toArray(), "us");
      print("sdk  cpu ", sdk.stream().mapToDouble(Sample::cpuNanos).toArray(), "us");
      print("bare cpu ", bare.stream().mapToDouble(Sample::cpuNanos).toArray(), "us");
      print("ratio sdk/bare wall", wallRatios, "x");
      print("ratio sdk/bare cpu ", cpuRatios, "x");
    } finally {
      b.stop();
    }
  }

  private static Sample run(BulkDeleteBenchmark b, boolean v1, boolean sdk, int calls) throws Exception {
    long cpu0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < calls; i++) {
      if (sdk) {
        sink += (v1 ? b.v1Sdk() : b.v2Sdk()).succeeded().size();
      } else {
        sink += (v1 ? b.v1Bare() : b.v2Bare()).path("result").size();
      }
    }
    long wall = System.nanoTime() - wall0;
    long cpu = OS.getProcessCpuTime() - cpu0;
    if (sink == 0) {
      throw new IllegalStateException("empty answers");
    }
    return new Sample((double) wall / calls, (double) cpu / calls);
  }

  private static void print(String name, double[] values, String unit) {
    double[] v = values.clone();
    Arrays.sort(v);
    double scale = unit.equals("us") ? 1e-3 : 1;
    System.out.printf(
        Locale.ROOT,
        "  %-20s %9.3f %s  [%.3f .. %.3f]%n",
        name,
        quantile(v, 0.5) * scale,
        unit,
        quantile(v, 0.25) * scale,
        quantile(v, 0.75) * scale);
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
