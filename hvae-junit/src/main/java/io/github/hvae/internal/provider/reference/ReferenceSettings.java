package io.github.hvae.internal.provider.reference;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.svo.SocialValue;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The reference respondent's settings, written after {@code reference:} in the model spec,
 * comma-separated: {@code noise=<degrees>}, {@code fixed=<VALUE or angle>}, {@code
 * refuse=<probability>}, {@code garble=<probability>}.
 *
 * @param noise spread of each sample's angle, in degrees
 * @param fixedAngle the angle it acts on whatever it is told, if set
 * @param refuse probability of refusing an item
 * @param garble probability of answering an item with text that names no option
 */
record ReferenceSettings(double noise, OptionalDouble fixedAngle, double refuse, double garble) {

  /**
   * The settings of {@code spec}.
   *
   * @throws IllegalArgumentException naming an unknown setting or a bad value, and the valid ones
   */
  static ReferenceSettings parse(ModelSpec spec) {
    double noise = ReferenceRespondent.DEFAULT_NOISE;
    OptionalDouble fixed = OptionalDouble.empty();
    double refuse = 0;
    double garble = 0;
    for (String setting : spec.model().split(",")) {
      if (setting.isBlank()) {
        continue;
      }
      String[] kv = setting.split("=", 2);
      String key = kv[0].strip().toLowerCase(Locale.ROOT);
      String value = kv.length == 2 ? kv[1].strip() : "";
      switch (key) {
        case "noise" -> noise = nonNegative(key, value, Double.MAX_VALUE);
        case "fixed" -> fixed = OptionalDouble.of(angleOf(value));
        case "refuse" -> refuse = nonNegative(key, value, 1.0);
        case "garble" -> garble = nonNegative(key, value, 1.0);
        default ->
            throw new IllegalArgumentException(
                "unknown reference respondent setting '"
                    + setting.strip()
                    + "' in model spec '"
                    + spec
                    + "'; use noise=<degrees>, fixed=<VALUE or angle>, refuse=<probability>,"
                    + " garble=<probability>");
      }
    }
    return new ReferenceSettings(noise, fixed, refuse, garble);
  }

  private static double angleOf(String value) {
    try {
      return SocialValue.valueOf(value.toUpperCase(Locale.ROOT)).ringAngle();
    } catch (IllegalArgumentException notAName) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException(
            "reference respondent setting fixed='"
                + value
                + "' is neither a value (ALTRUISTIC, PROSOCIAL, INDIVIDUALISTIC, COMPETITIVE) nor"
                + " an angle in degrees");
      }
    }
  }

  private static double nonNegative(String key, String value, double max) {
    try {
      double parsed = Double.parseDouble(value);
      if (parsed >= 0 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "reference respondent setting "
            + key
            + "='"
            + value
            + "' must be a number"
            + (max == 1.0 ? " in [0, 1]" : " >= 0"));
  }

}
