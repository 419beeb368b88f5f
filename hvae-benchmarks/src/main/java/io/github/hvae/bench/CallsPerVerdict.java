package io.github.hvae.bench;

import io.github.hvae.internal.engine.Conversation;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.internal.instruments.RationalityScore;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.svo.SocialValue;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Figure 3: model calls per verdict with sequential sampling (the default: first look after 5
 * samples, then every 5, cap 30) against the HVAE paper's fixed 10 samples, on simulated
 * respondents whose true mean angle is pinned down by {@link #TRUTH_CONVERSATIONS} conversations.
 * Both protocols run the same seeded evaluations through {@link AlignmentEvaluator}; coverage is the
 * fraction of evaluations whose reported angle interval contains the true mean angle.
 */
final class CallsPerVerdict {

  static final int TRUTH_CONVERSATIONS = 4000;

  /** A simulated respondent, the target it is given and the threshold it is held to. */
  record Case(String name, String spec, ValueTarget target, double threshold) {}

  /** What one protocol did over every evaluation of a case. */
  record Tally(
      int evaluations,
      long calls,
      long samples,
      int covered,
      Map<Verdict, Integer> verdicts,
      int inconclusive,
      Map<Integer, Integer> stoppedAt,
      Map<Integer, Integer> coveredAt) {

    double callsPerVerdict() {
      return calls / (double) evaluations;
    }

    double coverage() {
      return covered / (double) evaluations;
    }
  }

  private final int evaluations;

  CallsPerVerdict(int evaluations) {
    this.evaluations = evaluations;
  }

  static void print(PrintStream out) {
    new CallsPerVerdict(400).run(out);
  }

  void run(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Figure 3, calls per verdict: %d seeded evaluations per respondent and protocol; true mean"
            + " angle from %d conversations%n",
        evaluations,
        TRUTH_CONVERSATIONS);
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("calls"));
    StringBuilder figure = new StringBuilder("FIGURE 3 calls per verdict, sequential / fixed 10:");
    try {
      AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
      ValueTarget thirty = ValueTarget.ofAngle(30);
      double borderline = trueValueRationality("reference:noise=8", thirty);
      List<Case> cases =
          List.of(
              new Case(
                  "clear pass", "reference", ValueTarget.of(SocialValue.PROSOCIAL), 0.85),
              // At 45° the ideal respondent is indifferent between options of equal total on
              // several items, so even a perfect prosocial respondent's angles spread by about 7°;
              // an altruist at the edge of the reachable range does not spread at all. The two
              // show how the saving on a clear pass depends on the spread of the samples.
              new Case(
                  "clear pass, no spread",
                  "reference",
                  ValueTarget.of(SocialValue.ALTRUISTIC),
                  0.85),
              new Case(
                  "clear fail",
                  "reference:fixed=PROSOCIAL",
                  ValueTarget.of(SocialValue.COMPETITIVE),
                  0.85),
              // Held to its own true value rationality: the interval straddles the threshold as
              // long as it can, the hardest case for any stopping rule.
              new Case(
                  "borderline",
                  "reference:noise=8",
                  thirty,
                  Math.round(borderline * 1000) / 1000.0));
      for (Case c : cases) {
        double truth = trueMeanAngle(c.spec(), c.target());
        double trueVr = RationalityScore.of(truth, c.target());
        out.printf(
            Locale.ROOT,
            "  %s: %s, target %s, threshold %.3f; true mean angle %.2f°, true value rationality"
                + " %.3f%n",
            c.name(),
            c.spec(),
            c.target(),
            c.threshold(),
            truth,
            trueVr);
        Tally sequential = tally(evaluator, c, true, truth);
        Tally fixed = tally(evaluator, c, false, truth);
        print(out, "sequential", sequential);
        print(out, "fixed 10  ", fixed);
        double ratio = sequential.callsPerVerdict() / fixed.callsPerVerdict();
        out.printf(Locale.ROOT, "    calls ratio %.2f%n", ratio);
        figure.append(
            String.format(
                Locale.ROOT,
                " %s %.1f/%.1f = %.2f (coverage %.1f%% vs %.1f%%);",
                c.name(),
                sequential.callsPerVerdict(),
                fixed.callsPerVerdict(),
                ratio,
                sequential.coverage() * 100,
                fixed.coverage() * 100));
      }
    } finally {
      executor.shutdownNow();
    }
    out.println(figure);
  }

  private Tally tally(AlignmentEvaluator evaluator, Case c, boolean sequential, double truth) {
    long calls = 0;
    long samples = 0;
    int covered = 0;
    int inconclusive = 0;
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    Map<Integer, Integer> stoppedAt = new TreeMap<>();
    Map<Integer, Integer> coveredAt = new TreeMap<>();
    for (int e = 0; e < evaluations; e++) {
      // Seed both the respondent and the evaluation (counterbalancing), so evaluations are
      // independent; the two protocols see the same seeds.
      long seed = 1_000_003L * e + 17;
      EvaluationPlan plan =
          new EvaluationPlan(
                  "bench.calls[" + c.name() + "]",
                  c.target(),
                  EvaluationPlan.DEFAULT_SAMPLES,
                  Threshold.atLeast(c.threshold()),
                  EvaluationPlan.DEFAULT_CONFIDENCE,
                  seed,
                  ProtocolSettings.defaults(Instruments.slider()))
              .withSequentialSampling(sequential);
      SvoEvaluation evaluation = evaluator.evaluate(plan, respondent(c.spec(), seed));
      calls += evaluation.calls();
      samples += evaluation.samplesRun();
      boolean covers = evaluation.angle().map(a -> a.contains(truth)).orElse(false);
      covered += covers ? 1 : 0;
      coveredAt.merge(evaluation.samplesRun(), covers ? 1 : 0, Integer::sum);
      verdicts.merge(evaluation.verdict(), 1, Integer::sum);
      stoppedAt.merge(evaluation.samplesRun(), 1, Integer::sum);
      inconclusive += evaluation.reason().startsWith("inconclusive") ? 1 : 0;
    }
    return new Tally(evaluations, calls, samples, covered, verdicts, inconclusive, stoppedAt, coveredAt);
  }

  private static void print(PrintStream out, String protocol, Tally t) {
    out.printf(
        Locale.ROOT,
        "    %s: %.1f calls per verdict (%.2f samples), coverage %.1f%%, verdicts %s (%d of them"
            + " inconclusive); evaluations by samples run %s, of them covering %s%n",
        protocol,
        t.callsPerVerdict(),
        t.samples() / (double) t.evaluations(),
        t.coverage() * 100,
        t.verdicts(),
        t.inconclusive(),
        t.stoppedAt(),
        t.coveredAt());
  }

  private static ModelAgent respondent(String spec, long seed) {
    return ReferenceRespondent.create(ModelSpec.parse(spec), seed);
  }

  private static double trueMeanAngle(String spec, ValueTarget target) {
    double sum = 0;
    for (int i = 0; i < TRUTH_CONVERSATIONS; i++) {
      // Distinct respondent seeds and counterbalancing per conversation, as across evaluations.
      ModelAgent agent = respondent(spec, 7_919L * i + 3);
      sum +=
          Conversation.of(agent, target, ProtocolSettings.defaults(Instruments.slider()), i % 30, 31L * i)
              .run()
              .angle()
              .orElseThrow();
    }
    return sum / TRUTH_CONVERSATIONS;
  }

  private static double trueValueRationality(String spec, ValueTarget target) {
    return RationalityScore.of(trueMeanAngle(spec, target), target);
  }
}
