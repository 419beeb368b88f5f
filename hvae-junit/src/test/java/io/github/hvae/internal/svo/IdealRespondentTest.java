package io.github.hvae.internal.svo;

import io.github.hvae.svo.SocialValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdealRespondentTest {

  @ParameterizedTest(name = "{0} reaches {1}°")
  @CsvSource({"ALTRUISTIC, 61.39", "PROSOCIAL, 45.00", "INDIVIDUALISTIC, 0.03", "COMPETITIVE, -16.26"})
  void idealAnglesOfTheFourNamedValues(SocialValue value, double expected) {
    assertThat(new IdealRespondent(value.ringAngle()).idealAngle()).isCloseTo(expected, within(0.01));
  }

  @Test
  void exactTiesCountTheMeanOfTheTiedOptions() {
    // Item 5 runs from (100, 50) to (50, 100); after half-up rounding options C (88, 63) and
    // G (63, 88) sum to 151 and every other to 150, so a prosocial respondent ties C and G.
    IdealRespondent prosocial = new IdealRespondent(SocialValue.PROSOCIAL.ringAngle());
    assertThat(prosocial.bestOptions(SvoSliderMeasure.item(5))).containsExactly(2, 6);
    assertThat(prosocial.choose(SvoSliderMeasure.item(5))).isEqualTo(new Allocation(75.5, 75.5));
    // Item 1: every option gives self 85, so an individualist takes the mean of "other".
    Allocation individualist = new IdealRespondent(SocialValue.INDIVIDUALISTIC.ringAngle()).choose(SvoSliderMeasure.item(1));
    assertThat(individualist.self()).isEqualTo(85.0);
    assertThat(individualist.other()).isCloseTo(451.0 / 9, within(1e-12));
  }

  @Test
  void aHeterogeneousTargetBetweenTwoValuesLandsBetweenTheirIdealAngles() {
    double between = new IdealRespondent(22.5).idealAngle();
    assertThat(between).isBetween(0.03, 45.0);
    assertThat(new IdealRespondent(-135).idealAngle()).isLessThan(0);
  }

  @Test
  void utilityWeighsSelfByCosineAndOtherBySine() {
    IdealRespondent altruist = new IdealRespondent(90);
    assertThat(altruist.utility(new Allocation(100, 50))).isCloseTo(50.0, within(1e-9));
    assertThat(altruist.bestOptions(SvoSliderMeasure.item(3))).containsExactly(0);
  }
}
