package io.github.hvae.evaluation;

/** A point estimate with its confidence interval. */
public record Estimate(double mean, double low, double high) {

  public Estimate {
    if (!(low <= mean && mean <= high)) {
      throw new IllegalArgumentException(
          "interval [" + low + ", " + high + "] does not contain its estimate " + mean);
    }
  }

  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  public double width() {
    return high - low;
  }
}
