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

  /** A count for a console line: 950, 12.3k, 4.56M. */
  public static String tokens(long n) {
    if (n < 1_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1_000.0);
    }
    return String.format(Locale.ROOT, "%.2fM", n / 1_000_000.0);
  }

  /**
   * US dollars for people: cents from a cent up ("$12.35", "$0.50"), two significant digits below
   * ("$0.0012"), so that a cheap evaluation's cost is not shown as "$0.00".
   */
  public static String dollars(double usd) {
    if (usd >= 0.01 || usd <= 0) {
      return String.format(Locale.ROOT, "$%.2f", usd);
    }
    return "$" + new java.math.BigDecimal(usd).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
