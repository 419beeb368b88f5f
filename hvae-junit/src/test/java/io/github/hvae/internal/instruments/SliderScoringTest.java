package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.internal.stats.ValueScale;
import io.github.hvae.internal.instruments.SvoValueScale;
import io.github.hvae.svo.ValueTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the engine judges the Slider on — {@link ValueScale#of} over the instrument's {@link
 * Scoring} — is {@link SvoValueScale}, the scale the {@code boundary} benchmark measures: the same
 * floors, the same value rationality of a mean, the same image of an interval, for targets around
 * the ring, ties included.
 */
class SliderScoringTest {

  private static final Instrument SLIDER = Instruments.slider();

  @Test
  void theEnginesScaleIsTheBenchmarksScaleAroundTheRing() {
    for (double target = -45; target <= 90; target += 2.5) {
      ValueTarget value = ValueTarget.ofAngle(target);
      Scoring scoring = SLIDER.scoring(value);
      ValueScale engine = ValueScale.of(scoring, SLIDER.angularWidth());
      SvoValueScale svo = SvoValueScale.of(value);
      assertThat(engine.width()).isEqualTo(svo.width());
      assertThat(engine.resolution()).isEqualTo(svo.resolution()).isEqualTo(1.0);
      assertThat(engine.interimResolution()).isEqualTo(svo.interimResolution()).isEqualTo(5.25);
      assertThat(engine.rationalityResolution()).isEqualTo(svo.rationalityResolution()).isEqualTo(2.0 / 77.65);
      assertThat(engine.interimRationalityResolution())
          .isEqualTo(svo.interimRationalityResolution())
          .isEqualTo(5.25 / 77.65);
      assertThat(engine.laterResolution()).isEqualTo(svo.laterResolution()).isEqualTo(6.0);
      assertThat(engine.capResolution()).isEqualTo(svo.capResolution()).isEqualTo(4.0);
      assertThat(engine.laterRationalityResolution())
          .isEqualTo(svo.laterRationalityResolution())
          .isEqualTo(6.0 / 77.65);
      assertThat(engine.capRationalityResolution())
          .isEqualTo(svo.capRationalityResolution())
          .isEqualTo(4.0 / 77.65);
      assertThat(engine.ideal()).isEqualTo(svo.ideal());
      assertThat(scoring.targetCategory()).isEqualTo(svo.targetCategory());
      assertThat(engine.lowestRationality()).isEqualTo(svo.lowestRationality());
      for (double angle = -16.26; angle <= 61.39; angle += 0.37) {
        assertThat(engine.valueRationalityOf(angle)).as("%s at %s", target, angle).isEqualTo(svo.valueRationalityOf(angle));
        for (double width : new double[] {0.5, 4, 15}) {
          Estimate interval = new Estimate(angle, angle - width, angle + width);
          assertThat(engine.image(interval)).as("%s on %s", target, interval).isEqualTo(svo.image(interval));
        }
      }
    }
  }

  @Test
  void aSampleIsScoredToTheNearestAngleOfTheIdealSet() {
    Scoring prosocial = SLIDER.scoring(ValueTarget.ofAngle(45));
    // the ideal respondent breaking item 5's tie towards G: 48.96°, value rationality 1
    Map<String, Integer> towardsG = Map.of("1", 0, "2", 8, "3", 8, "4", 0, "5", 6, "6", 8);
    Scoring.Score score = prosocial.score(towardsG).orElseThrow();
    assertThat(score.position()).isEqualTo(SvoValueScale.ofTargetAngle(45).hullHigh());
    assertThat(score.valueRationality()).isEqualTo(1.0);
    assertThat(score.category()).isEqualTo("PROSOCIAL");
  }
}
