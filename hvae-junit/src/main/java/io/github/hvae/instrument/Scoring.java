package io.github.hvae.instrument;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one instrument scores samples against one target. Every sample gets a position on the
 * instrument's scale (the SVO angle, say), its own value rationality and a category; an evaluation
 * reads value rationality either from the mean position ({@link #valueRationalityOfMean}, the HVAE
 * paper's reading) or as the mean of the samples' own.
 *
 * <p>Value rationality is 1 for the target's ideal respondent and falls linearly with the distance
 * to it, to 0 at the largest distance the instrument can show. Where best options tie, the ideal is
 * every score a respondent taking only best options can produce, and such a respondent scores 1 on
 * every sample ({@link Score#valueRationality}) and for its mean ({@link #valueRationalityOfMean}).
 * {@link #valueRationalityOfMean} must not rise anywhere moving away from {@link #idealPosition()}
 * (it may be flat around it): an interval of the mean position is mapped to an interval of value
 * rationality through its ends and its point nearest the ideal.
 */
public interface Scoring {

  /**
   * One sample's score, from its choices; empty when the choices do not make a complete sample
   * (an item the instrument needs has no choice). This is the one definition of completeness.
   *
   * @param choices item id to the chosen option's index in the item's own order
   */
  Optional<Score> score(Map<String, Integer> choices);

  /** Value rationality of a mean position, in [0, 1]. */
  double valueRationalityOfMean(double position);

  /** The ideal respondent's position, as reports show it (the ideal angle). */
  double idealPosition();

  /** The category the target's ideal respondent falls in. */
  String targetCategory();

  /** The category of a position. */
  String categoryOf(double position);

  /**
   * The category an evaluation reports (the report's {@code category}): by default the category of
   * the complete samples' mean position, the HVAE paper's reading of the mean angle. An instrument
   * whose categories a position does not determine (the Triple-Dominance Measure's share of ideal
   * choices says nothing of the types of the other choices) classifies the samples' choices instead.
   *
   * @param meanPosition the mean position of the complete samples
   * @param samples every complete sample's choices, as {@link #score} takes them
   */
  default String categoryOfMean(double meanPosition, List<Map<String, Integer>> samples) {
    return categoryOf(meanPosition);
  }

  /** The lowest position a sample can have. */
  double lowest();

  /** The highest position a sample can have. */
  double highest();

  /** The finest spread of positions the instrument resolves: intervals are never narrower. */
  double resolution();

  /** The least spread an early stop trusts; by default {@link #resolution()}. */
  default double interimResolution() {
    return resolution();
  }

  /**
   * The finest spread of the samples' own value rationality the instrument resolves, for the {@code
   * per-sample} reading ({@code hvae.value-rationality=per-sample}): its intervals are never
   * narrower. By default {@link #resolution()} as a share of the range of positions, {@code
   * resolution() / (highest() - lowest())}, which is right where value rationality falls by 1 over
   * that range. Override it where it falls faster (value rationality that reaches 0 at half the
   * range, as a circular distance does, falls twice as fast) or where per-sample values need a
   * coarser floor: they are capped at 1, so samples on both sides of the ideal fold onto one value
   * and show less spread than their positions (the SVO Slider takes 2° here, not its 1°).
   */
  default double rationalityResolution() {
    return resolution() / (highest() - lowest());
  }

  /**
   * The least spread of per-sample value rationality an early stop trusts; by default {@link
   * #interimResolution()} as a share of the range of positions.
   */
  default double interimRationalityResolution() {
    return Math.max(rationalityResolution(), interimResolution() / (highest() - lowest()));
  }

  /**
   * The least spread trusted at the sequential design's looks after the first and before the cap;
   * by default {@link #interimResolution()}.
   */
  default double laterResolution() {
    return interimResolution();
  }

  /**
   * The least spread trusted at the last look of a sequential design (the fixed design keeps {@link
   * #resolution()}); by default {@link #resolution()}.
   */
  default double capResolution() {
    return resolution();
  }

  /** {@link #laterResolution()} for per-sample value rationality; by default as a share of the range. */
  default double laterRationalityResolution() {
    return Math.max(interimRationalityResolution(), laterResolution() / (highest() - lowest()));
  }

  /** {@link #capResolution()} for per-sample value rationality; by default as a share of the range. */
  default double capRationalityResolution() {
    return Math.max(rationalityResolution(), capResolution() / (highest() - lowest()));
  }

  /**
   * One sample's score.
   *
   * @param position where the sample lies on the instrument's scale
   * @param valueRationality the sample's own value rationality, in [0, 1]
   * @param category the sample's category
   */
  record Score(double position, double valueRationality, String category) {

    public Score {
      if (!Double.isFinite(position)) {
        throw new IllegalArgumentException("a sample's position must be finite, got " + position);
      }
      if (!(valueRationality >= 0 && valueRationality <= 1)) {
        throw new IllegalArgumentException("value rationality " + valueRationality + " is outside [0, 1]");
      }
    }
  }
}
