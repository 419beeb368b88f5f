package io.github.hvae.internal.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a reply that should be nothing but one label, as the choice extractor must answer. */
final class BareLabel {

  private BareLabel() {}

  /** The shown index of the label {@code reply} consists of; empty for anything else, NONE included. */
  static Optional<Integer> read(String reply, List<String> labels) {
    boolean lettersFromA =
        labels.size() <= 9
            && java.util.stream.IntStream.range(0, labels.size()).allMatch(i -> labels.get(i).equals(letterOf(i)));
    if (lettersFromA) {
      // The letter reader knows the forms a bare letter takes: C, (c), **Option C**.
      return AnswerParser.bareLabel(reply).filter(i -> i < labels.size());
    }
    String text = reply.strip().replaceAll("^[*\"'`(\\[]+|[*\"'`)\\].]+$", "").strip();
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String letterOf(int index) {
    return String.valueOf((char) ('A' + index));
  }
}
