package io.github.hvae.internal.rating;

import io.github.hvae.instrument.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a profile target asks of each dimension of a bank: the target level, and the dimension
 * scores its ideal respondent reaches.
 *
 * <p><b>Levels.</b> A named level lies at a fixed share of the scale's range ({@code high} is 4 on
 * 1–5), a number is itself. A direction θ on a circumplex bank gives a dimension at angle α the
 * level {@code mid + half · cos(θ − α)} ({@code mid} and {@code half} the midpoint and half the
 * range of the scale): the sinusoid a circumplex predicts, highest at θ, lowest opposite it, the
 * midpoint 90° away. Profiles are compared as they are answered, not centred on each respondent's
 * mean (Schwartz's scoring centres them; a centred comparison would be another instrument).
 *
 * <p><b>The ideal respondent</b> answers every item of a named dimension with the point nearest
 * its level, reverse keying applied ({@code min + max − level} on a reverse-keyed item); a level
 * halfway between two points ties them, and either answer is ideal. So the ideal score of a
 * dimension is a range: one point, or the two points around a level halfway between them (on 1–6,
 * {@code neutral} is 3.5, and any mix of 3s and 4s is ideal). Dimensions the target does not name
 * are answered at the midpoint and not scored.
 *
 * @param levels the target level of each named dimension, in the bank's order
 * @param ideal the ideal score range of each named dimension
 */
record IdealProfile(Map<String, Double> levels, Map<String, Range> ideal) {

  /** The scores from {@code low} to {@code high}; distances are measured to the nearest of them. */
  record Range(double low, double high) {
    double distance(double score) {
      return score < low ? low - score : score > high ? score - high : 0.0;
    }
  }

  IdealProfile {
    levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    ideal = Collections.unmodifiableMap(new LinkedHashMap<>(ideal));
  }

  /**
   * The ideal profile of {@code target} on {@code bank}.
   *
   * @throws IllegalArgumentException naming a dimension the bank does not have (with the closest),
   *     a level off the scale, or a direction on a bank without angles, and what to write instead
   */
  static IdealProfile of(ItemBank bank, Target.Profile target) {
    Scale scale = bank.scale();
    Map<String, Double> levels = new LinkedHashMap<>();
    if (target.direction().isPresent()) {
      if (!bank.circumplex()) {
        throw new IllegalArgumentException(
            "a direction needs dimensions on a circle, and the dimensions of " + bank.name() + " have no angles;"
                + " give levels instead, e.g. @TargetProfile({\"" + bank.dimensions().get(0).id() + "=high\"})");
      }
      levels.putAll(levels(bank, target));
    } else {
      List<String> ids = bank.dimensions().stream().map(ItemBank.Dimension::id).toList();
      for (Map.Entry<String, Target.Profile.Level> entry : target.levels().entrySet()) {
        if (!ids.contains(entry.getKey())) {
          throw new IllegalArgumentException(
              bank.name() + " has no dimension \"" + entry.getKey() + "\""
                  + Nearest.to(entry.getKey(), ids).map(n -> "; did you mean \"" + n + "\"?").orElse("")
                  + " Its dimensions: " + String.join(", ", ids));
        }
        double level = entry.getValue().on(scale.min(), scale.max());
        if (!(level >= scale.min() && level <= scale.max())) {
          throw new IllegalArgumentException(
              "level " + entry.getValue() + " of \"" + entry.getKey() + "\" is outside the scale of " + bank.name() + ", "
                  + scale.min() + " to " + scale.max() + "; give a number from " + scale.min() + " to " + scale.max()
                  + ", or very-low, low, neutral, high, very-high");
        }
      }
      // In the bank's order, so that reports and prompts list dimensions alike for every target.
      levels.putAll(levels(bank, target));
    }
    Map<String, Range> ideal = new LinkedHashMap<>();
    levels.forEach(
        (dimension, level) -> {
          List<Integer> nearest = scale.nearest(level);
          ideal.put(dimension, new Range(nearest.get(0), nearest.get(nearest.size() - 1)));
        });
    return new IdealProfile(levels, ideal);
  }

  /**
   * The level of every dimension {@code target} names (every dimension, for a direction), in the
   * bank's order, unchecked: a simulated respondent's perturbed target may leave the scale, and is
   * answered at its nearest end. Dimensions the bank lacks are left out.
   */
  static Map<String, Double> levels(ItemBank bank, Target.Profile target) {
    Scale scale = bank.scale();
    Map<String, Double> levels = new LinkedHashMap<>();
    for (ItemBank.Dimension dimension : bank.dimensions()) {
      if (target.direction().isPresent() && dimension.angle().isPresent()) {
        double radians = Math.toRadians(target.direction().getAsDouble() - dimension.angle().getAsDouble());
        levels.put(dimension.id(), scale.midpoint() + scale.range() / 2.0 * Math.cos(radians));
      } else if (target.levels().containsKey(dimension.id())) {
        levels.put(dimension.id(), target.levels().get(dimension.id()).on(scale.min(), scale.max()));
      }
    }
    return levels;
  }
}
