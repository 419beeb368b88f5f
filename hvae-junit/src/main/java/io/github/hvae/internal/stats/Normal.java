package io.github.hvae.internal.stats;

/** The standard normal distribution: density, CDF (fractional error below 1.2e-7) and quantile. */
final class Normal {

  private Normal() {}

  static double density(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
  }

  /** P(Z <= x). */
  static double cdf(double x) {
    return 0.5 * erfc(-x / Math.sqrt(2.0));
  }

  /** The x with P(Z <= x) = p, by bisection on {@link #cdf}. */
  static double quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException("probability " + p + " is outside (0, 1)");
    }
    double low = -40;
    double high = 40;
    for (int i = 0; i < 200 && high - low > 1e-13; i++) {
      double mid = 0.5 * (low + high);
      if (cdf(mid) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return 0.5 * (low + high);
  }

  /** erfc by the Chebyshev fit of Numerical Recipes (erfcc), fractional error below 1.2e-7. */
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2.0 - r;
  }
}
