package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * range. The standard deviation can be given a floor: samples that all agree then still get an
 * interval as wide as the instrument's resolution, not a zero-width one.
 *
 * <p>Known limit: a respondent whose samples mostly sit on one angle and rarely stray far (say one
 * sample in five, 25° away) is undercovered at 10 samples, because one sample in ten evaluations sees
 * no stray at all; {@code ReferenceCoverageTest} measures it. No interval from the data alone can see
 * what the data do not show: more samples (or a higher confidence) is the remedy.
 */
public final class MeanInterval {

  /** The method's name as reports state it. */
  public static final String METHOD = "student-t";

  /** t quantiles by level and degrees of freedom: every look of every evaluation asks the same few. */
  private static final Map<QuantileKey, Double> QUANTILES = new ConcurrentHashMap<>();

  private MeanInterval() {}

  /**
   * The {@code confidence} interval of the mean of {@code values}, clipped to {@code [rangeLow,
   * rangeHigh]}.
   */
  public static Estimate of(double[] values, double confidence, double rangeLow, double rangeHigh) {
    return of(values, confidence, rangeLow, rangeHigh, 0.0);
  }

  /**
   * The same with the sample standard deviation taken as at least {@code minStandardDeviation}.
   */
  public static Estimate of(
      double[] values,
      double confidence,
      double rangeLow,
      double rangeHigh,
      double minStandardDeviation) {
    return of(values, confidence, rangeLow, rangeHigh, minStandardDeviation, false);
  }

  /**
   * The same, and when {@code skewAware} widened on the side of the samples' longer tail by the
   * Edgeworth term of the one-sided t bound (Hall 1992, "On the removal of skewness by
   * transformation"; Johnson 1978): {@code |m3| / s² · (2z² + 1) / (6n)}, with {@code m3} the
   * samples' third central moment, {@code s} their standard deviation (without the floor) and
   * {@code z} the normal quantile of the interval's one-sided level. Only outward, never narrower
   * than Student's t: a sample with a long lower tail is the sample of a respondent that strays
   * below its usual answer, and its t bound on that side is too high (the sequential design's
   * looks after the first use it; {@code hvae-benchmarks boundary}, RESULTS.md §8.3).
   */
  public static Estimate of(
      double[] values,
      double confidence,
      double rangeLow,
      double rangeHigh,
      double minStandardDeviation,
      boolean skewAware) {
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
    double sampleVariance = squares / (n - 1);
    double sd = Math.max(minStandardDeviation, Math.sqrt(sampleVariance));
    double standardError = sd / Math.sqrt(n);
    double half = quantile(confidence, n - 1) * standardError;
    double below = half;
    double above = half;
    if (skewAware && sampleVariance > 0) {
      double cubes = 0;
      for (double v : values) {
        cubes += (v - mean) * (v - mean) * (v - mean);
      }
      double m3 = cubes / n;
      double z = Normal.quantile(1.0 - (1.0 - confidence) / 2.0);
      double shift = Math.abs(m3) / sampleVariance * (2 * z * z + 1) / (6.0 * n);
      below += m3 < 0 ? shift : 0.0;
      above += m3 > 0 ? shift : 0.0;
    }
    double low = Math.max(rangeLow, mean - below);
    double high = Math.min(rangeHigh, mean + above);
    return new Estimate(mean, Math.min(low, mean), Math.max(high, mean));
  }

  /** t(1 - (1 - confidence) / 2, df), remembered. */
  static double quantile(double confidence, int df) {
    QuantileKey key = new QuantileKey(confidence, df);
    Double cached = QUANTILES.get(key);
    if (cached != null) {
      return cached;
    }
    double q = StudentT.quantile(1.0 - (1.0 - confidence) / 2.0, df);
    if (QUANTILES.size() < 10_000) {
      QUANTILES.put(key, q);
    }
    return q;
  }

  private record QuantileKey(double confidence, int df) {}
}
