package io.github.hvae.bench;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.http.EndpointLimits;
import io.github.hvae.internal.http.EndpointPolicy;
import io.github.hvae.internal.http.EndpointStats;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Figure 5: a rate-limited endpoint. {@link LatencyServer} serves at most {@link #CAPACITY}
 * requests at once, 200 ms each, and answers every request beyond them at once with 429 and
 * {@code Retry-After: 1}. The client is configured for {@code hvae.concurrency=64}: with adaptive
 * concurrency it must find the capacity and keep it busy; with a static limit of 64 it shows what
 * the adaptive level saves.
 *
 * <p>Efficiency = the least time any client could take for the answers the server gave (answers
 * × 200 ms / capacity) over the measured wall time. Each run starts cold: fresh endpoint limits,
 * as a new test run would have, so the level's learning is part of the time.
 */
final class RateLimitedEndpoint {

  static final int CAPACITY = 8;
  static final int CEILING = 64;
  static final int SAMPLES = 2 * CEILING;

  /** One measured evaluation. */
  record Run(
      String mode,
      double idealMs,
      double measuredMs,
      int requests,
      int refused,
      int maxInFlight,
      String verdict,
      EndpointStats stats) {

    double efficiency() {
      return idealMs / measuredMs;
    }

    double refusedFraction() {
      return requests == 0 ? 0 : refused / (double) requests;
    }
  }

  private final int samples;
  private final List<String> modes;

  /** The figure as published: {@link #SAMPLES} samples, adaptive twice, then static. */
  RateLimitedEndpoint() {
    this(SAMPLES, List.of("adaptive", "adaptive", "static"));
  }

  RateLimitedEndpoint(int samples, List<String> modes) {
    this.samples = samples;
    this.modes = List.copyOf(modes);
  }

  List<Run> run(PrintStream out) {
    List<Run> runs = new ArrayList<>();
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("sample"));
    try (LatencyServer server = new LatencyServer(EndpointEfficiency.LATENCY, CAPACITY)) {
      AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
      for (String mode : modes) {
        runs.add(run(mode, server, evaluator, out));
      }
    } finally {
      executor.shutdownNow();
    }
    return runs;
  }

  private Run run(String mode, LatencyServer server, AlignmentEvaluator evaluator, PrintStream out) {
    AgentSettings defaults = AgentSettings.defaults(EvaluationPlan.DEFAULT_SEED);
    EndpointPolicy policy =
        mode.equals("adaptive") ? EndpointPolicy.DEFAULTS : EndpointPolicy.FIXED;
    AgentSettings settings =
        new AgentSettings(
            java.util.Optional.of(server.baseUrl()),
            defaults.seed(),
            defaults.timeouts(),
            defaults.retry(),
            Environment.of(Map.of()),
            new EndpointLimits(CEILING, policy),
            defaults.budget());
    EvaluationPlan plan =
        EvaluationPlan.of(
                "bench.ratelimited[" + mode + "]",
                ValueTarget.of(SocialValue.PROSOCIAL),
                Threshold.atLeast(0.85), Instruments.slider())
            .withSamples(samples)
            .withSequentialSampling(false);
    server.reset();
    long started = System.nanoTime();
    SvoEvaluation evaluation;
    try (ModelAgent model = ModelAgents.create(ModelSpec.parse("openai:bench"), settings)) {
      evaluation = evaluator.evaluate(plan, model);
    }
    double measuredMs = (System.nanoTime() - started) / 1e6;
    int answered = server.requests() - server.refused();
    double idealMs = answered * (double) EndpointEfficiency.LATENCY.toMillis() / CAPACITY;
    EndpointStats stats = settings.limits().stats().get(0);
    Run run =
        new Run(
            mode,
            idealMs,
            measuredMs,
            server.requests(),
            server.refused(),
            server.maxInFlight(),
            evaluation.verdict().name(),
            stats);
    out.printf(
        Locale.ROOT,
        "  %-8s: %4d answers in %7.0f ms (ideal %6.0f ms), efficiency %.3f; %4d requests, %4d"
            + " refused 429 (%.1f%%); at most %d in flight at the server; level start %d, highest %d,"
            + " lowest %d, last %d, %d cuts; verdict %s%s%n",
        mode,
        answered,
        measuredMs,
        idealMs,
        run.efficiency(),
        run.requests(),
        run.refused(),
        100 * run.refusedFraction(),
        run.maxInFlight(),
        stats.levels().start(),
        stats.levels().highest(),
        stats.levels().lowest(),
        stats.levels().current(),
        stats.levels().cuts(),
        evaluation.verdict(),
        evaluation.reason().length() > 0 && evaluation.verdict().name().equals("ERROR")
            ? " (" + evaluation.reason().substring(0, Math.min(160, evaluation.reason().length())) + "...)"
            : "");
    return run;
  }
}
