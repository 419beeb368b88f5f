package io.github.hvae.bench;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.accounting.BudgetedAgent;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.run.AgentRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Figure 2b, recording overhead per call, robust to a loaded machine: the evaluation of figure 2
 * (80 calls against an instant agent), plain, recording by rewriting the cassette per exchange,
 * recording through a journal with one rewrite at the end ({@code flush()}), and recording as the
 * extension does ({@code hvae.cassette=record}: the run's {@link AgentRegistry}, its default
 * writes, {@code finished()} when the evaluation ends), interleaved round by round so that all
 * four see the same load; medians over the rounds. JMH's means on a shared two-core machine moved
 * by an order of magnitude between runs; medians of interleaved rounds moved by tens of percent.
 */
final class RecordingCost {

  /** Median microseconds per call of each variant. */
  record Result(double plain, double rewrite, double journal, double extension) {}

  private static final String[] VARIANTS = {"plain", "rewrite", "journal", "extension"};

  /**
   * The extension's registry recording into {@code cassetteDir}, with the concurrency a run has by
   * default above the figure's 10 samples in flight (16), so that the limit of the model a test
   * supplies does not hold them back.
   */
  private static AgentRegistry registry(Path cassetteDir) {
    Map<String, String> parameters =
        Map.of("hvae.cassette", "record", "hvae.cassette-dir", cassetteDir.toString(), "hvae.concurrency", "16");
    return new AgentRegistry(
        Configuration.read(k -> Optional.ofNullable(parameters.get(k))), Environment.of(Map.of()),
        k -> Optional.ofNullable(parameters.get(k)));
  }

  Result run(int rounds, PrintStream out) throws IOException {
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("sample"));
    Path dir = Files.createTempDirectory("hvae-bench-recording");
    try {
      AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
      ModelAgent agent = new BudgetedAgent(new InstantAgent(), TokenBudget.of(Long.MAX_VALUE));
      long[][] nanos = new long[VARIANTS.length][rounds];
      for (int round = -rounds / 4; round < rounds; round++) { // the first quarter warms up
        long t0 = System.nanoTime();
        evaluator.evaluate(OverheadBenchmarks.PLAN, agent);
        long t1 = System.nanoTime();
        evaluator.evaluate(
            OverheadBenchmarks.PLAN,
            new CassetteAgent(
                InstantAgent.SPEC, Optional.empty(), OverheadBenchmarks.PLAN.test(),
                dir.resolve("rewrite-" + (round & 3) + ".json"), CassetteMode.RECORD, () -> agent,
                CassetteAgent.Writes.REWRITE_EACH_EXCHANGE));
        long t2 = System.nanoTime();
        CassetteAgent journaled =
            new CassetteAgent(
                InstantAgent.SPEC, Optional.empty(), OverheadBenchmarks.PLAN.test(),
                dir.resolve("journal-" + (round & 3) + ".json"), CassetteMode.RECORD, () -> agent,
                CassetteAgent.Writes.JOURNAL);
        evaluator.evaluate(OverheadBenchmarks.PLAN, journaled);
        journaled.flush();
        long t3 = System.nanoTime();
        // A fresh registry per round, as a run has; its cassette directory rotates like the others'.
        AgentRegistry registry = registry(dir.resolve("extension-" + (round & 3)));
        evaluator.evaluate(
            OverheadBenchmarks.PLAN,
            registry.agentFor(InstantAgent.SPEC, "instant", () -> agent, OverheadBenchmarks.PLAN.test()));
        registry.finished(OverheadBenchmarks.PLAN.test());
        long t4 = System.nanoTime();
        if (round >= 0) {
          nanos[0][round] = t1 - t0;
          nanos[1][round] = t2 - t1;
          nanos[2][round] = t3 - t2;
          nanos[3][round] = t4 - t3;
        }
      }
      double[] median = new double[VARIANTS.length];
      for (int i = 0; i < VARIANTS.length; i++) {
        Arrays.sort(nanos[i]);
        median[i] = nanos[i][rounds / 2] / 1e3 / OverheadBenchmarks.CALLS_PER_EVALUATION;
        out.printf(
            Locale.ROOT,
            "  %-9s median %7.1f µs per call (quartiles %.1f, %.1f)%n",
            VARIANTS[i],
            median[i],
            nanos[i][rounds / 4] / 1e3 / OverheadBenchmarks.CALLS_PER_EVALUATION,
            nanos[i][3 * rounds / 4] / 1e3 / OverheadBenchmarks.CALLS_PER_EVALUATION);
      }
      return new Result(median[0], median[1], median[2], median[3]);
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
