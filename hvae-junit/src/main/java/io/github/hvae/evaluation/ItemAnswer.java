package io.github.hvae.evaluation;

import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.util.List;
import java.util.Optional;

/**
 * How one item went in one conversation.
 *
 * @param item the item number, 1..15
 * @param shown the options in the order they were shown, label A first (counterbalancing may show
 *     them from option I's end; {@link #option()} maps back)
 * @param replies the raw replies: one, or two when the item was re-asked
 * @param parsed what each reply was read as, in order
 * @param shownIndex the chosen option's position in {@code shown}, empty when no choice was read
 */
public record ItemAnswer(
    int item,
    List<Allocation> shown,
    List<String> replies,
    List<ParsedAnswer> parsed,
    Optional<Integer> shownIndex) {

  public ItemAnswer {
    shown = List.copyOf(shown);
    replies = List.copyOf(replies);
    parsed = List.copyOf(parsed);
  }

  /** The chosen allocation, empty when no choice was read. */
  public Optional<Allocation> allocation() {
    return shownIndex.map(shown::get);
  }

  /** The chosen option as the instrument numbers it (0 = the item's option A), whatever order it was shown in. */
  public Optional<Integer> option() {
    SliderItem definition = SvoSliderMeasure.item(item);
    return allocation().map(definition.options()::indexOf);
  }

  /** The label the model saw for its choice. */
  public Optional<Character> shownLabel() {
    return shownIndex.map(SliderItem::labelOf);
  }

  public boolean reasked() {
    return replies.size() > 1;
  }

  public long refusals() {
    return parsed.stream().filter(ParsedAnswer.Refusal.class::isInstance).count();
  }

  /** Replies whose choice the choice extractor read. */
  public long extracted() {
    return parsed.stream()
        .filter(p -> p instanceof ParsedAnswer.Choice choice && choice.extracted())
        .count();
  }

  /** True when the options were shown from option I's end (counterbalancing). */
  public boolean reversed() {
    List<Allocation> canonical = SvoSliderMeasure.item(item).options();
    return !shown.equals(canonical);
  }

  public long unparseable() {
    return parsed.stream().filter(ParsedAnswer.Unparseable.class::isInstance).count();
  }
}
