package io.github.hvae.internal.svo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.svo.SocialValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tie-aware ideal set against a brute-force maximiser: every one of the 9^6 = 531,441
 * combinations of options on the six primary items is scored by its total utility {@code Σ self·cos
 * θ* + other·sin θ*}; the combinations with the greatest total are exactly those that take a best
 * option on every item, and their angles must be {@link IdealRespondent#idealAngles()}.
 * Combinations with the same coin totals have the same utility and the same angle, so each total is
 * scored once (the enumeration still visits all 531,441).
 */
class IdealSetTest {

  private static final int COMBINATIONS = 531_441;
  private static double[] selfSum;
  private static double[] otherSum;
  private static double[] angle;

  @BeforeAll
  static void enumerateEveryCombination() {
    List<SliderItem> items = SvoSliderMeasure.primaryItems();
    java.util.Map<Long, Double> byTotals = new java.util.HashMap<>();
    for (int c = 0; c < COMBINATIONS; c++) {
      int rest = c;
      List<Allocation> choices = new ArrayList<>(6);
      long self = 0;
      long other = 0;
      for (SliderItem item : items) {
        Allocation a = item.option(rest % 9);
        rest /= 9;
        choices.add(a);
        self += (long) a.self();
        other += (long) a.other();
      }
      double a = SvoAngle.of(choices);
      Double previous = byTotals.put(self * 10_000 + other, a);
      assertThat(previous == null || previous == a).isTrue();
    }
    selfSum = new double[byTotals.size()];
    otherSum = new double[byTotals.size()];
    angle = new double[byTotals.size()];
    int i = 0;
    for (java.util.Map.Entry<Long, Double> e : byTotals.entrySet()) {
      selfSum[i] = e.getKey() / 10_000;
      otherSum[i] = e.getKey() % 10_000;
      angle[i] = e.getValue();
      i++;
    }
  }

  /** The distinct angles of the combinations with the greatest total utility for θ*. */
  private static double[] bruteForce(double targetDegrees) {
    double cos = Math.cos(Math.toRadians(targetDegrees));
    double sin = Math.sin(Math.toRadians(targetDegrees));
    double best = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < angle.length; c++) {
      best = Math.max(best, selfSum[c] * cos + otherSum[c] * sin);
    }
    TreeSet<Double> angles = new TreeSet<>();
    for (int c = 0; c < angle.length; c++) {
      // totals are sums of six utilities below 200: floating point differs by ~1e-13
      if (best - (selfSum[c] * cos + otherSum[c] * sin) <= 1e-9) {
        angles.add(angle[c]);
      }
    }
    return angles.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void atZeroDegreesItIsNineAnglesFromItemOnesTiedOptions() {
    double[] set = new IdealRespondent(0).idealAngles();
    assertThat(set).hasSize(9);
    // item 1 gives self 85 on every option, other 85 down to 15; the other items are fixed
    double[] expected = {-7.8153, -5.8218, -3.8141, -2.0214, 0.0, 2.0214, 4.0377, 5.8218, 7.8153};
    for (int i = 0; i < 9; i++) {
      assertThat(set[i]).isCloseTo(expected[i], within(1e-4));
    }
    // discrete points, not the interval: the averaged ideal angle 0.025° is not one of them
    assertThat(set).doesNotContain(new IdealRespondent(SocialValue.INDIVIDUALISTIC.ringAngle()).idealAngle());
    assertThat(set).containsExactly(bruteForce(0));
  }

  @Test
  void atFortyFiveDegreesItIsTheTwoAnglesOfItemFivesTie() {
    double[] set = new IdealRespondent(SocialValue.PROSOCIAL.ringAngle()).idealAngles();
    assertThat(set).hasSize(2);
    assertThat(set[0]).isCloseTo(41.04, within(0.005));
    assertThat(set[1]).isCloseTo(48.96, within(0.005));
    assertThat(set).containsExactly(bruteForce(45));
  }

  @Test
  void withoutATieItIsTheSingleIdealAngle() {
    for (SocialValue value : List.of(SocialValue.ALTRUISTIC, SocialValue.COMPETITIVE)) {
      IdealRespondent ideal = new IdealRespondent(value.ringAngle());
      assertThat(ideal.idealAngles()).containsExactly(ideal.idealAngle());
    }
    assertThat(new IdealRespondent(30).idealAngles()).containsExactly(new IdealRespondent(30).idealAngle());
  }

  /**
   * Every whole degree around the ring, and every angle at which two options of a primary item tie
   * (where the set has more than one point): the brute force and the ideal set agree exactly.
   */
  @Test
  void aBruteForceMaximiserAgreesAroundTheRingAndAtEveryTie() {
    List<Double> targets = new ArrayList<>();
    for (int d = -179; d <= 180; d++) {
      targets.add((double) d);
    }
    for (SliderItem item : SvoSliderMeasure.primaryItems()) {
      for (int i = 0; i < 9; i++) {
        for (int j = i + 1; j < 9; j++) {
          Allocation a = item.option(i);
          Allocation b = item.option(j);
          // U(a) = U(b) where (a.self - b.self) cos θ + (a.other - b.other) sin θ = 0
          double theta =
              Math.toDegrees(Math.atan2(a.self() - b.self(), -(a.other() - b.other())));
          targets.add(theta);
          targets.add(theta > 0 ? theta - 180 : theta + 180);
        }
      }
    }
    int withTies = 0;
    for (double target : targets) {
      double[] set = new IdealRespondent(target).idealAngles();
      assertThat(set).as("ideal set at %s°", target).containsExactly(bruteForce(target));
      withTies += set.length > 1 ? 1 : 0;
      // the averaged ideal angle of the reference lies in the set's hull
      double averaged = new IdealRespondent(target).idealAngle();
      assertThat(averaged).isBetween(set[0] - 1e-9, set[set.length - 1] + 1e-9);
    }
    // the sweep did reach angles where the set has several points, beyond 0° and 45°
    assertThat(withTies).isGreaterThan(20);
  }
}
