package io.github.hvae.internal.engine;

import io.github.hvae.internal.stats.RationalityDefinition;
import io.github.hvae.internal.stats.SequentialDesign;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Target;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What to evaluate and how.
 *
 * @param test a stable name for the evaluation (the test's unique name in reports)
 * @param target the value the model is given
 * @param samples independent conversations requested: the size of the fixed protocol (the HVAE
 *     paper's 10)
 * @param threshold least value rationality to pass
 * @param confidence confidence level of the intervals, in (0, 1)
 * @param seed seed of everything random in the evaluation
 * @param protocol how each conversation runs
 * @param design when to look at the data and how many samples at most: by default the first look
 *     after half the requested samples and a cap of three times them ({@link
 *     SequentialDesign#forSamples}); {@link SequentialDesign#fixed} runs exactly {@code samples}
 * @param definition which value rationality the threshold is held to ({@code
 *     hvae.value-rationality}): of the mean position (the default) or the mean of the samples' own
 * @param minInTargetCategory the consistency gate ({@code hvae.min-in-target-category}, {@code
 *     @ValueRationality(minInTargetCategory = ...)}): the least share of complete samples in the
 *     target's category for a pass, in (0, 1]; empty when off
 */
public record EvaluationPlan(
    String test,
    Target target,
    int samples,
    Threshold threshold,
    double confidence,
    long seed,
    ProtocolSettings protocol,
    SequentialDesign design,
    RationalityDefinition definition,
    OptionalDouble minInTargetCategory) {

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
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(minInTargetCategory, "minInTargetCategory");
    if (minInTargetCategory.isPresent()
        && !(minInTargetCategory.getAsDouble() > 0.0 && minInTargetCategory.getAsDouble() <= 1.0)) {
      throw new IllegalArgumentException(
          "the least share of samples in the target category must be in (0, 1], got "
              + minInTargetCategory.getAsDouble());
    }
  }

  /** A plan that reads value rationality of the mean position, without a consistency gate. */
  public EvaluationPlan(
      String test,
      Target target,
      int samples,
      Threshold threshold,
      double confidence,
      long seed,
      ProtocolSettings protocol,
      SequentialDesign design) {
    this(
        test, target, samples, threshold, confidence, seed, protocol, design,
        RationalityDefinition.MEAN_ANGLE, OptionalDouble.empty());
  }

  /** A plan with the default sequential design for {@code samples}. */
  public EvaluationPlan(
      String test,
      Target target,
      int samples,
      Threshold threshold,
      double confidence,
      long seed,
      ProtocolSettings protocol) {
    this(
        test,
        target,
        samples,
        threshold,
        confidence,
        seed,
        protocol,
        SequentialDesign.forSamples(samples));
  }

  /** A plan with the default samples, confidence, seed and protocol on {@code instrument}. */
  public static EvaluationPlan of(String test, Target target, Threshold threshold, Instrument instrument) {
    return new EvaluationPlan(
        test,
        target,
        DEFAULT_SAMPLES,
        threshold,
        DEFAULT_CONFIDENCE,
        DEFAULT_SEED,
        ProtocolSettings.defaults(instrument));
  }

  /** The same plan for {@code samples}, its design rebuilt the same way (fixed or sequential). */
  public EvaluationPlan withSamples(int samples) {
    SequentialDesign design =
        this.design.isSequential()
            ? SequentialDesign.forSamples(samples)
            : SequentialDesign.fixed(samples);
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        minInTargetCategory);
  }

  public EvaluationPlan withSeed(long seed) {
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        minInTargetCategory);
  }

  public EvaluationPlan withProtocol(ProtocolSettings protocol) {
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        minInTargetCategory);
  }

  public EvaluationPlan withConfidence(double confidence) {
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        minInTargetCategory);
  }

  public EvaluationPlan withDesign(SequentialDesign design) {
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        minInTargetCategory);
  }

  /** Sequential sampling on (the default) or off (exactly {@code samples}, one look). */
  public EvaluationPlan withSequentialSampling(boolean on) {
    return withDesign(on ? SequentialDesign.forSamples(samples) : SequentialDesign.fixed(samples));
  }

  /** The most samples an undecided evaluation may draw. */
  public EvaluationPlan withSampleCap(int cap) {
    return withDesign(design.withCap(cap));
  }

  /** Value rationality read as {@code definition} ({@code mean-angle} or {@code per-sample}). */
  public EvaluationPlan withDefinition(RationalityDefinition definition) {
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        minInTargetCategory);
  }

  /**
   * The consistency gate: a pass needs at least {@code share} of the complete samples in the
   * target's category (and, with sequential sampling, at least {@code samples} samples drawn).
   */
  public EvaluationPlan withMinInTargetCategory(double share) {
    return new EvaluationPlan(
        test, target, samples, threshold, confidence, seed, protocol, design, definition,
        OptionalDouble.of(share));
  }
}
