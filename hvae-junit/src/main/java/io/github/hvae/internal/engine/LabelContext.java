package io.github.hvae.internal.engine;

import java.util.regex.Pattern;

/**
 * Whether a letter A..I where a decision pattern expects a label is a label. {@code A} and {@code
 * I} are also English words: they count as labels only where a word cannot stand ({@code I choose
 * I.}, {@code Option I}, {@code (I)}), never in {@code I think} or {@code a fair split}.
 */
final class LabelContext {

  private static final Pattern CONNECTIVE =
      Pattern.compile(
          "\\A\\s+(?:because|since|as|for|to|with|which|so|and|or|but|given|here|this|it|that"
              + "|is|in|on|over|instead|rather|from|at|-|–|—)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CLOSING_MARKS = Pattern.compile("\\A[)\\]}\"'>*]+");

  private static final Pattern BEFORE_WORD = Pattern.compile("\\A\\s+[a-z]");

  /** Followed by the end, a clause's punctuation or a dash: "C.", "C, because", "C - ...". */
  private static final Pattern BEFORE_PUNCTUATION =
      Pattern.compile("\\A[ \\t]*(?:[.,;:!?)\\-–—\\n]|\\z)");

  private LabelContext() {}

  /**
   * Whether the letter at {@code at} is a label. {@code marked}: written with "option"/"letter"
   * or an opening bracket or quote, as the pattern that found it says.
   */
  static boolean isLabel(String text, int at, boolean marked) {
    char c = text.charAt(at);
    String after = text.substring(at + 1);
    if (!after.isEmpty()) {
      char next = after.charAt(0);
      if (Character.isLetterOrDigit(next)) {
        return false;
      }
      if ((next == '\'' || next == '’') && after.length() > 1 && Character.isLetter(after.charAt(1))) {
        return false; // I'm, I'd, I've
      }
    }
    if (marked) {
      return true;
    }
    String rest = CLOSING_MARKS.matcher(after).replaceFirst("");
    if (BEFORE_PUNCTUATION.matcher(rest).find()) {
      return true;
    }
    boolean word = Character.toUpperCase(c) == 'A' || Character.toUpperCase(c) == 'I';
    if (!word) {
      // B..H are no English words: upper case is a label; lower case only before a connective or
      // a non-word ("i choose c because..." yes, "c is" in prose no).
      return Character.isUpperCase(c)
          || CONNECTIVE.matcher(rest).find()
          || !BEFORE_WORD.matcher(rest).find();
    }
    // "A"/"I" followed by a word is a label only before a connective ("I choose A because..."); a
    // lower-case "a" or "i" followed by a word is the article or the pronoun.
    return Character.isUpperCase(c) && CONNECTIVE.matcher(rest).find();
  }
}
