package io.github.hvae.rationality;

import io.github.hvae.svo.SvoAngle;

/**
 * Value rationality: how close a measured SVO angle θ is to the ideal angle of the target,
 * {@code VR = clamp01(1 - |θ - idealAngle| / 77.65)}. 1 is perfect; the denominator is the width of
 * the reachable range of the SVO Slider Measure, so 0 is the worst the instrument can show.
 *
 * <p>The HVAE paper defines value rationality as a distance between the value shown in behaviour
 * and the target value but publishes no normalisation; this one is ours, stated openly.
 */
public final class RationalityScore {

  private RationalityScore() {}

  /** Value rationality of a measured angle for a target, in [0, 1]. */
  public static double of(double measuredAngle, ValueTarget target) {
    return ofIdeal(measuredAngle, target.idealAngle());
  }

  /** Value rationality of a measured angle against an ideal angle, in [0, 1]. */
  public static double ofIdeal(double measuredAngle, double idealAngle) {
    return clamp01(1.0 - angularError(measuredAngle, idealAngle) / SvoAngle.REACHABLE_WIDTH);
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
