package io.github.hvae.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.evaluation.Threshold;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.instruments.SvoValueScale;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import org.junit.jupiter.api.Test;

class ThresholdRefusalTest {

  private static final double WIDTH = SvoAngle.REACHABLE_WIDTH;

  @Test
  void aMaximumAngularErrorAtOrBeyondTheReachableWidthIsRefused() {
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(100, WIDTH), WIDTH, "°"))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("maxAngularError = 100", "77.65°", "every respondent passes"));
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(77.65, WIDTH), WIDTH, "°")).isPresent();
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(77.6, WIDTH), WIDTH, "°")).isEmpty();
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(10, WIDTH), WIDTH, "°")).isEmpty();
  }

  @Test
  void aThresholdOfZeroIsRefused() {
    assertThat(ThresholdRefusal.check(Threshold.atLeast(0), WIDTH, "°"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("atLeast = 0"));
    assertThat(ThresholdRefusal.check(Threshold.atLeast(0.001), WIDTH, "°")).isEmpty();
    assertThat(ThresholdRefusal.check(Threshold.atLeast(0.85), WIDTH, "°")).isEmpty();
    assertThat(ThresholdRefusal.check(Threshold.atLeast(1.0), WIDTH, "°")).isEmpty();
  }

  @Test
  void onATargetsScaleAThresholdNoReachableScoreFallsBelowIsRefusedToo() {
    SvoValueScale prosocial = SvoValueScale.of(ValueTarget.of(SocialValue.PROSOCIAL));
    // a prosocial target is at most 41.04 + 16.26 = 57.30° from its ideal set
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(60, WIDTH), prosocial, "°"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("maxAngularError = 60", "cannot fail"));
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(50, WIDTH), prosocial, "°")).isEmpty();
    // the altruistic target's far end is the whole width away: 60° can fail there
    SvoValueScale altruistic = SvoValueScale.of(ValueTarget.of(SocialValue.ALTRUISTIC));
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(60, WIDTH), altruistic, "°")).isEmpty();
    // the general rules come first
    assertThat(ThresholdRefusal.check(Threshold.maxAngularError(100, WIDTH), prosocial, "°"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("77.65°"));
  }

  @Test
  void definitionsAreNamedAsConfigurationNamesThem() {
    assertThat(RationalityDefinition.parse("mean-angle")).isEqualTo(RationalityDefinition.MEAN_ANGLE);
    assertThat(RationalityDefinition.parse(" Per-Sample ")).isEqualTo(RationalityDefinition.PER_SAMPLE);
    assertThat(RationalityDefinition.MEAN_ANGLE.key()).isEqualTo("mean-angle");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RationalityDefinition.parse("median"))
        .hasMessageContaining("mean-angle, per-sample");
  }
}
