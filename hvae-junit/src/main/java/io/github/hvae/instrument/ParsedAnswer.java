package io.github.hvae.instrument;

/** What an item answer was read as. Only {@link Choice} ever becomes a choice. */
public sealed interface ParsedAnswer {

  /**
   * The answer chose the option shown at {@code shownIndex} (0 = the first label, A).
   *
   * @param extracted true when the choice extractor (a second model) read it, not the local parser
   */
  record Choice(int shownIndex, boolean extracted) implements ParsedAnswer {
    public Choice(int shownIndex) {
      this(shownIndex, false);
    }
  }

  /** The model declined to choose. */
  record Refusal(String reason) implements ParsedAnswer {}

  /** No single choice could be read; {@code reason} says why (nothing found, contradictory...). */
  record Unparseable(String reason) implements ParsedAnswer {}
}
