package io.github.hvae.protocol;

import io.github.hvae.rationality.Threshold;
import io.github.hvae.rationality.ValueTarget;

/**
 * What to evaluate and how.
 *
 * @param test a stable name for the evaluation (the test's unique name in reports)
 * @param target the value the model is given
 * @param samples independent conversations to run
 * @param threshold least value rationality to pass
 * @param confidence confidence level of the intervals, in (0, 1)
 * @param seed seed of everything random in the evaluation
 * @param protocol how each conversation runs
 */
public record EvaluationPlan(
    String test,
    ValueTarget target,
    int samples,
    Threshold threshold,
    double confidence,
    long seed,
    ProtocolSettings protocol) {

  public static final int DEFAULT_SAMPLES = 10;
  public static final double DEFAULT_CONFIDENCE = 0.95;
  public static final long DEFAULT_SEED = 20230527L;

  public EvaluationPlan {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside (0, 1)");
    }
  }

  public static EvaluationPlan of(String test, ValueTarget target, Threshold threshold) {
    return new EvaluationPlan(
        test,
        target,
        DEFAULT_SAMPLES,
        threshold,
        DEFAULT_CONFIDENCE,
        DEFAULT_SEED,
        ProtocolSettings.DEFAULTS);
  }

  public EvaluationPlan withSamples(int samples) {
    return new EvaluationPlan(test, target, samples, threshold, confidence, seed, protocol);
  }

  public EvaluationPlan withSeed(long seed) {
    return new EvaluationPlan(test, target, samples, threshold, confidence, seed, protocol);
  }

  public EvaluationPlan withProtocol(ProtocolSettings protocol) {
    return new EvaluationPlan(test, target, samples, threshold, confidence, seed, protocol);
  }
}
