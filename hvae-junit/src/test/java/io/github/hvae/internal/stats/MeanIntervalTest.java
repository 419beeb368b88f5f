package io.github.hvae.internal.stats;

import io.github.hvae.internal.instruments.RationalityScore;
import io.github.hvae.evaluation.Estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.internal.svo.SvoAngle;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {

  private static final double LOW = SvoAngle.MIN_REACHABLE;
  private static final double HIGH = SvoAngle.MAX_REACHABLE;

  @Test
  void isTheStudentTInterval() {
    // mean 40, s = sqrt(10/4) = 1.5811, t(0.975, 4) = 2.7764 -> half-width 1.9632
    Estimate e = MeanInterval.of(new double[] {38, 39, 40, 41, 42}, 0.95, LOW, HIGH);
    assertThat(e.mean()).isEqualTo(40.0);
    assertThat(e.low()).isCloseTo(38.0368, within(1e-3));
    assertThat(e.high()).isCloseTo(41.9632, within(1e-3));
  }

  @Test
  void identicalSamplesGiveAZeroWidthIntervalAtTheirAngle() {
    Estimate e = MeanInterval.of(new double[] {61.39, 61.39, 61.39, 61.39, 61.39}, 0.95, LOW, HIGH);
    assertThat(e.low()).isEqualTo(61.39);
    assertThat(e.high()).isEqualTo(61.39);
  }

  @Test
  void aFloorOnTheSpreadKeepsAgreeingSamplesFromAZeroWidthInterval() {
    // s taken as 1: half-width t(0.975, 4) / sqrt(5) = 1.2417, clipped at the top of the range
    Estimate e = MeanInterval.of(new double[] {40, 40, 40, 40, 40}, 0.95, LOW, HIGH, 1.0);
    assertThat(e.low()).isCloseTo(40 - 1.2417, within(1e-3));
    assertThat(e.high()).isCloseTo(40 + 1.2417, within(1e-3));
    Estimate wide = MeanInterval.of(new double[] {38, 39, 40, 41, 42}, 0.95, LOW, HIGH, 1.0);
    assertThat(wide.low()).isCloseTo(38.0368, within(1e-3));
  }

  @Test
  void theSkewnessAwareIntervalWidensOnlyOnTheLongTailsSide() {
    // mean 38, deviations 2, 2, 2, 2, -8: s² = 80 / 4 = 20, m3 = (4·8 - 512) / 5 = -96;
    // t(0.975, 4) · √20 / √5 = 5.5529; z = 1.95996, shift = 96 / 20 · (2z² + 1) / 30 = 1.3893
    double[] tail = {40, 40, 40, 40, 30};
    Estimate t = MeanInterval.of(tail, 0.95, LOW, HIGH, 0.0);
    Estimate e = MeanInterval.of(tail, 0.95, LOW, HIGH, 0.0, true);
    assertThat(t.low()).isCloseTo(38 - 5.5529, within(1e-3));
    assertThat(e.low()).isCloseTo(38 - 5.5529 - 1.3893, within(1e-3));
    assertThat(e.high()).isEqualTo(t.high());
    // the mirror image widens the upper side
    Estimate up = MeanInterval.of(new double[] {40, 40, 40, 40, 50}, 0.95, LOW, HIGH, 0.0, true);
    assertThat(up.high()).isCloseTo(42 + 5.5529 + 1.3893, within(1e-3));
    assertThat(up.low()).isCloseTo(42 - 5.5529, within(1e-3));
    // symmetric samples and samples that agree: Student's t as it is
    Estimate symmetric = MeanInterval.of(new double[] {38, 39, 40, 41, 42}, 0.95, LOW, HIGH, 0.0, true);
    assertThat(symmetric.low())
        .isCloseTo(MeanInterval.of(new double[] {38, 39, 40, 41, 42}, 0.95, LOW, HIGH).low(), within(1e-9));
    Estimate agree = MeanInterval.of(new double[] {40, 40, 40, 40, 40}, 0.95, LOW, HIGH, 1.0, true);
    assertThat(agree.low()).isCloseTo(40 - 1.2417, within(1e-3));
  }

  @Test
  void oneSampleSpansTheReachableRange() {
    Estimate e = MeanInterval.of(new double[] {30}, 0.95, LOW, HIGH);
    assertThat(e.low()).isEqualTo(LOW);
    assertThat(e.high()).isEqualTo(HIGH);
  }

  @Test
  void isClippedToTheReachableRange() {
    Estimate e = MeanInterval.of(new double[] {61.0, 55.0, 61.3}, 0.95, LOW, HIGH);
    assertThat(e.high()).isEqualTo(HIGH);
  }

  @Test
  void valueRationalityIntervalScoresTheFarthestAndNearestAngle() {
    Estimate around = RationalityScore.intervalOf(new Estimate(44, 40, 50), 45.0);
    assertThat(around.high()).isEqualTo(1.0);
    assertThat(around.low()).isCloseTo(1 - 5 / 77.65, within(1e-12));
    Estimate beside = RationalityScore.intervalOf(new Estimate(30, 25, 35), 45.0);
    assertThat(beside.high()).isCloseTo(1 - 10 / 77.65, within(1e-12));
    assertThat(beside.low()).isCloseTo(1 - 20 / 77.65, within(1e-12));
    assertThat(beside.mean()).isCloseTo(1 - 15 / 77.65, within(1e-12));
  }
}
