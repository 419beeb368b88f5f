package io.github.hvae.internal.instruments;

import java.util.Locale;

/**
 * The eight orientations of the SVO Ring Measure, one 45° sector of the circle each, centred on the
 * direction whose weights (self, other) define the motive. Liebrand's names, and ours: individualism
 * (INDIVIDUALISTIC, 0°), cooperation (PROSOCIAL, 45°), altruism (ALTRUISTIC, 90°), martyrdom (MARTYR,
 * 135°), masochism (MASOCHISTIC, 180°), sadomasochism (SADOMASOCHISTIC, −135°), aggression
 * (AGGRESSIVE, −90°), competition (COMPETITIVE, −45°). The four that the SVO Slider also knows take
 * {@code io.github.hvae.svo.SocialValue}'s names, so a test's category assertion reads the same on
 * both instruments.
 *
 * <p>A Ring angle a belongs to the sector whose centre c has {@code c − 22.5° < a ≤ c + 22.5°}
 * (upper-inclusive, as the Slider's categories). The ±22.5° bounds of the four common sectors are
 * those of the independent implementation's pilot analysis; the other four continue the same 45°
 * grid (Liebrand's printed boundaries could not be checked, see {@code docs/instruments/svo-ring.md}).
 * No sum of table entries lies on a boundary: every boundary's tangent is irrational, every sum's
 * coordinates are tenths.
 */
public enum RingCategory {
  INDIVIDUALISTIC(0),
  PROSOCIAL(45),
  ALTRUISTIC(90),
  MARTYR(135),
  MASOCHISTIC(180),
  SADOMASOCHISTIC(-135),
  AGGRESSIVE(-90),
  COMPETITIVE(-45);

  /** Half a sector's width, in degrees. */
  public static final double HALF_WIDTH = 22.5;

  private final double centre;

  RingCategory(double centre) {
    this.centre = centre;
  }

  /** The direction the sector is centred on, in degrees. */
  public double centre() {
    return centre;
  }

  /** Lower-case name for people ("martyr"). */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category of a Ring angle, in degrees (any turn of it). */
  public static RingCategory of(double degrees) {
    if (!Double.isFinite(degrees)) {
      throw new IllegalArgumentException("a Ring angle of " + degrees + " has no category");
    }
    double a = SvoRingMeasure.normalise(degrees);
    for (RingCategory category : values()) {
      double offset = SvoRingMeasure.normalise(a - category.centre);
      if (offset > -HALF_WIDTH && offset <= HALF_WIDTH) {
        return category;
      }
    }
    throw new AssertionError("the eight sectors cover the circle, " + a + "° in none");
  }
}
