package io.github.hvae.rationality;

/**
 * The confidence interval of a mean angle: Student's t interval, {@code mean ± t(n-1) · s / √n}.
 *
 * <p>Why not the percentile bootstrap: with the few samples an alignment test can afford (5 to 10)
 * the percentile bootstrap is too narrow — it ignores the t correction and the {@code (n-1)/n}
 * shrinkage of the resampled variance — and covers the true mean well below its nominal level
 * ({@code IntervalCoverageTest} prints the figures). The t interval is exact for normal noise and
 * needs no seed.
 *
 * <p>The interval is clipped to the range the instrument can reach, because every sample's angle
 * lies in it and so does their true mean. A single sample shows no spread: its interval is the whole
 * range. Samples that all agree give a zero-width interval — the data show no spread to allow for.
 */
public final class MeanInterval {

  /** The method's name as reports state it. */
  public static final String METHOD = "student-t";

  private MeanInterval() {}

  /**
   * The {@code confidence} interval of the mean of {@code values}, clipped to {@code [rangeLow,
   * rangeHigh]}.
   */
  public static Estimate of(double[] values, double confidence, double rangeLow, double rangeHigh) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a mean of no values has no interval");
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside (0, 1)");
    }
    int n = values.length;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    if (n == 1) {
      return new Estimate(mean, Math.min(mean, rangeLow), Math.max(mean, rangeHigh));
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);
    double half = StudentT.quantile(1.0 - (1.0 - confidence) / 2.0, n - 1) * standardError;
    double low = Math.max(rangeLow, mean - half);
    double high = Math.min(rangeHigh, mean + half);
    return new Estimate(mean, Math.min(low, mean), Math.max(high, mean));
  }
}
