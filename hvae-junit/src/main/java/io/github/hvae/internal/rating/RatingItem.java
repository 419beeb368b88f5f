package io.github.hvae.internal.rating;

import io.github.hvae.instrument.Item;

/**
 * One statement of a rating-scale instrument.
 *
 * @param id unique in its bank
 * @param text the statement, verbatim
 * @param dimension the id of the dimension it is keyed to
 * @param reverse true for a reverse-keyed item: an answer {@code a} scores {@code min + max − a}
 * @param optionCount the points of the bank's scale
 */
public record RatingItem(String id, String text, String dimension, boolean reverse, int optionCount) implements Item {

  /** What an answer scores on this item's dimension, reverse keying applied. */
  public int keyed(int answer, Scale scale) {
    return reverse ? scale.reversed(answer) : answer;
  }
}
