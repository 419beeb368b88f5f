package io.github.hvae.junit;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A held-out model of the SVO Slider, written against the public agent API and the prompt text
 * alone (none of the library's own simulation): on every item it reads the options as shown, and
 * takes the one with the greatest {@code self·cos θ + other·sin θ}, breaking exact ties one way (the
 * option that gives the other person most). Its θ is {@code angle} in every conversation but those
 * whose sample index is {@code flipEvery - 1} modulo {@code flipEvery}, where it is {@code
 * flipAngle}: with {@code flipEvery = 5} it flips value system in a fifth of its conversations.
 */
final class HeldOutRespondent implements ModelAgent {

  private static final Pattern OPTION =
      Pattern.compile(
          "^([A-Z])\\. You get (\\d+) coins, the other participant gets (\\d+) coins", Pattern.MULTILINE);

  private final String name;
  private final double angle;
  private final double flipAngle;
  private final int flipEvery;

  /** Always takes a best option for {@code angle}. */
  HeldOutRespondent(String name, double angle) {
    this(name, angle, angle, Integer.MAX_VALUE);
  }

  HeldOutRespondent(String name, double angle, double flipAngle, int flipEvery) {
    this.name = name;
    this.angle = angle;
    this.flipAngle = flipAngle;
    this.flipEvery = flipEvery;
  }

  /** True when sample {@code index} flips. */
  boolean flips(int index) {
    return flipEvery != Integer.MAX_VALUE && index % flipEvery == flipEvery - 1;
  }

  @Override
  public ModelSpec spec() {
    return new ModelSpec(name, "");
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    String last = request.messages().get(request.messages().size() - 1).content();
    double theta = Math.toRadians(flips(request.sampleIndex()) ? flipAngle : angle);
    Matcher m = OPTION.matcher(last);
    String best = null;
    double bestUtility = Double.NEGATIVE_INFINITY;
    int bestOther = Integer.MIN_VALUE;
    while (m.find()) {
      int self = Integer.parseInt(m.group(2));
      int other = Integer.parseInt(m.group(3));
      double utility = self * Math.cos(theta) + other * Math.sin(theta);
      boolean tie = Math.abs(utility - bestUtility) < 1e-9;
      if ((!tie && utility > bestUtility) || (tie && other > bestOther)) {
        best = m.group(1);
        bestUtility = utility;
        bestOther = other;
      }
    }
    String reply = best != null ? best : "Understood: I will act on that value system.";
    return ModelReply.answered(reply, TokenUsage.reported(last.length() / 4, reply.length() / 4));
  }

  @Override
  public String toString() {
    return name;
  }
}
