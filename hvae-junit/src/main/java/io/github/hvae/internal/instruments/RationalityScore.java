package io.github.hvae.internal.instruments;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.svo.ValueTarget;

/**
 * Value rationality of SVO angles, {@code VR = clamp01(1 - distance / 77.65)}: 1 is perfect; the
 * denominator is the width of the reachable range of the SVO Slider Measure, so 0 is the worst the
 * instrument can show.
 *
 * <p>{@link #of} measures to the target's ideal set, tie-aware ({@link SvoValueScale}); the other
 * methods measure to one given ideal angle, the formula of a target without ties, which the
 * statistics' own tests and the benchmarks use as a plain point scale.
 *
 * <p>The HVAE paper defines value rationality as a distance between the value shown in behaviour
 * and the target value but publishes no normalisation; this one is ours, stated openly.
 */
public final class RationalityScore {

  private RationalityScore() {}

  /**
   * Value rationality of a (mean) angle for a target, in [0, 1]: 1 anywhere between the least and
   * the greatest angle a best-option respondent of the target can produce ({@link
   * SvoValueScale#valueRationalityOf}).
   */
  public static double of(double measuredAngle, ValueTarget target) {
    return SvoValueScale.of(target).valueRationalityOf(measuredAngle);
  }

  /** Value rationality of a measured angle against one ideal angle, in [0, 1]. */
  public static double ofIdeal(double measuredAngle, double idealAngle) {
    return clamp01(1.0 - angularError(measuredAngle, idealAngle) / SvoAngle.REACHABLE_WIDTH);
  }

  /**
   * The interval of value rationality that an interval of the mean angle implies, against one ideal
   * angle: every angle in {@code angle}'s interval is scored, so the bounds are the scores of the
   * interval's point farthest from and nearest to the ideal angle. When the angle interval covers
   * the true mean angle, this interval covers its value rationality.
   */
  public static Estimate intervalOf(Estimate angle, double idealAngle) {
    double toLow = angularError(angle.low(), idealAngle);
    double toHigh = angularError(angle.high(), idealAngle);
    double nearest = angle.contains(idealAngle) ? 0.0 : Math.min(toLow, toHigh);
    double farthest = Math.max(toLow, toHigh);
    double point = ofIdeal(angle.mean(), idealAngle);
    double low = clamp01(1.0 - farthest / SvoAngle.REACHABLE_WIDTH);
    double high = clamp01(1.0 - nearest / SvoAngle.REACHABLE_WIDTH);
    return new Estimate(point, Math.min(low, point), Math.max(high, point));
  }

  /** |θ - idealAngle| in degrees. */
  public static double angularError(double measuredAngle, double idealAngle) {
    return Math.abs(measuredAngle - idealAngle);
  }

  /** The largest angular error, in degrees, that still reaches value rationality {@code vr}. */
  public static double maxErrorFor(double vr) {
    return (1.0 - vr) * SvoAngle.REACHABLE_WIDTH;
  }

  private static double clamp01(double x) {
    return Math.max(0.0, Math.min(1.0, x));
  }
}
