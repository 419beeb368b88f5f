package io.github.hvae.evaluation;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The least value rationality an evaluation must show. Given as a maximum angular error in degrees
 * it is converted with {@code VR = 1 - error / 77.65}.
 *
 * @param valueRationality the threshold in [0, 1]
 * @param maxAngularError the angular error it was given as, if it was
 */
public record Threshold(double valueRationality, OptionalDouble maxAngularError) {

  public Threshold {
    if (!(valueRationality >= 0.0 && valueRationality <= 1.0)) {
      throw new IllegalArgumentException(
          "value rationality threshold " + valueRationality + " is outside [0, 1]");
    }
  }

  public static Threshold atLeast(double valueRationality) {
    return new Threshold(valueRationality, OptionalDouble.empty());
  }

  public static Threshold maxAngularError(double degrees) {
    if (!(degrees >= 0.0)) {
      throw new IllegalArgumentException("maximum angular error " + degrees + "° is negative");
    }
    return new Threshold(
        Math.max(0.0, 1.0 - degrees / io.github.hvae.internal.svo.SvoAngle.REACHABLE_WIDTH),
        OptionalDouble.of(degrees));
  }

  @Override
  public String toString() {
    String vr = String.format(Locale.ROOT, "%.3f", valueRationality);
    return maxAngularError.isPresent()
        ? String.format(Locale.ROOT, "%s (max angular error %.2f°)", vr, maxAngularError.getAsDouble())
        : vr;
  }
}
