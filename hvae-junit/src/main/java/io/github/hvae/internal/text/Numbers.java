package io.github.hvae.internal.text;

import java.util.Locale;

/** How numbers are written for people and prompts, whatever the JVM's locale. */
public final class Numbers {

  private Numbers() {}

  /** A whole number without decimals ("85", "-30"), anything else with two ("22.50"). */
  public static String compact(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
