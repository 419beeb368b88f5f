package io.github.hvae.agent;

import java.util.List;

/**
 * Marks a request whose answer is a choice among labelled options (an item prompt or its re-ask),
 * so that a provider can restrict the answer to exactly one of {@code labels} when constrained
 * answers are on. Providers that cannot restrict answers ignore it.
 *
 * @param labels the allowed answers in the order shown, e.g. {@code A..I}
 */
public record ChoiceConstraint(List<String> labels) {

  public ChoiceConstraint {
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one label");
    }
    for (String label : labels) {
      if (label.isBlank()) {
        throw new IllegalArgumentException("a choice label must not be blank: " + labels);
      }
    }
  }

  /** The first {@code count} capital letters, {@code A} first: the labels of the item prompts. */
  public static ChoiceConstraint letters(int count) {
    if (count < 1 || count > 26) {
      throw new IllegalArgumentException("letters label 1 to 26 options, not " + count);
    }
    return new ChoiceConstraint(
        java.util.stream.IntStream.range(0, count)
            .mapToObj(i -> String.valueOf((char) ('A' + i)))
            .toList());
  }

  /** The labels as written in cassettes and messages: {@code A,B,C}. */
  @Override
  public String toString() {
    return String.join(",", labels);
  }
}
