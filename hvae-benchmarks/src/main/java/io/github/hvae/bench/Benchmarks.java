package io.github.hvae.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The performance harness: {@code java -jar hvae-benchmarks/target/benchmarks.jar [--quick]
 * [figure...]} with figures {@code efficiency}, {@code overhead}, {@code recording}, {@code calls},
 * {@code ratelimited}, {@code dead} (all six when none is named), {@code engine} (figure 7, a
 * real llama.cpp server at {@code HVAE_LLAMA_BASE_URL}; {@code run.sh} starts one) and {@code
 * boundary} (figure 8, the error rates of the verdict at the threshold). {@code --quick} runs
 * every figure small, in seconds, to check that the harness works; its numbers are not the
 * figures. Figure 4, replay speed, times a whole Maven run and lives in {@code replay.sh}. Each
 * figure ends with one line starting {@code FIGURE}, which {@code run.sh} collects.
 */
public final class Benchmarks {

  private Benchmarks() {}

  /** Every figure small: a check that the harness runs, not a measurement. */
  private static boolean quick;

  public static void main(String[] args) throws RunnerException {
    List<String> named = new java.util.ArrayList<>(List.of(args));
    quick = named.remove("--quick");
    List<String> figures =
        named.isEmpty() ? List.of("efficiency", "overhead", "recording", "calls", "ratelimited", "dead") : named;
    PrintStream out = System.out;
    if (quick) {
      out.println("--quick: every figure small, to check the harness; these numbers are not the figures");
    }
    for (String figure : figures) {
      switch (figure) {
        case "efficiency" -> efficiency(out);
        case "overhead" -> overhead(out);
        case "calls" -> new CallsPerVerdict(quick ? 20 : 400).run(out);
        case "recording" -> recording(out);
        case "ratelimited" -> rateLimited(out);
        case "dead" -> dead(out);
        case "engine" -> engine(out);
        case "boundary" -> BoundaryFigure.print(out, quick);
        case "serve" -> serve(out);
        default ->
            throw new IllegalArgumentException(
                "unknown figure '" + figure + "'; name efficiency, overhead, recording, calls, ratelimited, dead,"
                    + " engine or boundary (--quick before them for a small run)");
      }
    }
  }

  /** Runs the latency server alone until killed, to try other clients against it. */
  private static void serve(PrintStream out) {
    LatencyServer server = new LatencyServer(EndpointEfficiency.LATENCY);
    out.println("listening on " + server.baseUrl());
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
  }

  private static void efficiency(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Figure 1, endpoint efficiency: whole evaluations against a server on 127.0.0.1 that"
            + " answers %d ms after each request%n",
        EndpointEfficiency.LATENCY.toMillis());
    List<EndpointEfficiency.Level> levels;
    try {
      levels = (quick ? new EndpointEfficiency(1, 1, new int[] {1, 8}) : new EndpointEfficiency(3, 2)).run(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder line = new StringBuilder("FIGURE 1 endpoint efficiency (target >= 0.9):");
    for (EndpointEfficiency.Level level : levels) {
      line.append(
          String.format(
              Locale.ROOT,
              " c=%d%s %.3f",
              level.concurrency(),
              level.recording() ? " recording a cassette" : "",
              level.efficiency()));
    }
    out.println(line);
  }

  private static void overhead(PrintStream out) throws RunnerException {
    out.println(
        "Figure 2, framework overhead per model call: JMH, average time, against an instant agent");
    OptionsBuilder builder = new OptionsBuilder();
    builder.include(OverheadBenchmarks.class.getName() + "\\.");
    if (quick) {
      builder
          .warmupIterations(1)
          .warmupTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200))
          .measurementIterations(2)
          .measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200));
    }
    Options options = builder.build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      scores.put(
          name,
          new double[] {
            result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()
          });
    }
    int calls = OverheadBenchmarks.CALLS_PER_EVALUATION;
    out.printf(Locale.ROOT, "  per model call (an evaluation is %d calls):%n", calls);
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      boolean whole = e.getKey().startsWith("evaluation");
      double divisor = whole ? calls : 1;
      out.printf(
          Locale.ROOT,
          "  %-30s %10.2f ± %.2f µs%s%n",
          e.getKey(),
          e.getValue()[0] / divisor,
          e.getValue()[1] / divisor,
          whole ? " per call" : " per operation");
    }
    out.printf(
        Locale.ROOT,
        "FIGURE 2 framework overhead per model call (target < 200 µs): %.1f µs; recording a"
            + " cassette %.1f µs (rewriting it per exchange), %.1f µs (journal, one rewrite at the"
            + " end); replaying one %.1f µs%n",
        scores.get("evaluation")[0] / calls,
        scores.get("evaluationRecordingCassette")[0] / calls,
        scores.get("evaluationRecordingCassetteJournal")[0] / calls,
        scores.get("evaluationReplayingCassette")[0] / calls);
  }

  private static void recording(PrintStream out) {
    out.println(
        "Figure 2b, recording overhead per call: whole evaluations (80 calls, instant agent),"
            + " plain and recording three ways, interleaved, " + (quick ? 20 : 200) + " rounds");
    RecordingCost.Result result;
    try {
      result = new RecordingCost().run(quick ? 20 : 200, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf(
        Locale.ROOT,
        "FIGURE 2b recording overhead per call (target < 200 µs), medians: plain %.1f µs; recording"
            + " by rewriting per exchange %.1f µs; through the journal %.1f µs (%.2f of rewriting);"
            + " as the extension records (registry, journal, finished()) %.1f µs (%.2f of rewriting)%n",
        result.plain(),
        result.rewrite(),
        result.journal(),
        result.journal() / result.rewrite(),
        result.extension(),
        result.extension() / result.rewrite());
  }

  private static void rateLimited(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Figure 5, rate-limited endpoint: a server serving at most %d requests at once (%d ms each),"
            + " 429 with Retry-After: 1 beyond; hvae.concurrency=%d, %d samples of 8 calls%n",
        RateLimitedEndpoint.CAPACITY,
        EndpointEfficiency.LATENCY.toMillis(),
        RateLimitedEndpoint.CEILING,
        quick ? 32 : RateLimitedEndpoint.SAMPLES);
    List<RateLimitedEndpoint.Run> runs =
        (quick ? new RateLimitedEndpoint(32, List.of("adaptive", "static")) : new RateLimitedEndpoint()).run(out);
    StringBuilder line =
        new StringBuilder("FIGURE 5 rate-limited endpoint (target: adaptive efficiency >= 0.85, 429s <= 5%):");
    for (RateLimitedEndpoint.Run run : runs) {
      line.append(
          String.format(
              Locale.ROOT,
              " %s %.3f (429s %.1f%%, highest level %d)%s",
              run.mode(),
              run.efficiency(),
              100 * run.refusedFraction(),
              run.stats().levels().highest(),
              run.verdict().equals("ERROR") ? " ERROR" : ""));
    }
    out.println(line);
  }

  private static void dead(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Figure 6, dead endpoint: four evaluations one after another against a server that accepts"
            + " and never answers, request timeout %s, %s retries%n",
        quick ? "300 ms" : DeadEndpoint.TIMEOUT.toSeconds() + " s",
        quick ? "20 ms backoff" : "default");
    DeadEndpoint.Result result =
        (quick ? new DeadEndpoint(java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(20)) : new DeadEndpoint())
            .run(out);
    out.printf(
        Locale.ROOT,
        "FIGURE 6 dead endpoint (target: four evaluations within 60 s): %.1f s in all (%s ms each),"
            + " %d requests; verdicts %s%n",
        result.totalMs() / 1000.0,
        result.evaluationMs(),
        result.requests(),
        result.verdicts());
  }

  private static void engine(PrintStream out) {
    String baseUrl = System.getenv("HVAE_LLAMA_BASE_URL");
    out.println(
        "Figure 7, real engine: whole evaluations against a llama.cpp server with parallel slots, beside a"
            + " plain client sending the same requests at the same concurrency");
    if (baseUrl == null || baseUrl.isBlank()) {
      out.println(
          "FIGURE 7 real engine: skipped, no server (HVAE_LLAMA_BASE_URL unset; run.sh starts one with"
              + " integration/llama/with-server.sh)");
      return;
    }
    // -Dhvae.bench.engine.samples-per-slot and -Dhvae.bench.engine.rounds size the figure by hand.
    EngineThroughput.Result result =
        new EngineThroughput(
                baseUrl,
                Integer.getInteger("hvae.bench.engine.samples-per-slot", quick ? 1 : 4),
                Integer.getInteger("hvae.bench.engine.rounds", quick ? 1 : 3),
                io.github.hvae.agent.ConstrainedAnswers.GRAMMAR,
                !quick)
            .run(out);
    StringBuilder ratios = new StringBuilder();
    StringBuilder busy = new StringBuilder();
    for (EngineThroughput.Round round : result.rounds()) {
      ratios.append(ratios.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", round.ratio()));
      busy.append(busy.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", round.occupancyRatio()));
    }
    EngineThroughput.Round first = result.rounds().get(0);
    EngineThroughput.Tally uncached = first.plainWithoutCache().orElseThrow();
    out.printf(
        Locale.ROOT,
        "FIGURE 7 real engine (llama.cpp, %d slots, %d samples of %d calls; target >= 0.9 of a plain client):"
            + " completion tokens/s evaluation %.1f, plain client %.1f, ratio %.3f (rounds %s); slots busy:"
            + " evaluation %.1f%%, plain client %.1f%%, ratio %.3f (rounds %s); KV cache: %.1f%%"
            + " of prompt tokens reused (evaluation), %.1f%% (plain client; its turns' previous turns are %.1f%%);"
            + " without cache_prompt the plain client gets %.1f completion tokens/s (%.2f of with) and the server"
            + " spends %.0f ms on prompts instead of %.0f%n",
        result.slots(),
        result.samples(),
        result.samples() == 0 ? 0 : result.calls() / result.samples(),
        result.median(r -> r.evaluation().completionPerSecond()),
        result.median(r -> r.plain().completionPerSecond()),
        result.medianRatio(),
        ratios,
        100 * result.median(r -> r.evaluation().occupancy(r.slots())),
        100 * result.median(r -> r.plain().occupancy(r.slots())),
        result.median(EngineThroughput.Round::occupancyRatio),
        busy,
        100 * result.median(r -> r.evaluation().cachedFraction()),
        100 * result.median(r -> r.plain().cachedFraction()),
        100 * result.median(r -> r.plain().reusableFraction()),
        uncached.completionPerSecond(),
        uncached.completionPerSecond() / first.plain().completionPerSecond(),
        uncached.serverPromptMs(),
        first.plain().serverPromptMs());
  }

  /** Daemon threads, so that a harness that fails part-way still exits. */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, "hvae-" + prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
