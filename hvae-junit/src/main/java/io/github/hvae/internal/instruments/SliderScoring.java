package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Scoring;
import io.github.hvae.internal.stats.RationalityScore;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoChoices;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SVO Slider's scoring of one target: a sample's SVO angle on its six primary items. */
public final class SliderScoring implements Scoring {

  /**
   * The spread of sample angles is taken as at least this many degrees: one option step on one item
   * moves a sample's angle by 0.8° to 3.1° (10th to 90th percentile, median 1.7°), so the instrument
   * cannot resolve a much finer spread, and samples that all agree still get an interval of about
   * that width.
   */
  public static final double ANGLE_RESOLUTION = 1.0;

  /**
   * At looks before the cap the spread of sample angles is taken as at least this many degrees: one
   * option step on one of the coarser items (90th percentile 3.1°). The samples of a respondent that
   * ties or rarely strays are discrete, and a few of them often coincide; see the README's
   * "Sequential sampling" and benchmark figure 3.
   */
  public static final double INTERIM_ANGLE_RESOLUTION = 3.0;

  private final double idealAngle;

  SliderScoring(ValueTarget target) {
    this.idealAngle = target.idealAngle();
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
    return Optional.of(new Score(angle, valueRationalityOfMean(angle), categoryOf(angle)));
  }

  @Override
  public double valueRationalityOfMean(double position) {
    return RationalityScore.ofIdeal(position, idealAngle);
  }

  @Override
  public double idealPosition() {
    return idealAngle;
  }

  @Override
  public String targetCategory() {
    return categoryOf(idealAngle);
  }

  @Override
  public String categoryOf(double position) {
    return SocialValue.categoryOf(position).name();
  }

  @Override
  public double lowest() {
    return SvoAngle.MIN_REACHABLE;
  }

  @Override
  public double highest() {
    return SvoAngle.MAX_REACHABLE;
  }

  @Override
  public double resolution() {
    return ANGLE_RESOLUTION;
  }

  @Override
  public double interimResolution() {
    return INTERIM_ANGLE_RESOLUTION;
  }
}
