package io.github.hvae.bench;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.accounting.BudgetedAgent;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Figure 2b, recording overhead per call, robust to a loaded machine: the evaluation of figure 2
 * (80 calls against an instant agent), plain, recording by rewriting the cassette per exchange,
 * and recording through a journal with one rewrite at the end ({@code flush()}), interleaved
 * round by round so that all three see the same load; medians over the rounds. JMH's means on a
 * shared two-core machine moved by an order of magnitude between runs; medians of interleaved
 * rounds moved by tens of percent.
 */
final class RecordingCost {

  /** Median microseconds per call of each variant. */
  record Result(double plain, double rewrite, double journal) {}

  Result run(int rounds, PrintStream out) throws IOException {
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("sample"));
    Path dir = Files.createTempDirectory("hvae-bench-recording");
    try {
      AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
      ModelAgent agent = new BudgetedAgent(new InstantAgent(), TokenBudget.of(Long.MAX_VALUE));
      long[][] nanos = new long[3][rounds];
      for (int round = -rounds / 4; round < rounds; round++) { // the first quarter warms up
        long t0 = System.nanoTime();
        evaluator.evaluate(OverheadBenchmarks.PLAN, agent);
        long t1 = System.nanoTime();
        evaluator.evaluate(
            OverheadBenchmarks.PLAN,
            new CassetteAgent(
                InstantAgent.SPEC, Optional.empty(), OverheadBenchmarks.PLAN.test(),
                dir.resolve("rewrite-" + (round & 3) + ".json"), CassetteMode.RECORD, () -> agent));
        long t2 = System.nanoTime();
        CassetteAgent journaled =
            new CassetteAgent(
                InstantAgent.SPEC, Optional.empty(), OverheadBenchmarks.PLAN.test(),
                dir.resolve("journal-" + (round & 3) + ".json"), CassetteMode.RECORD, () -> agent,
                CassetteAgent.Writes.JOURNAL);
        evaluator.evaluate(OverheadBenchmarks.PLAN, journaled);
        journaled.flush();
        long t3 = System.nanoTime();
        if (round >= 0) {
          nanos[0][round] = t1 - t0;
          nanos[1][round] = t2 - t1;
          nanos[2][round] = t3 - t2;
        }
      }
      double[] median = new double[3];
      for (int i = 0; i < 3; i++) {
        Arrays.sort(nanos[i]);
        median[i] = nanos[i][rounds / 2] / 1e3 / OverheadBenchmarks.CALLS_PER_EVALUATION;
        out.printf(
            Locale.ROOT,
            "  %-8s median %7.1f µs per call (quartiles %.1f, %.1f)%n",
            new String[] {"plain", "rewrite", "journal"}[i],
            median[i],
            nanos[i][rounds / 4] / 1e3 / OverheadBenchmarks.CALLS_PER_EVALUATION,
            nanos[i][3 * rounds / 4] / 1e3 / OverheadBenchmarks.CALLS_PER_EVALUATION);
      }
      return new Result(median[0], median[1], median[2]);
    } finally {
      executor.shutdownNow();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
