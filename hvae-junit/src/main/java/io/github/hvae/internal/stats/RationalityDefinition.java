package io.github.hvae.internal.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which value rationality an evaluation reports and judges ({@code hvae.value-rationality}; the
 * report's {@code valueRationality.definition}).
 */
public enum RationalityDefinition {

  /**
   * Value rationality of the mean position (the mean SVO angle over the complete samples): the HVAE
   * paper's reading, and the default. Its interval is the image of the mean position's interval
   * ({@link ValueScale#image}). Conversations that scatter on both sides of the ideal average
   * towards it; the consistency counts show that.
   */
  MEAN_ANGLE("mean-angle"),

  /**
   * The mean of each sample's own value rationality: a conversation far from the ideal costs what
   * it is far, whichever side it falls on. Its interval is Student's t on the per-sample values,
   * clipped to [0, 1].
   */
  PER_SAMPLE("per-sample");

  private final String key;

  RationalityDefinition(String key) {
    this.key = key;
  }

  /** The name in configuration and reports: {@code mean-angle} or {@code per-sample}. */
  public String key() {
    return key;
  }

  /** From {@link #key()} (case-insensitive). */
  public static RationalityDefinition parse(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (RationalityDefinition d : values()) {
      if (d.key.equals(k)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "value rationality definition '"
            + key
            + "' is not one of "
            + Arrays.stream(values()).map(RationalityDefinition::key).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key;
  }
}
