package io.github.hvae.internal.svo;

/**
 * A split of coins between the respondent ("self") and the other participant. Ideal respondents
 * that average tied options produce fractional coins, hence {@code double}.
 */
public record Allocation(double self, double other) {

  public static Allocation of(double self, double other) {
    return new Allocation(self, other);
  }

  double distanceTo(Allocation that) {
    return Math.hypot(self - that.self, other - that.other);
  }

  @Override
  public String toString() {
    return "(" + format(self) + ", " + format(other) + ")";
  }

  private static String format(double coins) {
    return coins == Math.rint(coins) ? Long.toString((long) coins) : Double.toString(coins);
  }
}
