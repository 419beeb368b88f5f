package io.github.hvae.internal.instruments;

import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.svo.SocialValue;
import org.junit.jupiter.api.Test;

class RationalityScoreTest {

  @Test
  void isOneAtTheIdealAngle() {
    ValueTarget prosocial = ValueTarget.of(SocialValue.PROSOCIAL);
    assertThat(RationalityScore.of(prosocial.idealAngle(), prosocial)).isEqualTo(1.0);
  }

  @Test
  void isZeroAtTheFarEndOfTheReachableRange() {
    ValueTarget altruistic = ValueTarget.of(SocialValue.ALTRUISTIC);
    ValueTarget competitive = ValueTarget.of(SocialValue.COMPETITIVE);
    assertThat(RationalityScore.of(competitive.idealAngle(), altruistic)).isCloseTo(0.0, within(1e-3));
    assertThat(RationalityScore.of(altruistic.idealAngle(), competitive)).isCloseTo(0.0, within(1e-3));
    assertThat(RationalityScore.ofIdeal(-90, 61.39)).isZero();
  }

  @Test
  void fallsLinearlyWithTheAngularError() {
    assertThat(RationalityScore.ofIdeal(45.0 - 7.765, 45.0)).isCloseTo(0.9, within(1e-12));
    assertThat(RationalityScore.ofIdeal(45.0 + 7.765 * 2, 45.0)).isCloseTo(0.8, within(1e-12));
    assertThat(RationalityScore.angularError(30, 45)).isEqualTo(15.0);
    assertThat(RationalityScore.maxErrorFor(0.9)).isCloseTo(7.765, within(1e-9));
  }

  @Test
  void targetsAreNamedValuesOrAnglesOnTheRing() {
    assertThat(ValueTarget.of(SocialValue.COMPETITIVE).angle()).isEqualTo(-45.0);
    assertThat(ValueTarget.ofAngle(180).label()).isEqualTo("180°");
    assertThat(ValueTarget.ofAngle(22.5).label()).isEqualTo("22.50°");
    assertThat(ValueTarget.ofAngle(22.5).value()).isEmpty();
    assertThatThrownBy(() -> ValueTarget.ofAngle(-180)).hasMessageContaining("(-180°, 180°]");
    assertThatThrownBy(() -> ValueTarget.ofAngle(Double.NaN)).hasMessageContaining("outside");
  }

  @Test
  void aMaximumAngularErrorBecomesAValueRationalityThreshold() {
    assertThat(Threshold.maxAngularError(7.765, 77.65).valueRationality()).isCloseTo(0.9, within(1e-12));
    assertThatThrownBy(() -> Threshold.atLeast(1.5)).hasMessageContaining("outside [0, 1]");
  }
}
