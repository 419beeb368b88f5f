package io.github.hvae.internal.report;

import java.util.Locale;

/** Labels of angle targets, written as {@code ValueTarget.label()} writes them. */
final class TargetLabels {

  private TargetLabels() {}

  /** "30°", "22.50°". */
  static String ofAngle(double degrees) {
    return (degrees == Math.rint(degrees)
            ? Long.toString((long) degrees)
            : String.format(Locale.ROOT, "%.2f", degrees))
        + "°";
  }
}
