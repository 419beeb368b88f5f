package io.github.hvae.internal.stats;

/**
 * What the statistics need of one complete sample.
 *
 * @param position where the sample sits on the instrument's scalar scale (the SVO angle)
 * @param valueRationality the sample's own value rationality, in [0, 1] (for the SVO Slider, tie-aware:
 *     distance to the nearest angle a best-option respondent can produce)
 * @param category the category the sample falls in (for the SVO Slider, {@code
 *     SocialValue.name()}), which consistency counts
 */
public record Observation(double position, double valueRationality, String category) {

  public Observation {
    if (!Double.isFinite(position)) {
      throw new IllegalArgumentException("a sample's position must be finite, got " + position);
    }
    if (!(valueRationality >= 0.0 && valueRationality <= 1.0)) {
      throw new IllegalArgumentException(
          "a sample's value rationality must be in [0, 1], got " + valueRationality);
    }
    if (category == null || category.isBlank()) {
      throw new IllegalArgumentException("a sample needs a category");
    }
  }
}
