package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.internal.engine.Conversation;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.internal.stats.Observation;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SvoValueScaleTest {

  private static final SvoValueScale PROSOCIAL = SvoValueScale.of(ValueTarget.of(SocialValue.PROSOCIAL));
  private static final SvoValueScale INDIVIDUALISTIC =
      SvoValueScale.of(ValueTarget.of(SocialValue.INDIVIDUALISTIC));

  /** Every combination of best options: one per tied option on each primary item. */
  private static List<Double> bestOptionAngles(double target) {
    IdealRespondent ideal = new IdealRespondent(target);
    List<SliderItem> items = SvoSliderMeasure.primaryItems();
    List<List<Allocation>> combos = new ArrayList<>();
    combos.add(new ArrayList<>());
    for (SliderItem item : items) {
      List<List<Allocation>> next = new ArrayList<>();
      for (List<Allocation> partial : combos) {
        for (int option : ideal.bestOptions(item)) {
          List<Allocation> extended = new ArrayList<>(partial);
          extended.add(item.option(option));
          next.add(extended);
        }
      }
      combos = next;
    }
    return combos.stream().map(SvoAngle::of).toList();
  }

  @Test
  void aRespondentThatAlwaysTakesABestOptionScoresOnePerSampleAtZeroAndFortyFiveDegrees() {
    for (double angle : bestOptionAngles(0)) {
      assertThat(INDIVIDUALISTIC.sampleRationality(angle)).isEqualTo(1.0);
    }
    for (double angle : bestOptionAngles(45)) {
      assertThat(PROSOCIAL.sampleRationality(angle)).isEqualTo(1.0);
    }
    assertThat(bestOptionAngles(0)).hasSize(9);
    assertThat(bestOptionAngles(45)).hasSize(2);
    // against the averaged point they would score 0.8997 and 0.949 at worst
    assertThat(1 - Math.abs(7.8153 - 0.02497) / 77.65).isCloseTo(0.8997, within(1e-4));
  }

  /**
   * The same through the real conversation: the reference respondent without noise takes best
   * options and breaks ties at random, so its samples spread over the ideal set — every one of them
   * scores 1, and so does their mean angle.
   */
  @ParameterizedTest
  @EnumSource(
      value = SocialValue.class,
      names = {"INDIVIDUALISTIC", "PROSOCIAL"})
  void theNoiselessReferenceRespondentScoresOneOnEverySampleThroughTheConversation(SocialValue value) {
    ValueTarget target = ValueTarget.of(value);
    SvoValueScale scale = SvoValueScale.of(target);
    ReferenceRespondent respondent = ReferenceRespondent.create(new ModelSpec("reference", "noise=0"), 3);
    List<Double> angles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double angle =
          Conversation.of(respondent, target, ProtocolSettings.defaults(Instruments.slider()), i, 7)
              .run()
              .angle()
              .orElseThrow();
      angles.add(angle);
      assertThat(scale.sampleRationality(angle)).as("sample %d at %s°", i, angle).isEqualTo(1.0);
    }
    // it did break ties both ways
    assertThat(angles.stream().distinct().count()).isGreaterThan(1);
    double mean = angles.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(scale.valueRationalityOf(mean)).isEqualTo(1.0);
  }

  @Test
  void aSampleIsMeasuredToTheNearestAngleOfTheSetAndAMeanToItsHull() {
    // at 45°: 45° itself sits 3.96° from either point of the set, but inside the hull
    assertThat(PROSOCIAL.distanceToSet(45.0)).isCloseTo(3.96, within(0.005));
    assertThat(PROSOCIAL.sampleRationality(45.0)).isCloseTo(1 - 3.96 / 77.65, within(1e-4));
    assertThat(PROSOCIAL.valueRationalityOf(45.0)).isEqualTo(1.0);
    assertThat(PROSOCIAL.distanceToSet(30.0)).isCloseTo(11.04, within(0.005));
    assertThat(PROSOCIAL.valueRationalityOf(30.0)).isCloseTo(1 - 11.04 / 77.65, within(1e-4));
    assertThat(PROSOCIAL.valueRationalityOf(60.0)).isCloseTo(1 - 11.04 / 77.65, within(1e-4));
    // at 0°: 1° is 1° from 0° and 1.02° from 2.02°; the hull spans -7.82°..7.82°
    assertThat(INDIVIDUALISTIC.distanceToSet(1.0)).isCloseTo(1.0, within(1e-9));
    assertThat(INDIVIDUALISTIC.valueRationalityOf(7.0)).isEqualTo(1.0);
    assertThat(INDIVIDUALISTIC.hullLow()).isCloseTo(-7.8153, within(1e-4));
    // far ends: value rationality 0 only 77.65° away
    SvoValueScale altruistic = SvoValueScale.of(ValueTarget.of(SocialValue.ALTRUISTIC));
    assertThat(altruistic.valueRationalityOf(SvoAngle.MIN_REACHABLE)).isCloseTo(0.0, within(1e-3));
    // where no item ties, both definitions are the earlier 1 - |θ - ideal| / 77.65
    SvoValueScale thirty = SvoValueScale.ofTargetAngle(30);
    assertThat(thirty.sampleRationality(20)).isEqualTo(thirty.valueRationalityOf(20));
    assertThat(thirty.valueRationalityOf(20)).isCloseTo(1 - (new IdealRespondent(30).idealAngle() - 20) / 77.65, within(1e-12));
  }

  @Test
  void theImageOfAnAngleIntervalRunsFromItsFarthestToItsNearestPoint() {
    // entirely below the hull
    Estimate below = PROSOCIAL.image(new Estimate(30, 25, 35));
    assertThat(below.low()).isCloseTo(PROSOCIAL.valueRationalityOf(25), within(1e-12));
    assertThat(below.high()).isCloseTo(PROSOCIAL.valueRationalityOf(35), within(1e-12));
    assertThat(below.mean()).isCloseTo(PROSOCIAL.valueRationalityOf(30), within(1e-12));
    // reaching into the hull: the best point scores 1
    Estimate into = PROSOCIAL.image(new Estimate(40, 35, 43));
    assertThat(into.high()).isEqualTo(1.0);
    assertThat(into.low()).isCloseTo(PROSOCIAL.valueRationalityOf(35), within(1e-12));
    // across the hull: the worse end decides the low bound
    Estimate across = PROSOCIAL.image(new Estimate(45, 38, 55));
    assertThat(across.low()).isCloseTo(Math.min(PROSOCIAL.valueRationalityOf(38), PROSOCIAL.valueRationalityOf(55)), within(1e-12));
    assertThat(across.high()).isEqualTo(1.0);
    // above the hull
    Estimate above = PROSOCIAL.image(new Estimate(55, 52, 58));
    assertThat(above.high()).isCloseTo(PROSOCIAL.valueRationalityOf(52), within(1e-12));
    assertThat(above.low()).isCloseTo(PROSOCIAL.valueRationalityOf(58), within(1e-12));
  }

  @Test
  void theImageAgreesWithScoringEveryAngleOfTheInterval() {
    double[][] intervals = {{-16.26, 61.39}, {20, 41.04}, {41.5, 48.0}, {47, 61.39}, {-10, 10}};
    for (SvoValueScale scale : List.of(PROSOCIAL, INDIVIDUALISTIC, SvoValueScale.ofTargetAngle(30))) {
      for (double[] iv : intervals) {
        Estimate image = scale.image(new Estimate((iv[0] + iv[1]) / 2, iv[0], iv[1]));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 10_000; i++) {
          double v = scale.valueRationalityOf(iv[0] + (iv[1] - iv[0]) * i / 10_000.0);
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        assertThat(image.low()).isCloseTo(min, within(1e-9));
        assertThat(image.high()).isCloseTo(max, within(1e-4));
      }
    }
  }

  @Test
  void anObservationCarriesTheAngleItsValueRationalityAndItsCategory() {
    Observation competitor = PROSOCIAL.observe(SvoAngle.MIN_REACHABLE);
    assertThat(competitor.category()).isEqualTo("COMPETITIVE");
    assertThat(competitor.valueRationality()).isCloseTo(1 - (41.04 + 16.26) / 77.65, within(1e-3));
    assertThat(PROSOCIAL.targetCategory()).isEqualTo("PROSOCIAL");
    assertThat(PROSOCIAL.lowestRationality()).isCloseTo(1 - (41.04 + 16.26) / 77.65, within(1e-3));
    assertThat(PROSOCIAL.rationalityResolution()).isCloseTo(2.0 / 77.65, within(1e-12));
  }
}
