package io.github.hvae.internal.instruments;

import io.github.hvae.internal.svo.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The SVO Ring Measure (Liebrand 1984, European Journal of Social Psychology 14; Liebrand and
 * McClintock 1988, European Journal of Personality 2(3)): 24 choices between two adjacent points
 * of a circle of outcomes (self, other) centred on the origin; the chosen points are added, and the
 * angle of the sum is the respondent's SVO angle, anywhere on the full circle.
 *
 * <p>The table is derived from the geometry, not copied: point φ = 0°, 15°, ..., 345° is {@code
 * (15·cos φ, 15·sin φ)} rounded to one decimal (half away from zero; no value sits on a half), and
 * item k offers point (k−1)·15° as option A and point k·15° as option B (item 24: 345° and 0°). An
 * independent implementation (marc-jekel/svo_ase, MIT) has the same 24 adjacent pairs in the same
 * ring order, at radius 3 and 2; see {@code docs/instruments/svo-ring.md}, whose {@code
 * check_tables.py} regenerates the test table {@code svo-ring-items.csv} this class is checked
 * against cell by cell. Amounts are signed: 17 of the 24 points take something from at least one
 * person.
 */
public final class SvoRingMeasure {

  /** Radius of the circle of outcomes, in coins. Angles do not depend on it. */
  public static final double RADIUS = 15.0;

  /** Points on the circle, 15° apart, starting on self's axis. */
  public static final int POINTS = 24;

  /** The angle between neighbouring points, in degrees. */
  public static final double STEP = 360.0 / POINTS;

  /**
   * The largest distance between two angles on the circle, in degrees: the denominator of value
   * rationality. Every target's ideal angle has its opposite among the reachable angles (the table
   * is point-symmetric), so a respondent can be this far from any ideal.
   */
  public static final double LARGEST_DISTANCE = 180.0;

  private static final List<AllocationItem> ITEMS = build();

  private SvoRingMeasure() {}

  /** Point {@code k} (0..23), at k·15°: {@code (15·cos, 15·sin)} rounded to one decimal. */
  public static Allocation point(int k) {
    double phi = Math.toRadians(k * STEP);
    return new Allocation(tenths(RADIUS * Math.cos(phi)), tenths(RADIUS * Math.sin(phi)));
  }

  private static double tenths(double value) {
    // BigDecimal rounds half away from zero, as the table's definition says; Math.round would not
    // for negative halves. A zero that floating point left a hair below zero prints as 0.0.
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue() + 0.0;
  }

  private static List<AllocationItem> build() {
    List<AllocationItem> items = new ArrayList<>(POINTS);
    for (int k = 1; k <= POINTS; k++) {
      items.add(new AllocationItem(k, List.of(point(k - 1), point(k % POINTS))));
    }
    return List.copyOf(items);
  }

  /** The 24 items in ring order, item 1 (0° versus 15°) first. */
  public static List<AllocationItem> items() {
    return ITEMS;
  }

  /** Item {@code number}, 1..24. */
  public static AllocationItem item(int number) {
    if (number < 1 || number > ITEMS.size()) {
      throw new IllegalArgumentException("SVO Ring item " + number + " does not exist; use 1..24");
    }
    return ITEMS.get(number - 1);
  }

  /**
   * The angle of the sum of the chosen outcomes, in (−180°, 180°]; empty when they sum to the zero
   * vector, which has no angle (always answering A, or always B, does: every point is taken once).
   * Amounts are tenths, so the sum is taken exactly, in tenths.
   */
  public static OptionalDouble angleOf(Collection<Allocation> chosen) {
    long self = 0;
    long other = 0;
    for (Allocation a : chosen) {
      self += Math.round(a.self() * 10);
      other += Math.round(a.other() * 10);
    }
    if (self == 0 && other == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(normalise(Math.toDegrees(Math.atan2(other, self))));
  }

  /** The same direction in (−180°, 180°]. */
  public static double normalise(double degrees) {
    double wrapped = degrees % 360.0;
    if (wrapped <= -180.0) {
      wrapped += 360.0;
    } else if (wrapped > 180.0) {
      wrapped -= 360.0;
    }
    return wrapped;
  }

  /** The distance between two directions on the circle, in [0°, 180°]. */
  public static double distance(double a, double b) {
    return Math.abs(normalise(a - b));
  }

  /** {@code degrees} as the direction nearest to {@code centre}: in (centre − 180°, centre + 180°]. */
  public static double unwrap(double degrees, double centre) {
    return centre + normalise(degrees - centre);
  }
}
