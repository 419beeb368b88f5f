package io.github.hvae.evaluation;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.svo.SvoChoices;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One sample: one fresh conversation from the value prompt to the last item.
 *
 * @param sampleIndex 0-based index of the sample within its evaluation
 * @param transcript every message, in order, as sent and received
 * @param goal the goal the items reminded the model of (its own, with goal prompting)
 * @param items one answer per item asked, in the order asked
 * @param calls model calls made by this conversation
 * @param usage tokens of those calls
 */
public record Trajectory(
    int sampleIndex,
    List<ChatMessage> transcript,
    String goal,
    List<ItemAnswer> items,
    int calls,
    TokenUsage usage) {

  public Trajectory {
    transcript = List.copyOf(transcript);
    items = List.copyOf(items);
  }

  /** The choices read, by item number. */
  public SvoChoices choices() {
    Map<Integer, Integer> byItem = new TreeMap<>();
    items.forEach(a -> a.option().ifPresent(option -> byItem.put(a.item(), option)));
    return new SvoChoices(byItem);
  }

  /** Complete when every primary item has a choice: only then does the sample have an angle. */
  public boolean isComplete() {
    return choices().hasAllPrimary();
  }

  /** The SVO angle of this sample, empty when incomplete. */
  public OptionalDouble angle() {
    SvoChoices choices = choices();
    return choices.hasAllPrimary() ? OptionalDouble.of(choices.angle()) : OptionalDouble.empty();
  }

  public AnswerCounts answerCounts() {
    return AnswerCounts.of(items);
  }
}
