package io.github.hvae.evaluation;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.instrument.Scoring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One sample: one fresh conversation from the value prompt to the last item.
 *
 * @param sampleIndex 0-based index of the sample within its evaluation
 * @param transcript every message, in order, as sent and received
 * @param goal the goal the items reminded the model of (its own, with goal prompting)
 * @param items one answer per item asked, in the order asked
 * @param calls model calls made by this conversation
 * @param usage tokens of those calls
 * @param score the sample's score on the instrument, empty when the sample is incomplete (the
 *     instrument's scoring decides: the one definition of completeness)
 */
public record Trajectory(
    int sampleIndex,
    List<ChatMessage> transcript,
    String goal,
    List<ItemAnswer> items,
    int calls,
    TokenUsage usage,
    Optional<Scoring.Score> score) {

  public Trajectory {
    transcript = List.copyOf(transcript);
    items = List.copyOf(items);
    Objects.requireNonNull(score, "score");
  }

  /** The choices read: item id to the option's index in the item's own order, in the order asked. */
  public Map<String, Integer> choices() {
    Map<String, Integer> byItem = new LinkedHashMap<>();
    items.forEach(a -> a.option().ifPresent(option -> byItem.put(a.item(), option)));
    return byItem;
  }

  /** Complete when the instrument could score it; only complete samples enter the statistics. */
  public boolean isComplete() {
    return score.isPresent();
  }

  /** The sample's position on the instrument's scale (its SVO angle), empty when incomplete. */
  public OptionalDouble angle() {
    return score.map(s -> OptionalDouble.of(s.position())).orElse(OptionalDouble.empty());
  }

  /** The sample's category, empty when incomplete. */
  public Optional<String> category() {
    return score.map(Scoring.Score::category);
  }

  public AnswerCounts answerCounts() {
    return AnswerCounts.of(items);
  }
}
