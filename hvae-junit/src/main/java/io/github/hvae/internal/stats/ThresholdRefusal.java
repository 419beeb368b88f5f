package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Threshold;

import java.util.Locale;
import java.util.Optional;

/**
 * Thresholds that cannot fail, refused before anything runs. A test whose threshold every
 * respondent clears is no test: {@code @ValueRationality(maxAngularError = 100)} became threshold
 * 0 and passed a competitive respondent on a prosocial target.
 */
public final class ThresholdRefusal {

  private ThresholdRefusal() {}

  /**
   * Why {@code threshold} cannot fail on an instrument whose value rationality reaches 0 at {@code
   * width} (the SVO Slider's reachable width, 77.65°), empty when it can: a maximum angular error at
   * or beyond the width, or a value rationality threshold of 0. The reason names the attribute as
   * the user wrote it.
   */
  public static Optional<String> check(Threshold threshold, double width, String unit) {
    if (threshold.maxAngularError().isPresent()) {
      double error = threshold.maxAngularError().getAsDouble();
      if (error >= width) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "maxAngularError = %s allows an error of %s%s, at or beyond the %s%s the"
                    + " instrument can reach at all: every respondent passes. Give less than"
                    + " %s%s.",
                number(error),
                number(error),
                unit,
                number(width),
                unit,
                number(width),
                unit));
      }
    }
    if (threshold.valueRationality() <= 0.0) {
      return Optional.of(
          threshold.maxAngularError().isPresent()
              ? "maxAngularError = "
                  + number(threshold.maxAngularError().getAsDouble())
                  + " makes the value rationality threshold 0: every respondent passes."
              : "atLeast = 0 is a value rationality threshold every respondent clears: give a"
                  + " threshold above 0, e.g. atLeast = 0.85.");
    }
    return Optional.empty();
  }

  /**
   * {@link #check(Threshold, double, String)} on {@code scale}'s width, and one more: a threshold
   * at or below the least value rationality any mean position can have for this target ({@link
   * ValueScale#lowestRationality()}) cannot fail either — with the SVO Slider, a prosocial target is
   * never more than 57.3° from its ideal set, so {@code maxAngularError = 60} passes everything
   * there although it is below the width.
   */
  public static Optional<String> check(Threshold threshold, ValueScale scale, String unit) {
    Optional<String> general = check(threshold, scale.width(), unit);
    if (general.isPresent()) {
      return general;
    }
    double lowest = scale.lowestRationality();
    if (threshold.valueRationality() <= lowest) {
      String given =
          threshold.maxAngularError().isPresent()
              ? "maxAngularError = " + number(threshold.maxAngularError().getAsDouble())
              : "atLeast = " + number(threshold.valueRationality());
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s cannot fail for this target: no reachable score has value rationality below"
                  + " %.3f (an error above %s%s). Give a threshold above %.3f.",
              given,
              lowest,
              number((1.0 - lowest) * scale.width()),
              unit,
              lowest));
    }
    return Optional.empty();
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15
        ? Long.toString((long) x)
        : String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
