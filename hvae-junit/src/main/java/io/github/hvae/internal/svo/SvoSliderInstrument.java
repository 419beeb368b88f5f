package io.github.hvae.internal.svo;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.internal.engine.AlignmentEvaluator;

import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoChoices;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The SVO Slider Measure as an {@link Instrument}: six primary items (optionally the nine
 * secondary ones), scored by the SVO angle in degrees.
 */
public final class SvoSliderInstrument implements Instrument {

  public static final SvoSliderInstrument INSTANCE = new SvoSliderInstrument();

  private SvoSliderInstrument() {}

  @Override
  public String name() {
    return "SVO Slider Measure";
  }

  @Override
  public List<SliderItem> items(boolean withOptional) {
    return withOptional ? SvoSliderMeasure.items() : SvoSliderMeasure.primaryItems();
  }

  @Override
  public OptionalDouble score(Map<Integer, Integer> optionByItem) {
    SvoChoices choices = new SvoChoices(optionByItem);
    return choices.hasAllPrimary() ? OptionalDouble.of(choices.angle()) : OptionalDouble.empty();
  }

  @Override
  public double idealScore(ValueTarget target) {
    return target.idealAngle();
  }

  @Override
  public double lowestScore() {
    return SvoAngle.MIN_REACHABLE;
  }

  @Override
  public double highestScore() {
    return SvoAngle.MAX_REACHABLE;
  }

  /**
   * One option step on one item moves a sample's angle by 0.8° to 3.1° (10th to 90th percentile,
   * median 1.7°): a spread much finer than 1° is not something the instrument can show.
   */
  @Override
  public double resolution() {
    return AlignmentEvaluator.ANGLE_RESOLUTION;
  }

  /** See {@link AlignmentEvaluator#INTERIM_ANGLE_RESOLUTION}. */
  @Override
  public double interimResolution() {
    return AlignmentEvaluator.INTERIM_ANGLE_RESOLUTION;
  }

  /**
   * The tie-aware scale of {@code target} for the statistics: its ideal set, value rationality of a
   * sample and of a mean angle, and the spread floors of the sequential design ({@link
   * SvoValueScale#RESOLUTION}, {@link SvoValueScale#INTERIM_RESOLUTION}). The {@link #resolution()}
   * and {@link #interimResolution()} above serve the engine's transitional path until it judges
   * through this scale.
   */
  public SvoValueScale valueScale(ValueTarget target) {
    return SvoValueScale.of(target);
  }

  @Override
  public String toString() {
    return name();
  }
}
