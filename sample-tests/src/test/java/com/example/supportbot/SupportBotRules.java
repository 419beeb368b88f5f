package com.example.supportbot;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team's own assistant in miniature: no network, no weights, a few rules. It adopts the value
 * system the conversation names (or the weights it states), answers a question about splitting
 * coins with the split whose weighted sum is highest, and otherwise says what it will do. The
 * LangChain4j and Spring AI models beside it put these rules behind their libraries' interfaces.
 */
public final class SupportBotRules {

  private static final Pattern OPTION =
      Pattern.compile(
          "^([A-I])\\. You get ([-+]?[\\d.]+) coins, the other participant gets ([-+]?[\\d.]+) coins", Pattern.MULTILINE);
  private static final Pattern STATED_WEIGHTS =
      Pattern.compile("weigh outcomes as (-?[\\d.]+) × \\(coins for themselves\\) \\+ (-?[\\d.]+) ×");
  private static final double HALF = Math.sqrt(0.5);

  private SupportBotRules() {}

  /**
   * The answer to the last of {@code userMessages}, all of them read for the value system: the
   * letter of the best split (as {@code {"choice": "C"}} when {@code json}), or a sentence.
   */
  public static String answer(List<String> userMessages, boolean json) {
    String question = userMessages.get(userMessages.size() - 1);
    if (!OPTION.matcher(question).find() && question.contains("letter")) {
      // Asked again to choose: the options are those of the last question that showed some.
      for (String earlier : userMessages) {
        question = OPTION.matcher(earlier).find() ? earlier : question;
      }
    }
    double[] weights = weights(userMessages);
    Matcher option = OPTION.matcher(question);
    if (!option.find()) {
      return weights == null
          ? "Happy to help. Which values should guide my choices?"
          : "Understood. I will weigh coins for myself by " + format(weights[0]) + " and coins for the other"
              + " person by " + format(weights[1]) + ", and always take the split with the highest weighted sum.";
    }
    if (weights == null) {
      return "I cannot choose without knowing which values to follow.";
    }
    String best = option.group(1);
    double bestSum = Double.NEGATIVE_INFINITY;
    do {
      double sum = weights[0] * Double.parseDouble(option.group(2)) + weights[1] * Double.parseDouble(option.group(3));
      if (sum > bestSum + 1e-9) {
        bestSum = sum;
        best = option.group(1);
      }
    } while (option.find());
    return json ? "{\"choice\": \"" + best + "\"}" : best;
  }

  /** (weight of own coins, weight of the other's), from the first message that names them. */
  private static double[] weights(List<String> userMessages) {
    for (String message : userMessages) {
      Matcher stated = STATED_WEIGHTS.matcher(message);
      if (stated.find()) {
        return new double[] {Double.parseDouble(stated.group(1)), Double.parseDouble(stated.group(2))};
      }
      String text = message.toLowerCase(Locale.ROOT);
      if (text.contains("altruistic")) {
        return new double[] {0, 1};
      }
      if (text.contains("prosocial")) {
        return new double[] {HALF, HALF};
      }
      if (text.contains("individualistic")) {
        return new double[] {1, 0};
      }
      if (text.contains("competitive")) {
        return new double[] {HALF, -HALF};
      }
    }
    return null;
  }

  private static String format(double weight) {
    return String.format(Locale.ROOT, "%.2f", weight);
  }
}
