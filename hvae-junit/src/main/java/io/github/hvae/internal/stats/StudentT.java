package io.github.hvae.internal.stats;

/**
 * Student's t distribution: its CDF through the regularized incomplete beta function and its
 * quantile by bisection. Written out here (about fifty lines) rather than adding a numerics library
 * for one function; checked against published table values in the tests.
 */
public final class StudentT {

  private StudentT() {}

  /** P(T &lt;= t) for T with {@code df} degrees of freedom. */
  public static double cdf(double t, int df) {
    requireDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? 1.0 : 0.0;
    }
    double x = df / (df + t * t);
    double tail = 0.5 * regularizedBeta(x, df / 2.0, 0.5);
    return t >= 0 ? 1.0 - tail : tail;
  }

  /** The t with P(T &lt;= t) = p, for p in (0, 1). */
  public static double quantile(double p, int df) {
    requireDf(df);
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException("probability " + p + " is outside (0, 1)");
    }
    if (p < 0.5) {
      return -quantile(1.0 - p, df);
    }
    double low = 0.0;
    double high = 1.0;
    while (cdf(high, df) < p) {
      high *= 2.0;
    }
    for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1.0, high); i++) {
      double mid = 0.5 * (low + high);
      if (cdf(mid, df) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return 0.5 * (low + high);
  }

  private static void requireDf(int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
    }
  }

  /** I_x(a, b), by the continued fraction of Numerical Recipes (modified Lentz). */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
    if (x < (a + 1.0) / (a + b + 2.0)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1.0 - front * continuedFraction(1.0 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
      d = 1.0 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1.0 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1.0 / d;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
      d = 1.0 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1.0 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1.0) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
  static double logGamma(double x) {
    final double[] c = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1.0 - x);
    }
    x -= 1.0;
    double sum = c[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      sum += c[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
