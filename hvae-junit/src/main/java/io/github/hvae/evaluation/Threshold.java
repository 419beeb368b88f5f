package io.github.hvae.evaluation;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The least value rationality an evaluation must show. Given as a maximum angular error in degrees
 * it is converted with {@code VR = 1 - error / width}, the width being the largest angular error
 * the instrument can show (77.65° on the SVO Slider).
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

  /**
   * The threshold a maximum angular error of {@code degrees} stands for on an instrument whose
   * largest angular error is {@code width} degrees.
   */
  public static Threshold maxAngularError(double degrees, double width) {
    if (!(degrees >= 0.0)) {
      throw new IllegalArgumentException("maximum angular error " + degrees + "° is negative");
    }
    return new Threshold(Math.max(0.0, 1.0 - degrees / width), OptionalDouble.of(degrees));
  }

  @Override
  public String toString() {
    String vr = String.format(Locale.ROOT, "%.3f", valueRationality);
    return maxAngularError.isPresent()
        ? String.format(Locale.ROOT, "%s (max angular error %.2f°)", vr, maxAngularError.getAsDouble())
        : vr;
  }
}
