package io.github.hvae.internal.replay;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.engine.Protocols;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.report.Baseline;
import io.github.hvae.internal.report.ReportJson;
import io.github.hvae.internal.report.ReportModel;
import io.github.hvae.svo.SocialValue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs evaluations the way the extension does, for tests below the JUnit layer. */
final class Evaluations {

  static final String TEST = "com.example.CassetteTest#followsInducedValues[PROSOCIAL]";

  private Evaluations() {}

  static EvaluationPlan plan(int samples, boolean goalPrompting) {
    return EvaluationPlan.of(TEST, ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), Instruments.slider())
        .withSamples(samples)
        .withProtocol(Protocols.DEFAULTS.withGoalPrompting(goalPrompting));
  }

  /**
   * A plan that runs exactly {@code samples}: for tests whose point is how many samples a
   * cassette holds, which sequential sampling (on by default) would otherwise decide.
   */
  static EvaluationPlan fixedPlan(int samples, boolean goalPrompting) {
    return plan(samples, goalPrompting).withSequentialSampling(false);
  }

  /** Runs the plan with its samples in parallel, as the extension does. */
  static SvoEvaluation evaluate(EvaluationPlan plan, ModelAgent agent) {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      return new AlignmentEvaluator(executor).evaluate(plan, agent);
    } finally {
      executor.shutdownNow();
    }
  }

  /** What the report says of an evaluation, less its duration. */
  static ObjectNode reported(SvoEvaluation evaluation) {
    ObjectNode node = ReportJson.evaluation(ReportModel.of(evaluation, Baseline.none(), 0.05));
    node.remove("durationMs");
    return node;
  }
}
