package io.github.hvae.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

  /** Two-sided critical values from published t tables. */
  @ParameterizedTest
  @CsvSource({
    "0.975, 1, 12.7062",
    "0.975, 2, 4.3027",
    "0.975, 4, 2.7764",
    "0.975, 9, 2.2622",
    "0.975, 29, 2.0452",
    "0.995, 4, 4.6041",
    "0.995, 9, 3.2498",
    "0.9995, 9, 4.7809",
    "0.95, 1000, 1.6464"
  })
  void quantileMatchesTheTables(double p, int df, double expected) {
    assertThat(StudentT.quantile(p, df)).isCloseTo(expected, within(5e-4));
    assertThat(StudentT.quantile(1 - p, df)).isCloseTo(-expected, within(5e-4));
  }

  @ParameterizedTest
  @CsvSource({"0.0, 3, 0.5", "1.0, 1, 0.75", "2.0, 5, 0.949030"})
  void cdfMatchesKnownValues(double t, int df, double expected) {
    assertThat(StudentT.cdf(t, df)).isCloseTo(expected, within(1e-6));
  }
}
