package io.github.hvae.evaluation;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.ParsedAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one item went in one conversation.
 *
 * @param asked the item as this conversation showed it: its options' order and labels
 * @param replies the raw replies: one, or two when the item was re-asked
 * @param parsed what each reply was read as, in order
 * @param shownIndex the chosen option's position as shown, empty when no choice was read
 */
public record ItemAnswer(
    AskedItem asked, List<String> replies, List<ParsedAnswer> parsed, Optional<Integer> shownIndex) {

  public ItemAnswer {
    Objects.requireNonNull(asked, "asked");
    replies = List.copyOf(replies);
    parsed = List.copyOf(parsed);
  }

  /** The item's id. */
  public String item() {
    return asked.item().id();
  }

  /** The chosen option in the item's own order (0 = its first option), whatever order it was shown in. */
  public Optional<Integer> option() {
    return shownIndex.map(asked::option);
  }

  /** The label the model saw for its choice. */
  public Optional<String> shownLabel() {
    return shownIndex.map(asked.labels()::get);
  }

  public boolean reasked() {
    return replies.size() > 1;
  }

  /** True when counterbalancing showed the options in another order than the item's own. */
  public boolean reversed() {
    return !asked.inOwnOrder();
  }

  public long refusals() {
    return parsed.stream().filter(ParsedAnswer.Refusal.class::isInstance).count();
  }

  public long unparseable() {
    return parsed.stream().filter(ParsedAnswer.Unparseable.class::isInstance).count();
  }

  /** Replies whose choice the choice extractor read. */
  public long extracted() {
    return parsed.stream()
        .filter(p -> p instanceof ParsedAnswer.Choice choice && choice.extracted())
        .count();
  }
}
