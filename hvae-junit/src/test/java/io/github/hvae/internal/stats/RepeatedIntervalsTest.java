package io.github.hvae.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RepeatedIntervalsTest {

  /**
   * Pocock's constants for equally spaced looks at two-sided 5% (Jennison and Turnbull 2000, Table
   * 2.1): 2.178 for two looks, 2.361 for four, 2.453 for six. Crossing one side at any look then has
   * probability 2.5% (less the negligible chance of crossing both).
   */
  @Test
  void theCrossingProbabilityReproducesPococksConstants() {
    assertThat(RepeatedIntervals.crossingProbability(new int[] {5, 10}, new double[] {2.178, 2.178}))
        .isCloseTo(0.025, within(2e-4));
    double[] four = {2.361, 2.361, 2.361, 2.361};
    assertThat(RepeatedIntervals.crossingProbability(new int[] {5, 10, 15, 20}, four))
        .isCloseTo(0.025, within(2e-4));
    double[] six = {2.453, 2.453, 2.453, 2.453, 2.453, 2.453};
    assertThat(RepeatedIntervals.crossingProbability(new int[] {5, 10, 15, 20, 25, 30}, six))
        .isCloseTo(0.025, within(2e-4));
    // one look: the normal tail itself
    assertThat(RepeatedIntervals.crossingProbability(new int[] {10}, new double[] {1.959964}))
        .isCloseTo(0.025, within(1e-6));
  }

  @Test
  void halfTheErrorGoesToTheFirstLookAndTheRestHoldsTheTotal() {
    List<Integer> looks = List.of(5, 10, 15, 20, 25, 30);
    double[] errors = RepeatedIntervals.nominalErrors(looks, 0.025);
    assertThat(errors).hasSize(6);
    assertThat(errors[0]).isEqualTo(0.0125);
    assertThat(errors[1]).isBetween(0.005, 0.0055);
    for (int k = 2; k < 6; k++) {
      assertThat(errors[k]).isEqualTo(errors[1]);
    }
    double[] boundaries = new double[6];
    for (int k = 0; k < 6; k++) {
      boundaries[k] = Normal.quantile(1.0 - errors[k]);
    }
    assertThat(RepeatedIntervals.crossingProbability(new int[] {5, 10, 15, 20, 25, 30}, boundaries))
        .isCloseTo(0.025, within(1e-6));
  }

  /** The same by simulation: normal samples with known spread, 200,000 sequences. */
  @Test
  void simulatedStandardisedMeansCrossAtTheTotalError() {
    List<Integer> looks = List.of(5, 10, 15, 20, 25, 30);
    double[] errors = RepeatedIntervals.nominalErrors(looks, 0.025);
    double[] z = new double[errors.length];
    for (int k = 0; k < z.length; k++) {
      z[k] = Normal.quantile(1.0 - errors[k]);
    }
    SplittableRandom random = new SplittableRandom(3);
    int runs = 200_000;
    int crossed = 0;
    for (int r = 0; r < runs; r++) {
      double sum = 0;
      int n = 0;
      for (int k = 0; k < z.length; k++) {
        while (n < looks.get(k)) {
          sum += IntervalCoverageTest.gaussian(random);
          n++;
        }
        if (sum / Math.sqrt(n) >= z[k]) {
          crossed++;
          break;
        }
      }
    }
    // standard error 0.00035
    assertThat(crossed / (double) runs).isCloseTo(0.025, within(0.0012));
  }

  @Test
  void oneLookKeepsItsErrorAndBadLooksAreRefused() {
    assertThat(RepeatedIntervals.nominalErrors(List.of(10), 0.025)).containsExactly(0.025);
    assertThatThrownBy(() -> RepeatedIntervals.nominalErrors(List.of(10, 5), 0.025))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> RepeatedIntervals.nominalErrors(List.of(5, 10), 0.6))
        .hasMessageContaining("outside");
  }

  @Test
  void normalQuantilesAreTheTableValues() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(2e-6));
    assertThat(Normal.quantile(0.99)).isCloseTo(2.326348, within(2e-6));
    assertThat(Normal.cdf(-1.0)).isCloseTo(0.158655, within(1e-6));
  }
}
