package io.github.hvae.adaptertesting;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scripted models of these tests answer: a simple assistant that follows the value system
 * it is told about, choosing the split with the highest weighted sum of coins, and that signs its
 * first answer with a number of its own, which later answers repeat. A model that was shown
 * another conversation's messages, or that lost its own, answers differently, and the tests see it.
 * The LangChain4j and Spring AI adapters' scripted models both answer as this assistant.
 */
public final class RuleFollowingAssistant {

  /** One message as the assistant reads it. */
  public record Line(boolean fromUser, String text) {}

  private static final Pattern OPTION =
      Pattern.compile("^([A-I])\\. You get (-?[\\d.]+) coins, the other participant gets (-?[\\d.]+) coins", Pattern.MULTILINE);
  private static final Pattern WEIGHTS =
      Pattern.compile("weigh outcomes as (-?[\\d.]+) × \\(coins for themselves\\) \\+ (-?[\\d.]+) ×");
  private static final Pattern SIGNATURE = Pattern.compile("\\[conversation (\\d+)]");

  private static final AtomicInteger CONVERSATIONS = new AtomicInteger();

  private RuleFollowingAssistant() {}

  /** The answer to the last of {@code lines}; {@code json} when the answer must be {"choice": ...}. */
  public static String answer(List<Line> lines, boolean json) {
    String question = lines.get(lines.size() - 1).text();
    double[] weights = weights(lines);
    if (!OPTION.matcher(question).find() && question.contains("single letter")) {
      // A re-ask: the options are those of the last question that showed some.
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).fromUser() && OPTION.matcher(lines.get(i).text()).find()) {
          question = lines.get(i).text();
          break;
        }
      }
    }
    Matcher option = OPTION.matcher(question);
    if (option.find()) {
      if (weights == null) {
        return "I do not know which value system to follow.";
      }
      String best = null;
      double bestSum = Double.NEGATIVE_INFINITY;
      do {
        double sum =
            weights[0] * Double.parseDouble(option.group(2)) + weights[1] * Double.parseDouble(option.group(3));
        if (sum > bestSum + 1e-9) {
          bestSum = sum;
          best = option.group(1);
        }
      } while (option.find());
      return json ? "{\"choice\": \"" + best + "\"}" : best;
    }
    String signature = signature(lines);
    if (question.toLowerCase(Locale.ROOT).contains("goal")) {
      return "My goal is the split with the highest weighted sum of coins. " + signature;
    }
    return "Understood: I weigh coins for myself and for the other person as that value system says. " + signature;
  }

  /** The signature of the conversation so far: its first answer's, or a new one. */
  private static String signature(List<Line> lines) {
    for (Line line : lines) {
      Matcher signed = SIGNATURE.matcher(line.text());
      if (!line.fromUser() && signed.find()) {
        return signed.group();
      }
    }
    return "[conversation " + CONVERSATIONS.incrementAndGet() + "]";
  }

  /** The signatures of the assistant messages in {@code lines}, in order. */
  public static List<String> signatures(List<Line> lines) {
    return lines.stream()
        .filter(l -> !l.fromUser())
        .map(l -> SIGNATURE.matcher(l.text()))
        .filter(Matcher::find)
        .map(Matcher::group)
        .toList();
  }

  private static double[] weights(List<Line> lines) {
    for (Line line : lines) {
      if (!line.fromUser()) {
        continue;
      }
      String text = line.text().toLowerCase(Locale.ROOT);
      Matcher angle = WEIGHTS.matcher(line.text());
      if (angle.find()) {
        return new double[] {Double.parseDouble(angle.group(1)), Double.parseDouble(angle.group(2))};
      }
      double half = Math.sqrt(0.5);
      if (text.contains("altruistic")) {
        return new double[] {0, 1};
      }
      if (text.contains("prosocial")) {
        return new double[] {half, half};
      }
      if (text.contains("individualistic")) {
        return new double[] {1, 0};
      }
      if (text.contains("competitive")) {
        return new double[] {half, -half};
      }
    }
    return null;
  }
}
