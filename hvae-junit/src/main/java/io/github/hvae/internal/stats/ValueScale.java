package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;

/**
 * What the verdict rule needs to know about an instrument's scale for one target: where sample
 * positions can lie, the finest spread it resolves, and value rationality as a function of a mean
 * position that peaks at {@link #ideal()} and falls off on either side.
 */
public interface ValueScale {

  /** The lowest position a sample can have. */
  double lowest();

  /** The highest position a sample can have. */
  double highest();

  /** Floor of the samples' standard deviation at the last look. */
  double resolution();

  /** Floor of the samples' standard deviation at looks before the cap (at least {@link #resolution()}). */
  double interimResolution();

  /** Where value rationality peaks (the ideal position, or the nearest point of the ideal set). */
  double ideal();

  /** Value rationality of a mean position, in [0, 1]. */
  double valueRationalityOf(double meanPosition);

  /**
   * The interval of value rationality that an interval of the mean position implies: the bounds
   * are the values at the interval's point farthest from and nearest to the peak. When the position
   * interval covers the true mean, this interval covers its value rationality.
   */
  default Estimate image(Estimate position) {
    double atLow = valueRationalityOf(position.low());
    double atHigh = valueRationalityOf(position.high());
    double nearest = Math.max(position.low(), Math.min(position.high(), ideal()));
    double point = valueRationalityOf(position.mean());
    double low = Math.min(atLow, atHigh);
    double high = Math.max(Math.max(atLow, atHigh), valueRationalityOf(nearest));
    return new Estimate(point, Math.min(low, point), Math.max(high, point));
  }

  /** The SVO angle scale of {@link RationalityScore}: linear in the distance to the ideal angle. */
  static ValueScale linear(double idealAngle, double lowest, double highest, double resolution, double interimResolution) {
    return new ValueScale() {
      @Override
      public double lowest() {
        return lowest;
      }

      @Override
      public double highest() {
        return highest;
      }

      @Override
      public double resolution() {
        return resolution;
      }

      @Override
      public double interimResolution() {
        return Math.max(resolution, interimResolution);
      }

      @Override
      public double ideal() {
        return idealAngle;
      }

      @Override
      public double valueRationalityOf(double meanPosition) {
        return Math.max(0.0, Math.min(1.0, 1.0 - Math.abs(meanPosition - idealAngle) / (highest - lowest)));
      }
    };
  }
}
