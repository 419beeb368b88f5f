package io.github.hvae.internal.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The response scale of a rating-scale instrument: every integer from {@code min} to {@code max} is
 * a point, some (or all, or none) with a label.
 *
 * @param min the lowest answer
 * @param max the highest answer, above {@code min}
 * @param labels label text by point
 */
public record Scale(int min, int max, Map<Integer, String> labels) {

  public Scale {
    if (min >= max) {
      throw new IllegalArgumentException("a scale needs min < max, got " + min + " and " + max);
    }
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** How many points: 5 for 1–5. */
  public int points() {
    return max - min + 1;
  }

  /** {@code max − min}: the largest difference two answers can have. */
  public int range() {
    return max - min;
  }

  public double midpoint() {
    return (min + max) / 2.0;
  }

  public boolean contains(int value) {
    return value >= min && value <= max;
  }

  public Optional<String> label(int value) {
    return Optional.ofNullable(labels.get(value));
  }

  /** The points as the options of an item are labelled: "1", "2", ..., in order. */
  public List<String> optionLabels() {
    List<String> shown = new ArrayList<>();
    for (int v = min; v <= max; v++) {
      shown.add(Integer.toString(v));
    }
    return shown;
  }

  /** What an answer {@code value} scores on a reverse-keyed item: {@code min + max − value}. */
  public int reversed(int value) {
    return min + max - value;
  }

  /** The points nearest {@code level}: one, or two when it lies halfway; clamped to the scale. */
  public List<Integer> nearest(double level) {
    double clamped = Math.max(min, Math.min(max, level));
    int below = (int) Math.floor(clamped);
    int above = (int) Math.ceil(clamped);
    if (below == above) {
      return List.of(below);
    }
    double toBelow = clamped - below;
    double toAbove = above - clamped;
    if (Math.abs(toBelow - toAbove) < 1e-9) {
      return List.of(below, above);
    }
    return List.of(toBelow < toAbove ? below : above);
  }
}
