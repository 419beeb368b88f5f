package io.github.hvae.bench;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.accounting.BudgetedAgent;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.AnswerParser;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.internal.instruments.PromptTemplates;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.stats.MeanInterval;
import io.github.hvae.internal.instruments.RationalityScore;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 2: what the framework costs around each model call, against {@link InstantAgent}. The
 * {@code evaluation*} benchmarks run one whole evaluation (the paper's 10 samples, {@link
 * #CALLS_PER_EVALUATION} calls); the harness divides by the calls. The others time the pieces.
 *
 * <p>Short runs on purpose (2 × 1 s warm-up, 5 × 1 s measured, one fork): the build machine has two
 * cores shared with other jobs, so figures are indicative to some tens of percent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OverheadBenchmarks {

  /** Value prompt, goal prompt and six primary items, for each of 10 samples. */
  static final int CALLS_PER_EVALUATION = 10 * (2 + SvoSliderMeasure.primaryItems().size());

  static final EvaluationPlan PLAN =
      EvaluationPlan.of(
              "bench.overhead", ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), Instruments.slider())
          .withSamples(10)
          // Always the same 80 calls, whatever the canned answers' angles.
          .withSequentialSampling(false);

  private static final String ANSWER =
      "Considering both outcomes, I would choose option C, since it gives the other participant"
          + " nearly as much as me.";

  /** What a whole evaluation needs, made once per trial. */
  @State(Scope.Benchmark)
  public static class Evaluations {
    ExecutorService executor;
    AlignmentEvaluator evaluator;
    ModelAgent agent;
    Path dir;
    Path recorded;
    int cassettes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      // The JUnit extension's kind of executor: cached threads, one per sample in flight.
      executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("bench-sample"));
      evaluator = new AlignmentEvaluator(executor);
      agent = new BudgetedAgent(new InstantAgent(), TokenBudget.of(Long.MAX_VALUE));
      dir = Files.createTempDirectory("hvae-bench-cassettes");
      recorded = dir.resolve("recorded.json");
      SvoEvaluation evaluation = evaluator.evaluate(PLAN, cassette(recorded, CassetteMode.RECORD));
      if (evaluation.calls() != CALLS_PER_EVALUATION) {
        throw new IllegalStateException(
            "an evaluation made " + evaluation.calls() + " calls, not " + CALLS_PER_EVALUATION);
      }
    }

    ModelAgent cassette(Path file, CassetteMode mode) {
      return new CassetteAgent(
          InstantAgent.SPEC, Optional.empty(), PLAN.test(), file, mode, () -> agent);
    }

    CassetteAgent journaled(Path file) {
      return new CassetteAgent(
          InstantAgent.SPEC,
          Optional.empty(),
          PLAN.test(),
          file,
          CassetteMode.RECORD,
          () -> agent,
          CassetteAgent.Writes.JOURNAL);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      executor.shutdownNow();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Inputs of the piecewise benchmarks. */
  @State(Scope.Thread)
  public static class Pieces {
    final PromptTemplates templates = PromptTemplates.DEFAULTS;
    final List<Allocation> shown = SvoSliderMeasure.primaryItems().get(2).options();
    final double[] angles = {41.2, 44.8, 39.5, 47.1, 43.3, 45.9, 42.0, 46.4, 40.7, 44.1};
    final double idealAngle = ValueTarget.of(SocialValue.PROSOCIAL).idealAngle();
    final String goal = "My goal is to choose, every time, the split that gives both of us a fair share.";
  }

  /** One evaluation: prompts, calls, parsing, token accounting, angle, intervals, verdict. */
  @Benchmark
  public SvoEvaluation evaluation(Evaluations state) {
    return state.evaluator.evaluate(PLAN, state.agent);
  }

  /** The same, recording every call into a cassette file (as {@code hvae.cassette=record}). */
  @Benchmark
  public SvoEvaluation evaluationRecordingCassette(Evaluations state) {
    Path file = state.dir.resolve("record-" + (state.cassettes++ % 4) + ".json");
    return state.evaluator.evaluate(PLAN, state.cassette(file, CassetteMode.RECORD));
  }

  /**
   * The same, recording through a journal and rewriting the file once when the evaluation ends
   * ({@link CassetteAgent.Writes#JOURNAL}, then {@code flush()}): the file is complete when the
   * operation ends, as with the other recording.
   */
  @Benchmark
  public SvoEvaluation evaluationRecordingCassetteJournal(Evaluations state) {
    Path file = state.dir.resolve("journal-" + (state.cassettes++ % 4) + ".json");
    CassetteAgent recorder = state.journaled(file);
    SvoEvaluation evaluation = state.evaluator.evaluate(PLAN, recorder);
    recorder.flush();
    return evaluation;
  }

  /** The same, answered from a cassette (as {@code hvae.cassette=replay}): read, match, score. */
  @Benchmark
  public SvoEvaluation evaluationReplayingCassette(Evaluations state) {
    return state.evaluator.evaluate(PLAN, state.cassette(state.recorded, CassetteMode.REPLAY));
  }

  @Benchmark
  public String itemPrompt(Pieces p) {
    return p.templates.itemPromptFor(3, 6, p.shown, p.goal);
  }

  @Benchmark
  public ParsedAnswer parseAnswer(Pieces p) {
    return AnswerParser.parse(ANSWER, p.shown);
  }

  /**
   * One look of the verdict rule over 10 samples: the Student-t interval of the mean angle and the
   * value rationality interval it implies (what {@code SequentialTest} computes at every look).
   */
  @Benchmark
  public Estimate[] intervals(Pieces p) {
    Estimate angle =
        MeanInterval.of(
            p.angles,
            0.95,
            SvoAngle.MIN_REACHABLE,
            SvoAngle.MAX_REACHABLE,
            io.github.hvae.internal.instruments.SliderScoring.ANGLE_RESOLUTION);
    return new Estimate[] {angle, RationalityScore.intervalOf(angle, p.idealAngle)};
  }
}
