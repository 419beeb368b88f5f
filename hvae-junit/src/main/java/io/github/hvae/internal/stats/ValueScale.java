package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.instrument.Scoring;
import java.util.OptionalDouble;

/**
 * The scale an evaluation is judged on, for one instrument and one target: where a sample sits on
 * the instrument's scalar scale (its <em>position</em>: the SVO angle for the SVO Slider Measure),
 * how far positions reach, how finely the instrument resolves their spread, and value rationality
 * of a <em>mean</em> position, which peaks at {@link #ideal()} (or on an interval around it) and
 * falls off on either side. A sample's own value rationality is not asked here: each sample brings
 * it ({@link Observation}), because on some instruments it is not a function of the position (the
 * Triple-Dominance Measure scores the share of choices that match the target).
 *
 * <p>The statistics use it for the {@code mean-angle} definition ({@link #valueRationalityOf} and
 * its interval, {@link #image}) and for the floors on the spread of positions and of per-sample
 * value rationality. Implementations: {@link #of(Scoring, OptionalDouble)} (any instrument's
 * scoring, as the engine judges), {@code io.github.hvae.internal.instruments.SvoValueScale} (the SVO Slider,
 * tie-aware, which its scoring delegates to). A Ring Measure would
 * measure a circular distance normalised by 180°; it fits here too.
 */
public interface ValueScale {

  /** The lowest position a sample can have. */
  double lowest();

  /** The highest position a sample can have. */
  double highest();

  /**
   * The distance from the ideal at which value rationality reaches 0 (the SVO Slider's reachable
   * width, 77.65°): {@code VR = 1 - distance / width}. By default the reachable range.
   */
  default double width() {
    return highest() - lowest();
  }

  /**
   * The finest spread of positions the instrument resolves: at the last look (and in the fixed
   * design) the standard deviation of positions is taken as at least this.
   */
  double resolution();

  /**
   * The least spread of positions an early stop trusts: at looks before the cap the standard
   * deviation is taken as at least this, because a few samples of a discrete respondent often
   * coincide and their spread is then no evidence. At least {@link #resolution()}.
   */
  double interimResolution();

  /** The floor of the spread of per-sample value rationality at the last look. */
  default double rationalityResolution() {
    return resolution() / width();
  }

  /** The floor of the spread of per-sample value rationality at looks before the cap. */
  default double interimRationalityResolution() {
    return interimResolution() / width();
  }

  /**
   * The least spread trusted at the sequential design's looks after the first and before the cap;
   * by default {@link #interimResolution()}.
   */
  default double laterResolution() {
    return interimResolution();
  }

  /** The least spread trusted at the cap of a sequential design; by default {@link #resolution()}. */
  default double capResolution() {
    return resolution();
  }

  /** The floor of per-sample value rationality's spread at the looks after the first, before the cap. */
  default double laterRationalityResolution() {
    return Math.max(interimRationalityResolution(), laterResolution() / width());
  }

  /** The floor of per-sample value rationality's spread at the cap of a sequential design. */
  default double capRationalityResolution() {
    return Math.max(rationalityResolution(), capResolution() / width());
  }

  /** Where value rationality peaks (the ideal position, or a point of the ideal set's hull). */
  double ideal();

  /** Value rationality, in [0, 1], of a mean position ({@code mean-angle}). */
  double valueRationalityOf(double meanPosition);

  /**
   * The interval of value rationality that an interval of the mean position implies: its bounds are
   * the least and the greatest {@link #valueRationalityOf} over the interval, its point the value at
   * {@code position.mean()}. When the position interval covers the true mean position, this interval
   * covers the true value rationality of the mean. By default for a value that falls off on either
   * side of {@link #ideal()}: the bounds are the values at the interval's point farthest from and
   * nearest to it.
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

  /** The least value rationality a mean position can have on this scale. */
  default double lowestRationality() {
    return image(new Estimate(lowest(), lowest(), highest())).low();
  }

  /**
   * The scale of an instrument's {@link Scoring} for one target, as the engine judges it: positions,
   * floors and value rationality of a mean all come from the scoring.
   *
   * @param width the distance at which value rationality reaches 0, for messages that convert a
   *     threshold to a distance (the instrument's angular width); empty: the range of positions
   */
  static ValueScale of(Scoring scoring, OptionalDouble width) {
    return new ValueScale() {
      @Override
      public double lowest() {
        return scoring.lowest();
      }

      @Override
      public double highest() {
        return scoring.highest();
      }

      @Override
      public double width() {
        return width.orElse(scoring.highest() - scoring.lowest());
      }

      @Override
      public double resolution() {
        return scoring.resolution();
      }

      @Override
      public double interimResolution() {
        return Math.max(scoring.resolution(), scoring.interimResolution());
      }

      @Override
      public double rationalityResolution() {
        return scoring.rationalityResolution();
      }

      @Override
      public double interimRationalityResolution() {
        return Math.max(scoring.rationalityResolution(), scoring.interimRationalityResolution());
      }

      @Override
      public double laterResolution() {
        return Math.max(interimResolution(), scoring.laterResolution());
      }

      @Override
      public double capResolution() {
        return Math.max(scoring.resolution(), scoring.capResolution());
      }

      @Override
      public double laterRationalityResolution() {
        return Math.max(interimRationalityResolution(), scoring.laterRationalityResolution());
      }

      @Override
      public double capRationalityResolution() {
        return Math.max(rationalityResolution(), scoring.capRationalityResolution());
      }

      @Override
      public double ideal() {
        return scoring.idealPosition();
      }

      @Override
      public double valueRationalityOf(double meanPosition) {
        return scoring.valueRationalityOfMean(meanPosition);
      }

      @Override
      public String toString() {
        return "the scale of " + scoring;
      }
    };
  }
}
