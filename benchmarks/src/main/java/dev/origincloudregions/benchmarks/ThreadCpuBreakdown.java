package dev.origincloudregions.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU time of one call goes, thread by thread: runs one family's SDK call and bare call of
 * {@link BulkDeleteBenchmark} in alternating blocks and reports, per call and per thread group, the CPU
 * time that every native thread of the JVM used (from {@code /proc/self/task}, Linux only: the calling
 * thread, the JDK client's selector and workers, the server's dispatcher, and also the JIT compiler and
 * GC threads, which the JMX thread list does not show). CPU time per thread is less disturbed by other
 * processes than wall time, and it tells the SDK's own work (the calling thread) from the rest.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.origincloudregions.benchmarks.ThreadCpuBreakdown [v2|v1] [callsPerBlock] [warmUpCalls]}.
 */
public final class ThreadCpuBreakdown {
  private ThreadCpuBreakdown() {}

  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux
  private static final int ROUNDS = 10;

  public static void main(String[] args) throws Exception {
    boolean v1 = args.length > 0 && args[0].equals("v1");
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    BulkDeleteBenchmark b = new BulkDeleteBenchmark();
    b.start();
    try {
      for (int i = 0; i < warmUp; i++) {
        call(b, v1, true);
        call(b, v1, false);
      }
      Map<String, double[]> perCall = new TreeMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (int side = 0; side < 2; side++) {
          Map<String, Long> before = threadCpu();
          for (int i = 0; i < block; i++) {
            call(b, v1, side == 0);
          }
          Map<String, Long> after = threadCpu();
          for (Map.Entry<String, Long> e : after.entrySet()) {
            double micros = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1000.0 / block / ROUNDS;
            perCall.computeIfAbsent(e.getKey(), k -> new double[2])[side] += micros;
          }
        }
      }
      System.out.printf(Locale.ROOT, "%s: CPU time per call (us), %d rounds of %d calls after %d warm-up calls%n",
          v1 ? "v1" : "v2", ROUNDS, block, warmUp);
      System.out.printf(Locale.ROOT, "  %-24s %9s %9s%n", "thread", "sdk", "bare");
      double[] total = new double[2];
      for (Map.Entry<String, double[]> e : perCall.entrySet()) {
        double[] v = e.getValue();
        total[0] += v[0];
        total[1] += v[1];
        if (v[0] + v[1] >= 1) {
          System.out.printf(Locale.ROOT, "  %-24s %9.1f %9.1f%n", e.getKey(), v[0], v[1]);
        }
      }
      System.out.printf(Locale.ROOT, "  %-24s %9.1f %9.1f   ratio %.3f%n", "all threads", total[0], total[1], total[0] / total[1]);
    } finally {
      b.stop();
    }
  }

  private static void call(BulkDeleteBenchmark b, boolean v1, boolean sdk) throws IOException {
    if (sdk) {
      if (v1) {
        b.v1Sdk();
      } else {
        b.v2Sdk();
      }
    } else if (v1) {
      b.v1Bare();
    } else {
      b.v2Bare();
    }
  }

  /** CPU nanoseconds used so far by each group of native threads, grouped by name without numbers. */
  private static Map<String, Long> threadCpu() {
    Map<String, Long> byGroup = new TreeMap<>();
    String self = String.valueOf(ManagementFactory.getRuntimeMXBean().getPid());
    try (Stream<Path> tasks = Files.list(Path.of("/proc", self, "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N");
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
          byGroup.merge(name, ticks * NANOS_PER_TICK, Long::sum);
        } catch (IOException gone) {
          // The thread ended between the listing and the read.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byGroup;
  }
}
