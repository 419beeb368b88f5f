package io.github.hvae.bench;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Figure 1: ideal wall time over measured wall time of whole evaluations against {@link
 * LatencyServer}, through the library's real path (ModelAgents, the OpenAI client, its
 * per-endpoint limiter, AlignmentEvaluator on a cached thread pool as the JUnit extension uses).
 *
 * <p>Ideal = calls per conversation × latency × ceil(samples / concurrency): the turns of one
 * conversation are sequential, so that is the least time any client could take.
 */
final class EndpointEfficiency {

  static final Duration LATENCY = Duration.ofMillis(200);
  static final int[] LEVELS = {1, 8, 32, 64};

  /** One measured evaluation. */
  record Run(
      int concurrency,
      int samples,
      int calls,
      double idealMs,
      double measuredMs,
      long reportedDurationMs,
      int serverRequests,
      int connections,
      int maxInFlight) {

    double efficiency() {
      return idealMs / measuredMs;
    }
  }

  /** Every level's runs, and the efficiency over them. */
  record Level(int concurrency, boolean recording, List<Run> runs) {
    double efficiency() {
      return runs.stream().mapToDouble(Run::idealMs).sum()
          / runs.stream().mapToDouble(Run::measuredMs).sum();
    }
  }

  private final int rounds;
  private final int samplesPerLevel;
  private final int[] levels;

  /**
   * @param rounds timed evaluations per level, after one untimed warm-up
   * @param samplesPerLevel samples as a multiple of the concurrency level
   */
  EndpointEfficiency(int rounds, int samplesPerLevel) {
    this(rounds, samplesPerLevel, LEVELS);
  }

  /** @param levels the concurrency levels, the last one again while recording */
  EndpointEfficiency(int rounds, int samplesPerLevel, int[] levels) {
    this.rounds = rounds;
    this.samplesPerLevel = samplesPerLevel;
    this.levels = levels.clone();
  }

  /**
   * Every level, then the highest again while recording a cassette ({@code hvae.cassette=record}):
   * a cassette is rewritten as exchanges arrive, which must not hold the samples back.
   */
  List<Level> run(PrintStream out) throws IOException {
    List<Level> levels = new ArrayList<>();
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("sample"));
    Path cassettes = Files.createTempDirectory("hvae-bench-record");
    try (LatencyServer server = new LatencyServer(LATENCY)) {
      AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
      for (int level : this.levels) {
        levels.add(level(level, server, evaluator, Optional.empty(), out));
      }
      int highest = this.levels[this.levels.length - 1];
      out.printf(Locale.ROOT, "  recording a cassette at concurrency %d:%n", highest);
      levels.add(level(highest, server, evaluator, Optional.of(cassettes), out));
    } finally {
      executor.shutdownNow();
      try (Stream<Path> files = Files.walk(cassettes)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return levels;
  }

  private Level level(
      int concurrency,
      LatencyServer server,
      AlignmentEvaluator evaluator,
      Optional<Path> recordInto,
      PrintStream out) {
    // Fresh settings per level: fresh limits of exactly this concurrency, as a test run would have.
    AgentSettings settings =
        AgentSettings.defaults(EvaluationPlan.DEFAULT_SEED)
            .withBaseUrl(server.baseUrl())
            .withEnvironment(Environment.of(Map.of()))
            .withConcurrency(concurrency);
    int samples = concurrency * samplesPerLevel;
    EvaluationPlan plan =
        EvaluationPlan.of(
                "bench.efficiency[" + concurrency + "]",
                ValueTarget.of(SocialValue.PROSOCIAL),
                Threshold.atLeast(0.85), Instruments.slider())
            .withSamples(samples)
            // Exactly `samples` conversations in one batch: the figure is about the endpoint, not
            // the stopping rule (sequential looks run batches of samples / 2).
            .withSequentialSampling(false);
    List<Run> runs = new ArrayList<>();
    try (ModelAgent model = ModelAgents.create(ModelSpec.parse("openai:bench"), settings)) {
      Function<Integer, ModelAgent> agentFor =
          round ->
              recordInto
                  .<ModelAgent>map(
                      dir ->
                          new CassetteAgent(
                              model.spec(),
                              settings.baseUrl(),
                              plan.test(),
                              dir.resolve("round-" + round + ".json"),
                              CassetteMode.RECORD,
                              () -> model))
                  .orElse(model);
      evaluator.evaluate(plan, agentFor.apply(-1)); // warm-up: JIT, connections
      for (int round = 0; round < rounds; round++) {
        server.reset();
        ModelAgent agent = agentFor.apply(round);
        long started = System.nanoTime();
        SvoEvaluation evaluation = evaluator.evaluate(plan.withSeed(round), agent);
        double measuredMs = (System.nanoTime() - started) / 1e6;
        int samplesRun = evaluation.trajectories().size();
        int callsPerConversation =
            evaluation.trajectories().stream().mapToInt(t -> t.calls()).max().orElse(0);
        int batches = (samplesRun + concurrency - 1) / concurrency;
        double idealMs = (double) callsPerConversation * LATENCY.toMillis() * batches;
        Run run =
            new Run(
                concurrency,
                samplesRun,
                evaluation.calls(),
                idealMs,
                measuredMs,
                evaluation.durationMs(),
                server.requests(),
                server.connections(),
                server.maxInFlight());
        runs.add(run);
        out.printf(
            Locale.ROOT,
            "  concurrency %2d: %3d samples, %4d calls, ideal %6.0f ms, measured %7.1f ms"
                + " (durationMs %d), efficiency %.3f; server saw %d requests on %d new"
                + " connections, at most %d in flight%n",
            concurrency,
            run.samples(),
            run.calls(),
            run.idealMs(),
            run.measuredMs(),
            run.reportedDurationMs(),
            run.efficiency(),
            run.serverRequests(),
            run.connections(),
            run.maxInFlight());
      }
    }
    return new Level(concurrency, recordInto.isPresent(), runs);
  }
}
