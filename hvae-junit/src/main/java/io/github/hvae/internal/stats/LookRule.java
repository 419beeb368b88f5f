package io.github.hvae.internal.stats;

/**
 * How one look computes its intervals: the floors on the spread of positions and of per-sample
 * value rationality, and whether the interval is widened on the side of the samples' longer tail
 * ({@link MeanInterval#of(double[], double, double, double, double, boolean)}).
 *
 * <ul>
 *   <li>the fixed design's one look: {@link ValueScale#resolution()} ({@link
 *       ValueScale#rationalityResolution()}), Student's t as it is;
 *   <li>the sequential design's first look: {@link ValueScale#interimResolution()} ({@link
 *       ValueScale#interimRationalityResolution()}), Student's t — five samples show no skewness
 *       worth the name, and clear cases stop here;
 *   <li>its later looks before the cap: {@link ValueScale#laterResolution()} ({@link
 *       ValueScale#laterRationalityResolution()}), skewness-aware;
 *   <li>its cap: {@link ValueScale#capResolution()} ({@link ValueScale#capRationalityResolution()}),
 *       skewness-aware.
 * </ul>
 *
 * <p>Why: a respondent that mostly repeats one answer and rarely strays far has a long lower tail;
 * the samples that caught few strays have a mean above its truth and a small spread, so Student's t
 * at the later looks passed it at its true value rationality up to 8% of the time where the fixed
 * design's error is 2.5% ({@code hvae-benchmarks boundary}, RESULTS.md §8.3). The skewness term
 * covers samples that show some of the tail, the floors those that show none.
 *
 * @param positionFloor the least standard deviation of positions
 * @param rationalityFloor the least standard deviation of per-sample value rationality
 * @param skewAware whether the interval is widened on the side of a long tail
 */
public record LookRule(double positionFloor, double rationalityFloor, boolean skewAware) {

  /** The rule of look {@code look} (0 = the first) of {@code design} on {@code scale}. */
  public static LookRule of(SequentialDesign design, ValueScale scale, int look) {
    int last = design.looks().size() - 1;
    if (look < 0 || look > last) {
      throw new IllegalArgumentException("look " + look + " is outside 0.." + last);
    }
    if (!design.isSequential()) {
      return new LookRule(scale.resolution(), scale.rationalityResolution(), false);
    }
    if (look == 0) {
      return new LookRule(scale.interimResolution(), scale.interimRationalityResolution(), false);
    }
    if (look < last) {
      return new LookRule(scale.laterResolution(), scale.laterRationalityResolution(), true);
    }
    return new LookRule(scale.capResolution(), scale.capRationalityResolution(), true);
  }
}
