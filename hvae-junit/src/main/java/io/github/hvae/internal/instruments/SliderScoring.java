package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Scoring;
import io.github.hvae.internal.svo.SvoChoices;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SVO Slider's scoring of one target: a sample's SVO angle on its six primary items, scored
 * tie-aware through {@link SvoValueScale}. A sample's own value rationality is its distance to the
 * nearest angle a respondent taking only best options can produce (the ideal set: nine angles from
 * -7.82° to 7.82° at 0°, 41.04° and 48.96° at 45°), so a respondent that always takes a best option
 * scores 1 on every sample; a mean angle's is its distance to the set's hull. Reports still show the
 * averaged ideal angle (0.02° at 0°, 45.00° at 45°), a point of that hull.
 */
public final class SliderScoring implements Scoring {

  /**
   * The spread of sample angles is taken as at least this many degrees at the last look (and in the
   * fixed design): one option step on one item moves a sample's angle by 0.8° to 3.1° (10th to 90th
   * percentile, median 1.7°), so the instrument cannot resolve a much finer spread, and samples that
   * all agree still get an interval of about that width.
   */
  public static final double ANGLE_RESOLUTION = SvoValueScale.RESOLUTION;

  /**
   * At looks before the cap the spread of sample angles is taken as at least this many degrees
   * ({@link SvoValueScale#INTERIM_RESOLUTION}, 5.25°): a few samples of a discrete respondent often
   * coincide, and an early stop must not rest on a spread that is an accident of the draw.
   */
  public static final double INTERIM_ANGLE_RESOLUTION = SvoValueScale.INTERIM_RESOLUTION;

  private final SvoValueScale scale;

  SliderScoring(ValueTarget target) {
    this.scale = SvoValueScale.of(target);
  }

  @Override
  public Optional<Score> score(Map<String, Integer> choices) {
    Map<Integer, Integer> byNumber = new TreeMap<>();
    choices.forEach((id, option) -> byNumber.put(Integer.parseInt(id), option));
    SvoChoices svo = new SvoChoices(byNumber);
    if (!svo.hasAllPrimary()) {
      return Optional.empty();
    }
    double angle = svo.angle();
    return Optional.of(new Score(angle, scale.sampleRationality(angle), categoryOf(angle)));
  }

  /** Tie-aware: 1 anywhere in the hull of the ideal set, then falling by 1 per 77.65°. */
  @Override
  public double valueRationalityOfMean(double position) {
    return scale.valueRationalityOf(position);
  }

  /** The averaged ideal angle, as reports show it (0.025° at 0°, 45.00° at 45°). */
  @Override
  public double idealPosition() {
    return scale.ideal();
  }

  @Override
  public String targetCategory() {
    return scale.targetCategory();
  }

  @Override
  public String categoryOf(double position) {
    return SocialValue.categoryOf(position).name();
  }

  @Override
  public double lowest() {
    return scale.lowest();
  }

  @Override
  public double highest() {
    return scale.highest();
  }

  @Override
  public double resolution() {
    return scale.resolution();
  }

  @Override
  public double interimResolution() {
    return scale.interimResolution();
  }

  /** 2° of the 77.65° width ({@link SvoValueScale#RATIONALITY_RESOLUTION_DEGREES}). */
  @Override
  public double rationalityResolution() {
    return scale.rationalityResolution();
  }

  /** 5.25° of the 77.65° width. */
  @Override
  public double interimRationalityResolution() {
    return scale.interimRationalityResolution();
  }

  /** 6° ({@link SvoValueScale#LATER_RESOLUTION}). */
  @Override
  public double laterResolution() {
    return scale.laterResolution();
  }

  /** 4° ({@link SvoValueScale#CAP_RESOLUTION}). */
  @Override
  public double capResolution() {
    return scale.capResolution();
  }

  @Override
  public double laterRationalityResolution() {
    return scale.laterRationalityResolution();
  }

  @Override
  public double capRationalityResolution() {
    return scale.capRationalityResolution();
  }

  @Override
  public String toString() {
    return scale.toString();
  }
}
