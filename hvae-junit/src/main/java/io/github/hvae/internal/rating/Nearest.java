package io.github.hvae.internal.rating;

import io.github.hvae.internal.text.EditDistance;
import java.util.Collection;
import java.util.Optional;

/** The known word a misspelt one most likely meant, for "did you mean" in messages. */
final class Nearest {

  private Nearest() {}

  /** The closest of {@code known} to {@code word}, when it is close enough to be a likely typo. */
  static Optional<String> to(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = EditDistance.between(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
  }
}
