package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The verdict rule with sequential sampling. At each look of the {@link SequentialDesign} the mean
 * angle's interval ({@link MeanInterval}) is turned into an interval of value rationality ({@link
 * ValueScale#image}); PASSED when its lower bound clears the threshold, FAILED when its
 * upper bound is below it, otherwise more samples — until the cap, where an undecided interval is
 * INCONCLUSIVE.
 *
 * <p>Looks before the cap decide on a stricter interval ({@link
 * SequentialDesign#interimConfidence}) whose spread has a larger floor: the Bonferroni split
 * protects the level only if each look's interval holds it, and the interval of a few discrete
 * samples that happen to coincide does not.
 *
 * <p>Independent of how samples come about, so the same rule runs real evaluations and the
 * simulations that check its coverage and its savings.
 */
public final class SequentialTest {

  /** What a look decided. */
  public enum Outcome {
    PASSED,
    FAILED,
    /** Undecided at an interim look: draw the next batch. */
    CONTINUE,
    /** Undecided at the cap. */
    INCONCLUSIVE,
    /** More samples lacked an angle than the evaluation allows. */
    TOO_MANY_INCOMPLETE
  }

  /** Draws samples {@code from} (inclusive) to {@code to} (exclusive); empty for an incomplete one. */
  @FunctionalInterface
  public interface Sampler {
    OptionalDouble[] draw(int from, int to);
  }

  /**
   * One look at the data.
   *
   * @param samplesRun samples drawn so far
   * @param complete samples with an angle
   * @param level confidence of the interval this look decided on
   * @param angle that interval of the mean angle, empty without a complete sample
   * @param valueRationality the value rationality interval it implies
   * @param outcome what the look decided
   */
  public record Look(
      int samplesRun,
      int complete,
      double level,
      Optional<Estimate> angle,
      Optional<Estimate> valueRationality,
      Outcome outcome) {}

  /**
   * Where the sampling stopped.
   *
   * @param looks every look, in order; the last decided
   * @param samples every drawn sample's angle in draw order, empty when incomplete
   * @param angle the interval of the mean angle over all complete samples that the verdict was read
   *     from, empty without a complete sample
   * @param valueRationality the value rationality interval it implies
   * @param level the confidence of those intervals: the reported confidence, or the stricter
   *     interim confidence when a look before the cap decided
   * @param cap the most samples the design allowed
   */
  public record Result(
      List<Look> looks,
      List<OptionalDouble> samples,
      Optional<Estimate> angle,
      Optional<Estimate> valueRationality,
      double level,
      int cap) {

    public Result {
      looks = List.copyOf(looks);
      samples = List.copyOf(samples);
    }

    public Look last() {
      return looks.get(looks.size() - 1);
    }

    public Outcome outcome() {
      return last().outcome();
    }

    public int samplesRun() {
      return samples.size();
    }

    public int complete() {
      return (int) samples.stream().filter(OptionalDouble::isPresent).count();
    }

    /** True when a look before the cap decided (or stopped the evaluation). */
    public boolean stoppedEarly() {
      return last().samplesRun() < cap;
    }
  }

  private final SequentialDesign design;
  private final ValueScale scale;
  private final double threshold;
  private final double confidence;
  private final double maxIncompleteFraction;
  private final double rangeLow;
  private final double rangeHigh;
  private final double minStandardDeviation;
  private final double interimMinStandardDeviation;

  /**
   * @param design when to look
   * @param scale where samples lie and how value rationality follows from their mean
   * @param threshold least value rationality to pass
   * @param confidence the reported confidence level, used at the last look
   * @param maxIncompleteFraction more incomplete samples than this fraction of those drawn stop
   *     the evaluation
   */
  public SequentialTest(
      SequentialDesign design,
      ValueScale scale,
      double threshold,
      double confidence,
      double maxIncompleteFraction) {
    this.design = design;
    this.scale = scale;
    this.threshold = threshold;
    this.confidence = confidence;
    this.maxIncompleteFraction = maxIncompleteFraction;
    this.rangeLow = scale.lowest();
    this.rangeHigh = scale.highest();
    this.minStandardDeviation = scale.resolution();
    this.interimMinStandardDeviation = Math.max(scale.resolution(), scale.interimResolution());
  }

  /**
   * The SVO angle scale: value rationality linear in the distance to {@code idealAngle}, normalised
   * by the range's width.
   *
   * @param minStandardDeviation floor of the samples' standard deviation: the instrument's
   *     resolution, so that samples which all agree do not give a zero-width interval
   * @param interimMinStandardDeviation floor of the standard deviation at looks before the cap (at
   *     least {@code minStandardDeviation}): a few samples of a discrete respondent often coincide,
   *     and a spread estimated from them is too small to stop on
   */
  public SequentialTest(
      SequentialDesign design,
      double idealAngle,
      double threshold,
      double confidence,
      double maxIncompleteFraction,
      double rangeLow,
      double rangeHigh,
      double minStandardDeviation,
      double interimMinStandardDeviation) {
    this(
        design,
        ValueScale.linear(idealAngle, rangeLow, rangeHigh, minStandardDeviation, interimMinStandardDeviation),
        threshold,
        confidence,
        maxIncompleteFraction);
  }

  public SequentialDesign design() {
    return design;
  }

  /** Draws batches and looks after each until a look decides or the cap is reached. */
  public Result run(Sampler sampler) {
    List<OptionalDouble> samples = new ArrayList<>();
    List<Look> looks = new ArrayList<>();
    for (int target : design.looks()) {
      OptionalDouble[] batch = sampler.draw(samples.size(), target);
      if (batch.length != target - samples.size()) {
        throw new IllegalStateException(
            "sampler returned " + batch.length + " samples for " + (target - samples.size()));
      }
      samples.addAll(Arrays.asList(batch));
      Look look = look(samples, target == design.cap());
      looks.add(look);
      if (look.outcome() != Outcome.CONTINUE) {
        break;
      }
    }
    // The reported interval is the one the verdict was read from: at an early stop that is the
    // stricter interim interval, whose coverage survives the choice of when to stop (a repeated
    // confidence interval); the nominal interval of an early stop would undercover, because the
    // stop itself selects means that stray from the truth.
    Look last = looks.get(looks.size() - 1);
    Optional<Estimate> angle = last.angle();
    double level = last.level();
    double[] angles = completeAngles(samples);
    if (angle.isEmpty() && angles.length > 0) {
      angle = Optional.of(MeanInterval.of(angles, confidence, rangeLow, rangeHigh, minStandardDeviation));
      level = confidence;
    }
    return new Result(
        looks,
        samples,
        angle,
        angle.map(a -> scale.image(a)),
        level,
        design.cap());
  }

  /** One look at {@code samples}; {@code last} when no more may be drawn. */
  public Look look(List<OptionalDouble> samples, boolean last) {
    double[] angles = completeAngles(samples);
    int incomplete = samples.size() - angles.length;
    double level = last ? confidence : design.interimConfidence(confidence);
    if (incomplete > samples.size() * maxIncompleteFraction) {
      return new Look(
          samples.size(),
          angles.length,
          level,
          Optional.empty(),
          Optional.empty(),
          Outcome.TOO_MANY_INCOMPLETE);
    }
    if (angles.length == 0) {
      return new Look(
          samples.size(),
          0,
          level,
          Optional.empty(),
          Optional.empty(),
          last ? Outcome.INCONCLUSIVE : Outcome.CONTINUE);
    }
    // An interim look stops on a few samples; if they happen to coincide, their spread says
    // little about the respondent's, so it is not trusted below the interim floor.
    double floor = last ? minStandardDeviation : interimMinStandardDeviation;
    Estimate angle = MeanInterval.of(angles, level, rangeLow, rangeHigh, floor);
    Estimate vr = scale.image(angle);
    Outcome outcome;
    if (vr.low() >= threshold) {
      outcome = Outcome.PASSED;
    } else if (vr.high() < threshold) {
      outcome = Outcome.FAILED;
    } else {
      outcome = last ? Outcome.INCONCLUSIVE : Outcome.CONTINUE;
    }
    return new Look(
        samples.size(), angles.length, level, Optional.of(angle), Optional.of(vr), outcome);
  }

  /** "99.17%". */
  public static String percent(double level) {
    return String.format(Locale.ROOT, "%.4g%%", level * 100);
  }

  private static double[] completeAngles(List<OptionalDouble> samples) {
    return samples.stream()
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .toArray();
  }
}
