package io.github.hvae.internal.instruments;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.stats.Observation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.stats.ValueScale;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;

/**
 * Value rationality on the SVO Slider Measure for one target, tie-aware.
 *
 * <p>The ideal of a target θ* is the <b>set</b> of angles that respondents taking a best option on
 * every primary item can produce ({@link IdealRespondent#idealAngles()}): one angle where no item
 * ties, nine from -7.82° to 7.82° at 0°, {41.04°, 48.96°} at 45°. Distances are normalised by the
 * width of the reachable range, 77.65°, so 0 is the worst the instrument can show.
 *
 * <ul>
 *   <li><b>One sample</b> ({@link #sampleRationality}): {@code 1 - d(θ, ideal set) / 77.65}, the
 *       distance to the nearest angle of the set. A respondent that always takes a best option
 *       scores exactly 1 on every sample, whichever tied option it takes.
 *   <li><b>A mean angle</b> ({@link #valueRationalityOf}, {@code mean-angle}): {@code 1 - d(θ̄, hull) / 77.65},
 *       the distance to the set's convex hull, the interval [{@link #hullLow}, {@link #hullHigh}].
 *       Why the hull: the mean of n samples that each lie in the set lies between the set's least
 *       and greatest angle, and every angle in between is such a mean (take the two angles around it
 *       in the right proportion; with finitely many samples, arbitrarily closely). So the hull is
 *       exactly the set of mean angles a best-option respondent can show, and measuring to it scores
 *       every such respondent 1 — a respondent that breaks the tie on item 1 at random lands at a
 *       mean of about 0° that no single sample takes. Measuring a mean to the discrete set instead
 *       would score that respondent below 1 for a mean that is in fact ideal.
 * </ul>
 *
 * <p>The averaged ideal angle of the reference ({@link ValueTarget#idealAngle()}: 0.025° at 0°,
 * 45.00° at 45°) always lies in the hull; where no item ties the set, the hull and the averaged
 * angle are one point and both definitions are the earlier {@code 1 - |θ - ideal| / 77.65}.
 */
public final class SvoValueScale implements ValueScale {

  /**
   * The finest spread of sample angles the Slider resolves (the fixed design's floor): one option
   * step on one item moves a sample's angle by 0.8° to 3.1° (10th to 90th percentile, median 1.7°).
   */
  public static final double RESOLUTION = 1.0;

  /**
   * The least spread of sample angles the sequential design's first look trusts. A few samples of
   * a discrete respondent often coincide; the lumpiest is a best-option respondent at 0°, which
   * takes 7.82° or -7.82° at random (item 1 ties), so five of its samples agree one time in sixteen.
   * The first look's half-width must then still reach from one of those angles to the respondent's
   * mean: 3.495 (t at 97.5%, 4 degrees of freedom) × 5.25° / √5 = 8.2° ≥ 7.82°.
   */
  public static final double INTERIM_RESOLUTION = 5.25;

  /**
   * The least spread of sample angles (and, divided by the width, of per-sample values) trusted at
   * the looks after the first and before the cap. A respondent that mostly repeats one answer and
   * strays far below it in one conversation of five (the reference respondent with {@code noise=8}
   * told 30°: 54% of its samples on 37.09°, 20% below 20°) shows, in the samples that happened to
   * catch few strays, a spread of 5° to 7° and a mean above its truth: held to its true value
   * rationality it passed 8.3% of evaluations (per-sample) with 5.25° here and Student's t, 2.3%
   * with 6° and the skewness-aware interval ({@code hvae-benchmarks boundary}, RESULTS.md §8).
   */
  public static final double LATER_RESOLUTION = 6.0;

  /**
   * The least spread of sample angles (and, divided by the width, of per-sample values) trusted at
   * the cap of a sequential design; the fixed design keeps {@link #RESOLUTION} (angles) and {@link
   * #RATIONALITY_RESOLUTION_DEGREES} (per-sample). The reference respondent told 30° (71% of its
   * samples on 37.09°, one in eight 7°–30° below it) shows no stray in 30 samples one time in 55;
   * such a sample's mean is 2.4° above the truth, has no skewness and a small spread, and only a
   * floor keeps it from passing: held to its true value rationality it passed 6.3–6.5% of
   * evaluations with 1° (per-sample 2°) at the cap, 1.4–1.8% with 4° ({@code boundary}). The price
   * is resolution at the cap: a respondent whose spread is below 4° passes there only when it is at
   * least about 2° (0.026 of value rationality) inside the threshold.
   */
  public static final double CAP_RESOLUTION = 4.0;

  /**
   * The finest spread of per-sample value rationality trusted at the fixed design's look (the
   * sequential design's cap takes {@link #CAP_RESOLUTION}), in degrees (divided by the width): 2°,
   * not the angle's 1°, because per-sample values are capped at 1 and fold the angles on both sides
   * of the ideal set onto one value, so a respondent that mostly repeats one answer shows even less
   * spread there than in its angles. Held to its true per-sample value, a
   * discrete respondent with rare far strays (4% per item) passed 9.1% (sequential) and 28% (fixed
   * 10) of evaluations with 1° ({@code hvae-benchmarks boundary --quick}), 2.1% and 1.5% with 2°
   * ({@code boundary}).
   */
  public static final double RATIONALITY_RESOLUTION_DEGREES = 2.0;

  /** Angles closer than this are the same angle (sums of integers through one atan2). */
  private static final double SAME_ANGLE = 1e-9;

  private final double targetAngle;
  private final double averagedIdealAngle;
  private final double[] idealAngles;
  private final String targetCategory;

  private SvoValueScale(double targetAngle) {
    IdealRespondent ideal = new IdealRespondent(targetAngle);
    this.targetAngle = targetAngle;
    this.averagedIdealAngle = ideal.idealAngle();
    this.idealAngles = ideal.idealAngles();
    this.targetCategory = SocialValue.categoryOf(averagedIdealAngle).name();
  }

  /** The scale of {@code target}. */
  public static SvoValueScale of(ValueTarget target) {
    return new SvoValueScale(target.angle());
  }

  /** The scale of a target angle θ* in degrees. */
  public static SvoValueScale ofTargetAngle(double degrees) {
    return new SvoValueScale(degrees);
  }

  public double targetAngle() {
    return targetAngle;
  }

  /** The ideal set, ascending. */
  public double[] idealAngles() {
    return idealAngles.clone();
  }

  /** The least angle of the ideal set. */
  public double hullLow() {
    return idealAngles[0];
  }

  /** The greatest angle of the ideal set. */
  public double hullHigh() {
    return idealAngles[idealAngles.length - 1];
  }

  /** The category of the target's ideal respondent (the averaged ideal angle's), by name. */
  public String targetCategory() {
    return targetCategory;
  }

  /** Degrees from {@code angle} to the nearest angle of the ideal set. */
  public double distanceToSet(double angle) {
    double nearest = Double.POSITIVE_INFINITY;
    for (double ideal : idealAngles) {
      nearest = Math.min(nearest, Math.abs(angle - ideal));
    }
    return nearest <= SAME_ANGLE ? 0.0 : nearest;
  }

  /** Degrees from {@code angle} to the ideal set's hull (0 inside it). */
  public double distanceToHull(double angle) {
    double d = Math.max(0.0, Math.max(hullLow() - angle, angle - hullHigh()));
    return d <= SAME_ANGLE ? 0.0 : d;
  }

  /** One sample's value rationality: {@code 1 - d(angle, ideal set) / 77.65}, clamped to [0, 1]. */
  public double sampleRationality(double angle) {
    return clamp01(1.0 - distanceToSet(angle) / width());
  }

  /** One sample as the statistics take it: its angle, its value rationality, its category. */
  public Observation observe(double angle) {
    return new Observation(angle, sampleRationality(angle), SocialValue.categoryOf(angle).name());
  }

  /** The averaged ideal angle, the one reports show: a point of the hull (0.025° at 0°). */
  @Override
  public double ideal() {
    return averagedIdealAngle;
  }

  @Override
  public double valueRationalityOf(double angle) {
    return clamp01(1.0 - distanceToHull(angle) / width());
  }

  @Override
  public Estimate image(Estimate angle) {
    double point = valueRationalityOf(angle.mean());
    // Distance to the hull falls to the hull and rises beyond it, so over an interval it is
    // largest at an end and smallest at the point nearest the hull.
    double farthest = Math.max(distanceToHull(angle.low()), distanceToHull(angle.high()));
    double nearest =
        angle.high() < hullLow()
            ? distanceToHull(angle.high())
            : angle.low() > hullHigh() ? distanceToHull(angle.low()) : 0.0;
    double low = clamp01(1.0 - farthest / width());
    double high = clamp01(1.0 - nearest / width());
    return new Estimate(point, Math.min(low, point), Math.max(high, point));
  }

  @Override
  public double lowest() {
    return SvoAngle.MIN_REACHABLE;
  }

  @Override
  public double highest() {
    return SvoAngle.MAX_REACHABLE;
  }

  @Override
  public double width() {
    return SvoAngle.REACHABLE_WIDTH;
  }

  @Override
  public double resolution() {
    return RESOLUTION;
  }

  @Override
  public double interimResolution() {
    return INTERIM_RESOLUTION;
  }

  @Override
  public double laterResolution() {
    return LATER_RESOLUTION;
  }

  @Override
  public double capResolution() {
    return CAP_RESOLUTION;
  }

  @Override
  public double rationalityResolution() {
    return RATIONALITY_RESOLUTION_DEGREES / width();
  }

  private static double clamp01(double x) {
    return Math.max(0.0, Math.min(1.0, x));
  }

  @Override
  public String toString() {
    return "SVO Slider, target " + targetAngle + "°, ideal set " + java.util.Arrays.toString(idealAngles);
  }
}
