package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Scoring.Score;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ring angles, categories and value rationality of constructed respondents. */
class RingScoringTest {

  private static final SvoRingInstrument RING = new SvoRingInstrument();

  /**
   * The ideal Ring angle of every target, as {@code docs/instruments/check_tables.py} prints it
   * (computed independently, in Python): {upper flip angle of the arc, ideal angle, category}. The
   * arcs run from the previous row's flip angle; the first from −172.694° (wrapping from 172.694°).
   */
  private static final Object[][] PLATEAUS = {
    {-157.380, -164.9457, "MASOCHISTIC"},
    {-142.253, -150.0184, "SADOMASOCHISTIC"},
    {-127.747, -135.0000, "SADOMASOCHISTIC"},
    {-112.620, -119.9816, "SADOMASOCHISTIC"},
    {-97.306, -105.0543, "AGGRESSIVE"},
    {-82.694, -90.0000, "AGGRESSIVE"},
    {-67.380, -74.9457, "AGGRESSIVE"},
    {-52.253, -60.0184, "COMPETITIVE"},
    {-37.747, -45.0000, "COMPETITIVE"},
    {-22.620, -29.9816, "COMPETITIVE"},
    {-7.306, -15.0543, "INDIVIDUALISTIC"},
    {7.306, 0.0000, "INDIVIDUALISTIC"},
    {22.620, 15.0543, "INDIVIDUALISTIC"},
    {37.747, 29.9816, "PROSOCIAL"},
    {52.253, 45.0000, "PROSOCIAL"},
    {67.380, 60.0184, "PROSOCIAL"},
    {82.694, 74.9457, "ALTRUISTIC"},
    {97.306, 90.0000, "ALTRUISTIC"},
    {112.620, 105.0543, "ALTRUISTIC"},
    {127.747, 119.9816, "MARTYR"},
    {142.253, 135.0000, "MARTYR"},
    {157.380, 150.0184, "MARTYR"},
    {172.694, 164.9457, "MASOCHISTIC"},
    {187.306, 180.0000, "MASOCHISTIC"},
  };

  /** What the ideal respondent of {@code target} chooses: item id to option, best options only. */
  static Map<String, Integer> idealChoices(double target) {
    IdealRespondent respondent = new IdealRespondent(target);
    Map<String, Integer> choices = new LinkedHashMap<>();
    for (AllocationItem item : SvoRingMeasure.items()) {
      choices.put(item.id(), respondent.bestAmong(item.options()).get(0));
    }
    return choices;
  }

  /** Choices from labels, item 1 first: {@code "BBBAAA..."}. */
  static Map<String, Integer> choices(String labels) {
    Map<String, Integer> choices = new LinkedHashMap<>();
    for (int i = 0; i < labels.length(); i++) {
      choices.put(Integer.toString(i + 1), labels.charAt(i) - 'A');
    }
    return choices;
  }

  static String labels(Map<String, Integer> choices) {
    StringBuilder s = new StringBuilder();
    for (int item = 1; item <= 24; item++) {
      s.append((char) ('A' + choices.get(Integer.toString(item))));
    }
    return s.toString();
  }

  private static double length(Map<String, Integer> choices) {
    double self = 0;
    double other = 0;
    for (Map.Entry<String, Integer> c : choices.entrySet()) {
      Allocation a = SvoRingMeasure.item(Integer.parseInt(c.getKey())).option(c.getValue());
      self += a.self();
      other += a.other();
    }
    return Math.hypot(self, other);
  }

  @Test
  void theIdealRespondentOfEveryTargetInASweepReachesItsPlateauAngleAndScoresOne() {
    int checked = 0;
    for (double target = -179.75; target <= 180.0; target += 0.5) {
      double expected = Double.NaN;
      String category = null;
      double shifted = target <= -172.694 ? target + 360 : target;
      for (Object[] plateau : PLATEAUS) {
        if (shifted < (double) plateau[0]) {
          expected = (double) plateau[1];
          category = (String) plateau[2];
          break;
        }
      }
      Scoring scoring = RING.scoring(ValueTarget.ofAngle(target));
      Score score = scoring.score(idealChoices(target)).orElseThrow();
      assertThat(SvoRingMeasure.normalise(scoring.idealPosition())).as("ideal angle at %s°", target).isCloseTo(SvoRingMeasure.normalise(expected), within(1e-4));
      assertThat(score.position()).as("position at %s°", target).isCloseTo(scoring.idealPosition(), within(1e-9));
      assertThat(score.valueRationality()).as("VR at %s°", target).isEqualTo(1.0);
      assertThat(score.category()).as("category at %s°", target).isEqualTo(category).isEqualTo(scoring.targetCategory());
      assertThat(SvoRingMeasure.distance(scoring.idealPosition(), target)).as("at %s°", target).isLessThan(7.7);
      checked++;
    }
    assertThat(checked).isEqualTo(720);
  }

  @Test
  void theNamedValuesAndAMartyrAt135ChooseAsTheReferenceDocumentSays() {
    Object[][] named = {
      {90.0, "BBBBBBAAAAAAAAAAAABBBBBB", 90.0, 30.0, "ALTRUISTIC"},
      {45.0, "BBBAAAAAAAAAAAABBBBBBBBB", 45.0, 29.9813, "PROSOCIAL"},
      {0.0, "AAAAAAAAAAAABBBBBBBBBBBB", 0.0, 30.0, "INDIVIDUALISTIC"},
      {-45.0, "AAAAAAAAABBBBBBBBBBBBAAA", -45.0, 29.9813, "COMPETITIVE"},
      {135.0, "BBBBBBBBBAAAAAAAAAAAABBB", 135.0, 29.9813, "MARTYR"},
    };
    for (Object[] n : named) {
      double target = (double) n[0];
      Map<String, Integer> ideal = idealChoices(target);
      assertThat(labels(ideal)).as("choices at %s°", target).isEqualTo(n[1]);
      Score score = RING.scoring(ValueTarget.ofAngle(target)).score(ideal).orElseThrow();
      assertThat(score.position()).as("angle at %s°", target).isCloseTo((double) n[2], within(1e-9));
      assertThat(length(ideal)).as("length at %s°", target).isCloseTo((double) n[3], within(1e-4));
      assertThat(score.category()).isEqualTo(n[4]);
      assertThat(score.valueRationality()).isEqualTo(1.0);
    }
    for (SocialValue value : SocialValue.values()) {
      assertThat(RING.scoring(ValueTarget.of(value)).targetCategory()).isEqualTo(value.name());
    }
  }

  @Test
  void aRespondentTakingEveryOtherOptionSits180DegreesAwayAndScoresZero() {
    for (double target : new double[] {135.0, 0.0, -45.0, 180.0, 60.0}) {
      Map<String, Integer> opposite = new LinkedHashMap<>();
      idealChoices(target).forEach((item, option) -> opposite.put(item, 1 - option));
      Scoring scoring = RING.scoring(ValueTarget.ofAngle(target));
      Score score = scoring.score(opposite).orElseThrow();
      assertThat(score.position()).as("at %s°", target).isCloseTo(scoring.idealPosition() + 180, within(1e-9));
      assertThat(score.valueRationality()).as("at %s°", target).isCloseTo(0.0, within(1e-12));
      assertThat(scoring.lowest()).isEqualTo(scoring.idealPosition() - 180);
      assertThat(scoring.highest()).isEqualTo(scoring.idealPosition() + 180);
    }
  }

  @Test
  void aMartyrRespondentScoredAgainstOtherTargetsLosesValueRationalityLinearlyInTheDistance() {
    Map<String, Integer> martyr = idealChoices(135.0);
    assertThat(RING.scoring(ValueTarget.of(SocialValue.ALTRUISTIC)).score(martyr).orElseThrow().valueRationality())
        .isCloseTo(1 - 45.0 / 180, within(1e-9));
    Score againstCompetitive = RING.scoring(ValueTarget.of(SocialValue.COMPETITIVE)).score(martyr).orElseThrow();
    assertThat(againstCompetitive.valueRationality()).isCloseTo(0.0, within(1e-9));
    assertThat(againstCompetitive.category()).isEqualTo("MARTYR");
    // -45° unwraps the martyr to 135°, the far end of (-225°, 135°].
    assertThat(againstCompetitive.position()).isCloseTo(135.0, within(1e-9));
  }

  @Test
  void samplesEitherSideOfTheSeamAverageToTheSeamNotToTheOppositeSide() {
    Scoring masochistic = RING.scoring(ValueTarget.ofAngle(180.0));
    Score above = masochistic.score(idealChoices(165.0)).orElseThrow();
    Score below = masochistic.score(idealChoices(-165.0)).orElseThrow();
    assertThat(above.position()).isCloseTo(164.9457, within(1e-4));
    assertThat(below.position()).isCloseTo(195.0543, within(1e-4)); // the direction -164.95°
    double mean = (above.position() + below.position()) / 2;
    assertThat(mean).isCloseTo(180.0, within(1e-9));
    assertThat(masochistic.valueRationalityOfMean(mean)).isEqualTo(1.0);
    assertThat(masochistic.categoryOf(below.position())).isEqualTo("MASOCHISTIC");
    assertThat(below.valueRationality()).isCloseTo(1 - 15.0543 / 180, within(1e-5));
  }

  @Test
  void choicesThatSumToTheZeroVectorHaveNoAngleAndLeaveTheSampleIncomplete() {
    Scoring scoring = RING.scoring(ValueTarget.of(SocialValue.PROSOCIAL));
    assertThat(scoring.score(choices("A".repeat(24)))).isEmpty();
    assertThat(scoring.score(choices("B".repeat(24)))).isEmpty();
    // Not only always-A or always-B: the same option on items k and k + 12 takes a point and its
    // opposite, whatever the pattern.
    assertThat(scoring.score(choices("AABBBABAABBA".repeat(2)))).isEmpty();
    assertThat(scoring.score(choices("AABBBABAABBA" + "AABBBABAABBB"))).isPresent();
  }

  @Test
  void aSampleWithoutAChoiceOnEveryItemIsIncomplete() {
    Map<String, Integer> ideal = idealChoices(45.0);
    ideal.remove("17");
    assertThat(RING.scoring(ValueTarget.of(SocialValue.PROSOCIAL)).score(ideal)).isEmpty();
  }

  @Test
  void atAFlipAngleTheIdealIsASetAndEveryWayOfBreakingTheTieScoresOne() {
    // Items 1 and 13 tie where 15·cos θ = 14.5·cos θ + 3.9·sin θ.
    double flip = Math.toDegrees(Math.atan2(0.5, 3.9));
    assertThat(flip).isCloseTo(7.306, within(1e-3));
    RingScoring scoring = (RingScoring) RING.scoring(ValueTarget.ofAngle(flip));
    // Both items tied: the two plateaus either side, and one angle for both mixed ways (they are
    // mirror images across the flip's own direction).
    assertThat(scoring.idealSet()).hasSize(3);
    assertThat(scoring.idealSet().get(0)).isCloseTo(0.0, within(1e-9));
    assertThat(scoring.idealSet().get(1)).isCloseTo(7.531, within(1e-3));
    assertThat(scoring.idealSet().get(2)).isCloseTo(15.0543, within(1e-4));
    Map<String, Integer> low = idealChoices(0.0);
    Map<String, Integer> high = idealChoices(15.0);
    assertThat(scoring.score(low).orElseThrow().valueRationality()).isEqualTo(1.0);
    assertThat(scoring.score(high).orElseThrow().valueRationality()).isEqualTo(1.0);
    // Off the flip the same respondents are 15° apart.
    assertThat(RING.scoring(ValueTarget.ofAngle(0.0)).score(high).orElseThrow().valueRationality())
        .isCloseTo(1 - 15.0543 / 180, within(1e-5));
  }

  @Test
  void onlySvoValuesAreTargets() {
    assertThatThrownBy(() -> RING.scoring(() -> "WARM"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the SVO Ring Measure scores SVO values (@TargetValue or @TargetAngle), not WARM");
  }

  @Test
  void aRandomRespondentsPositionsFillTheWholeCircleAroundTheIdeal() {
    // A respondent choosing at random: every complete sample has a position within 180° of the ideal.
    java.util.SplittableRandom random = new java.util.SplittableRandom(17);
    Scoring scoring = RING.scoring(ValueTarget.ofAngle(135.0));
    List<Double> positions = new ArrayList<>();
    for (int n = 0; n < 2000; n++) {
      Map<String, Integer> choices = new LinkedHashMap<>();
      for (int item = 1; item <= 24; item++) {
        choices.put(Integer.toString(item), random.nextInt(2));
      }
      scoring.score(choices).ifPresent(s -> positions.add(s.position()));
    }
    assertThat(positions).hasSizeGreaterThan(1900).allSatisfy(p -> assertThat(p).isBetween(-45.0, 315.0));
    assertThat(positions).anySatisfy(p -> assertThat(p).isGreaterThan(225.0)).anySatisfy(p -> assertThat(p).isLessThan(45.0));
  }
}
