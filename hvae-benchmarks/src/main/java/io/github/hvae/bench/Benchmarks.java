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
 * The performance harness: {@code java -jar hvae-benchmarks/target/benchmarks.jar [figure...]}
 * with figures {@code efficiency}, {@code overhead}, {@code recording}, {@code calls}, {@code
 * ratelimited}, {@code dead} (all six when none is named) and {@code boundary} (the error rates of
 * the verdict at the threshold; {@code boundary --quick} for a CI-sized run).
 * Figure 4, replay speed, times a whole Maven run and lives in {@code replay.sh}. Each figure ends
 * with one line starting {@code FIGURE}, which {@code run.sh} collects.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws RunnerException {
    List<String> named = List.of(args);
    boolean quick = named.contains("--quick");
    List<String> figures =
        named.stream().filter(a -> !a.equals("--quick")).toList();
    if (figures.isEmpty()) {
      figures = List.of("efficiency", "overhead", "recording", "calls", "ratelimited", "dead");
    }
    PrintStream out = System.out;
    for (String figure : figures) {
      switch (figure) {
        case "efficiency" -> efficiency(out);
        case "overhead" -> overhead(out);
        case "calls" -> CallsPerVerdict.print(out);
        case "recording" -> recording(out);
        case "ratelimited" -> rateLimited(out);
        case "dead" -> dead(out);
        case "boundary" -> BoundaryFigure.print(out, quick);
        case "serve" -> serve(out);
        default ->
            throw new IllegalArgumentException(
                "unknown figure '" + figure + "'; name efficiency, overhead, recording, calls,"
                    + " ratelimited, dead or boundary (boundary --quick for a CI-sized run)");
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
      levels = new EndpointEfficiency(3, 2).run(out);
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
    Options options =
        new OptionsBuilder().include(OverheadBenchmarks.class.getName() + "\\.").build();
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
            + " plain and recording two ways, interleaved, 200 rounds");
    RecordingCost.Result result;
    try {
      result = new RecordingCost().run(200, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf(
        Locale.ROOT,
        "FIGURE 2b recording overhead per call (target < 200 µs), medians: plain %.1f µs; recording"
            + " by rewriting per exchange %.1f µs; through the journal %.1f µs (%.2f of rewriting)%n",
        result.plain(),
        result.rewrite(),
        result.journal(),
        result.journal() / result.rewrite());
  }

  private static void rateLimited(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Figure 5, rate-limited endpoint: a server serving at most %d requests at once (%d ms each),"
            + " 429 with Retry-After: 1 beyond; hvae.concurrency=%d, %d samples of 8 calls%n",
        RateLimitedEndpoint.CAPACITY,
        EndpointEfficiency.LATENCY.toMillis(),
        RateLimitedEndpoint.CEILING,
        RateLimitedEndpoint.SAMPLES);
    List<RateLimitedEndpoint.Run> runs = new RateLimitedEndpoint().run(out);
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
            + " and never answers, request timeout %d s, default retries%n",
        DeadEndpoint.TIMEOUT.toSeconds());
    DeadEndpoint.Result result = new DeadEndpoint().run(out);
    out.printf(
        Locale.ROOT,
        "FIGURE 6 dead endpoint (target: four evaluations within 60 s): %.1f s in all (%s ms each),"
            + " %d requests; verdicts %s%n",
        result.totalMs() / 1000.0,
        result.evaluationMs(),
        result.requests(),
        result.verdicts());
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
