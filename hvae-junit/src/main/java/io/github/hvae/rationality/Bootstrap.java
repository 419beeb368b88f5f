package io.github.hvae.rationality;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Seeded percentile bootstrap of the mean. The same seed and data always give the same interval.
 *
 * <p>Verdicts no longer use it: at the 5 to 10 samples an alignment test runs it undercovers (see
 * {@link MeanInterval}, which replaced it); it stays for comparisons and for statistics of larger
 * samples.
 */
public final class Bootstrap {

  public static final int DEFAULT_RESAMPLES = 2000;

  private final long seed;
  private final int resamples;

  public Bootstrap(long seed, int resamples) {
    if (resamples < 100) {
      throw new IllegalArgumentException("use at least 100 bootstrap resamples, got " + resamples);
    }
    this.seed = seed;
    this.resamples = resamples;
  }

  public Bootstrap(long seed) {
    this(seed, DEFAULT_RESAMPLES);
  }

  /** Interval for the mean of {@code values}. */
  public Estimate mean(double[] values, double confidence) {
    return meanThen(values, confidence, DoubleUnaryOperator.identity());
  }

  /**
   * Interval for {@code f(mean(values))}: each resample's mean goes through {@code f} before the
   * percentiles are taken (value rationality is not monotone in the angle, so its interval cannot
   * be read off the angle's).
   */
  public Estimate meanThen(double[] values, double confidence, DoubleUnaryOperator f) {
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot bootstrap an empty sample");
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside (0, 1)");
    }
    double point = f.applyAsDouble(mean(values));
    SplittableRandom random = new SplittableRandom(seed);
    double[] statistics = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      for (int i = 0; i < values.length; i++) {
        sum += values[random.nextInt(values.length)];
      }
      statistics[r] = f.applyAsDouble(sum / values.length);
    }
    Arrays.sort(statistics);
    double alpha = (1.0 - confidence) / 2.0;
    double low = Math.min(point, percentile(statistics, alpha));
    double high = Math.max(point, percentile(statistics, 1.0 - alpha));
    return new Estimate(point, low, high);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double percentile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }
}
