package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;

/**
 * The scale an evaluation is judged on, for one instrument and one target: where a sample sits on
 * the instrument's scalar scale (its <em>position</em>: the SVO angle for the SVO Slider Measure),
 * how far positions reach, how finely the instrument resolves their spread, and the value
 * rationality of a <em>mean</em> position. A sample's own value rationality is not asked here: each
 * sample brings it ({@link Observation}), because on some instruments it is not a function of the
 * position (the Triple-Dominance Measure scores the share of choices that match the target).
 *
 * <p>The statistics use it for the {@code mean-angle} definition (value rationality of the mean
 * position: {@link #ofMean}, and its interval: {@link #imageOf}) and for the floors on the spread
 * of positions and of per-sample value rationality. Implementations: {@code
 * io.github.hvae.internal.svo.SvoValueScale} (the SVO Slider Measure, tie-aware). A Ring Measure
 * would measure a circular distance normalised by 180°, a Triple-Dominance scale would score
 * shares; both fit here.
 */
public interface ValueScale {

  /** The lowest position a sample can have. */
  double lowest();

  /** The highest position a sample can have. */
  double highest();

  /**
   * The distance from the ideal at which value rationality reaches 0 (the SVO Slider's reachable
   * width, 77.65°): {@code VR = 1 - distance / width}.
   */
  double width();

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

  /** Value rationality, in [0, 1], of a mean position ({@code mean-angle}). */
  double ofMean(double position);

  /**
   * The interval of value rationality that an interval of the mean position implies: its bounds are
   * the least and the greatest {@link #ofMean} over the interval, its point {@code
   * ofMean(position.mean())}. When the position interval covers the true mean position, this
   * interval covers the true value rationality of the mean.
   */
  Estimate imageOf(Estimate position);

  /** The least value rationality a mean position can have on this scale. */
  default double lowestRationality() {
    return imageOf(new Estimate(lowest(), lowest(), highest())).low();
  }
}
