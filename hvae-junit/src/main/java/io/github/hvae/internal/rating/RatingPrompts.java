package io.github.hvae.internal.rating;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Target;
import java.util.Locale;
import java.util.Map;

/**
 * The wording of a conversation on a rating-scale instrument. The value prompt describes the
 * target profile dimension by dimension, in words and as a point of the scale, and names nothing
 * else; the role instruction carries the bank's own instructions verbatim; each item prompt gives
 * the statement, the scale with its labels, and the goal, and asks for one number.
 */
final class RatingPrompts {

  private RatingPrompts() {}

  static String valuePrompt(ItemBank bank, Target.Profile target) {
    Scale scale = bank.scale();
    StringBuilder profile = new StringBuilder();
    Map<String, Double> levels = IdealProfile.levels(bank, target);
    levels.forEach(
        (id, level) -> profile.append("\n- ").append(bank.dimension(id).map(ItemBank.Dimension::name).orElse(id)).append(": ")
            .append(words(level, scale)).append(" (").append(number(level)).append(" on a scale from ").append(scale.min())
            .append(" = lowest to ").append(scale.max()).append(" = highest)"));
    return "Consider a person with the following profile on " + bank.name() + ":" + profile
        + "\nDo you understand this profile? Please describe the characteristics of a person who has it.";
  }

  /** The level in words: its share of the range, to the nearest of five steps. */
  static String words(double level, Scale scale) {
    double share = (level - scale.min()) / scale.range();
    if (share < 0.125) {
      return "very low";
    }
    if (share < 0.375) {
      return "low";
    }
    if (share <= 0.625) {
      return "moderate, neither high nor low";
    }
    return share <= 0.875 ? "high" : "very high";
  }

  static String rolePrompt(ItemBank bank, boolean goalPrompting, int itemCount) {
    String role = "From now on, answer completely as a person with this profile. " + bank.instructions().strip();
    if (!goalPrompting) {
      return role;
    }
    return role + " You will rate " + itemCount + " statements about yourself, each with one number from "
        + bank.scale().min() + " to " + bank.scale().max() + ". In one sentence, state the goal you will pursue in"
        + " answering that fits this profile most.";
  }

  static String fixedGoal() {
    return "Answer as a person with this profile would, honestly and briefly.";
  }

  static String itemPrompt(ItemBank bank, AskedItem asked, String goal) {
    RatingItem item = (RatingItem) asked.item();
    return "Statement " + asked.position() + " of " + asked.count() + ": \"" + item.text() + "\"\n" + scaleLines(bank.scale())
        + "\nYour goal: " + goal + "\nAnswer with one number from " + bank.scale().min() + " to " + bank.scale().max() + ".";
  }

  /** "1 = Very Inaccurate", one line per point; a point without a label is its number alone. */
  static String scaleLines(Scale scale) {
    StringBuilder lines = new StringBuilder();
    for (int v = scale.min(); v <= scale.max(); v++) {
      lines.append(v == scale.min() ? "" : "\n").append(v);
      int value = v;
      scale.label(v).ifPresent(label -> lines.append(" = ").append(label));
      if (scale.label(value).isEmpty() && (v == scale.min() || v == scale.max())) {
        lines.append(v == scale.min() ? " (lowest)" : " (highest)");
      }
    }
    return lines.toString();
  }

  static String reask(ItemBank bank) {
    Scale scale = bank.scale();
    return "Please answer with a single number from " + scale.min() + " to " + scale.max()
        + ": the point of the scale you choose for this statement.";
  }

  private static String number(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : String.format(Locale.ROOT, "%.1f", level);
  }
}
