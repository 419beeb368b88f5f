package io.github.hvae.internal.engine;

import java.util.regex.Pattern;

/**
 * Whether a letter A..I where a decision pattern expects a label is a label, judged by what
 * stands around it. Three things look like a label and are not:
 *
 * <ul>
 *   <li>a letter inside a token ({@code 4B}, {@code C's}, {@code I'm});
 *   <li>a variable: a letter next to an operator ({@code c = 0}, {@code x - c}, {@code a/b}, {@code
 *       ¬A}), with a subscript, power or prime ({@code c_1}, {@code a²}, {@code A'}), an argument
 *       ({@code f(b)}, {@code a[i]}) or a function ({@code g(x)});
 *   <li>the words "a" and "I": followed by a word they are the article and the pronoun ({@code a
 *       fair split}, {@code the option I prefer}) unless a connective follows ({@code I choose A
 *       because...}, {@code Option I is...}).
 * </ul>
 *
 * Nor is a letter that a definition follows ({@code choose A to be the set}). Otherwise a marked
 * label ({@code option C}, {@code (c)}) is a label; an unmarked one needs to end its phrase, to be
 * a capital B..H, or to be followed by a connective; a lower-case b..h followed by a word is prose
 * ({@code so b is even}) unless a reason follows ({@code i choose c because...}).
 */
final class LabelContext {

  private static final Pattern CONNECTIVE =
      Pattern.compile(
          "\\A\\s+(?:because|since|as|for|to|with|which|so|and|or|but|given|here|this|it|that"
              + "|is|in|on|over|instead|rather|from|at|-|–|—)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A verb in the third person after "option I" makes I the option ("Option I gives me the
   * most", "Option I has..."): the pronoun would say "I give". "was" serves both and is left out.
   */
  private static final Pattern THIRD_PERSON_VERB =
      Pattern.compile("\\A\\s+(?!was\\b)[a-z]*[a-rt-z]s\\b");

  /** A definition, not a decision: "choose A to be the set", "pick c such that". */
  private static final Pattern DEFINITION =
      Pattern.compile("\\A\\s+(?:to\\s+(?:be|denote|represent|mean)|such\\s+that)\\b");

  /** A reason after a lower-case b..h: "i choose c because..."; not "choose c to be 6". */
  private static final Pattern REASON = Pattern.compile("\\A\\s+(?:because|since|given)\\b");

  private static final Pattern CLOSING_MARKS = Pattern.compile("\\A[)\\]}\"'>*]+");

  private static final Pattern BEFORE_WORD = Pattern.compile("\\A\\s+[a-z]");

  /** Followed by the end, a clause's punctuation, a bracket or a dash: "C.", "C, so", "C (". */
  private static final Pattern BEFORE_PUNCTUATION =
      Pattern.compile("\\A[ \\t]*(?:[.,;:!?(\\-–—\\n]|\\z)");

  /** The right operand of a minus: "c - b", "a − (b + c)"; not "C - A would be too generous". */
  private static final Pattern MINUS_OPERAND =
      Pattern.compile("\\A.\\s*(?:[A-Za-z](?![A-Za-z])(?!\\s+[a-z]{2})|\\()");

  /** Operators that make a neighbouring letter a variable, whichever side it stands on. */
  private static final String OPERATORS = "=≠≈≡<>≤≥+*×·^∈∉⊂⊆⊃⊇∩∪∣÷";

  /** Right after the letter: a subscript, power, prime, index or call. */
  private static final Pattern ATTACHED_AFTER =
      Pattern.compile("\\A(?:[_^′]|'(?![A-Za-z])|\\(\\s*[A-Za-z]|\\[)");

  private LabelContext() {}

  /**
   * Whether the letter at {@code at} is a label. {@code marked}: written with "option"/"letter"
   * or an opening bracket or quote, as the pattern that found it says.
   */
  static boolean isLabel(String text, int at, boolean marked) {
    char c = text.charAt(at);
    marked = marked || opensBefore(text, at);
    String after = text.substring(at + 1, Math.min(text.length(), at + 40));
    if (insideToken(text, at, after)
        || isVariable(text, at, after, marked)
        || DEFINITION.matcher(after).find()) {
      return false;
    }
    String rest = CLOSING_MARKS.matcher(after).replaceFirst("");
    boolean closed = rest.length() < after.length();
    boolean word = Character.toUpperCase(c) == 'A' || Character.toUpperCase(c) == 'I';
    if (marked) {
      // "option a person would take", "for each option I compute": the article and the pronoun
      boolean beforeWord = !closed && BEFORE_WORD.matcher(rest).find();
      boolean pronoun =
          Character.toUpperCase(c) == 'I'
              && !CONNECTIVE.matcher(rest).find()
              && !THIRD_PERSON_VERB.matcher(rest).find();
      return !(word && beforeWord && (c == 'a' || pronoun));
    }
    if (closed || BEFORE_PUNCTUATION.matcher(rest).find()) {
      return true;
    }
    if (!word) {
      // B..H are no English words: upper case is a label; lower case only before a reason or a
      // non-word ("i choose c because..." yes; "c is" and "choose c to be 6" are mathematics).
      return Character.isUpperCase(c)
          || REASON.matcher(rest).find()
          || !BEFORE_WORD.matcher(rest).find();
    }
    // "A"/"I" followed by a word is a label only before a connective ("I choose A because..."); a
    // lower-case "a" or "i" followed by a word is the article or the pronoun.
    return Character.isUpperCase(c) && CONNECTIVE.matcher(rest).find();
  }

  /** An opening bracket or quote right before the letter: (C), 'C', "C". */
  private static boolean opensBefore(String text, int at) {
    int i = at - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i >= 0 && "([{\"'<".indexOf(text.charAt(i)) >= 0;
  }

  private static boolean insideToken(String text, int at, String after) {
    if (at > 0) {
      char before = text.charAt(at - 1);
      if (Character.isLetterOrDigit(before) || before == '_') {
        return true;
      }
    }
    if (after.isEmpty()) {
      return false;
    }
    char next = after.charAt(0);
    int type = Character.getType(next);
    return Character.isLetterOrDigit(next) && type != Character.MODIFIER_LETTER
        || (next == '\'' && after.length() > 1 && Character.isLetter(after.charAt(1)));
  }

  private static boolean isVariable(String text, int at, String after, boolean marked) {
    if (!after.isEmpty()) {
      char next = after.charAt(0);
      int type = Character.getType(next);
      if (type == Character.OTHER_NUMBER || type == Character.MODIFIER_LETTER) {
        return true; // c₁, a², xᵢ
      }
      if (!marked && ATTACHED_AFTER.matcher(after).find()) {
        return true;
      }
    }
    String right = after.stripLeading();
    if (!right.isEmpty()) {
      char op = right.charAt(0);
      boolean closesAngle = marked && after.charAt(0) == '>'; // <C>
      if (OPERATORS.indexOf(op) >= 0 && !closesAngle) {
        return true;
      }
      if (op == '/' && right.length() > 1 && !isLabelLetter(right.charAt(1))) {
        return true; // I/O, a/2; "A/C" is a hedge, read as one
      }
      if (isMinus(op) && MINUS_OPERAND.matcher(right).find()) {
        return true;
      }
    }
    return hasLeftOperand(text, at) || isArgument(text, at);
  }

  /** An operator before the letter with an operand before it: x = c, 2 + b, x - c, 1/b, ¬A. */
  private static boolean hasLeftOperand(String text, int at) {
    int i = at - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0) {
      return false;
    }
    char op = text.charAt(i);
    if (op == '¬' || op == '∀' || op == '∃') {
      return true;
    }
    boolean binary = OPERATORS.indexOf(op) >= 0 || op == '/' || isMinus(op);
    if (!binary) {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && text.charAt(j) == ' ') {
      j--;
    }
    if (j < 0 || text.charAt(j) == '\n') {
      return false; // "> C": a quotation mark of markdown, "- C": a bullet
    }
    char operand = text.charAt(j);
    if (op == '=' || isMinus(op) || op == '/') {
      // "answer = C", "thought - C" are decisions; "x = c", "2 - c", "(a + b) - c" are not
      boolean single = j == 0 || !Character.isLetter(text.charAt(j - 1));
      return Character.isDigit(operand)
          || operand == ')'
          || (Character.isLetter(operand) && single);
    }
    return !Character.isWhitespace(operand);
  }

  /** Inside the brackets of a call or an index on the same line: f(b), P(A), gcd(a, b), x[i]. */
  private static boolean isArgument(String text, int at) {
    int depth = 0;
    for (int i = at - 1; i >= 0 && i > at - 80; i--) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        return false;
      }
      if (ch == ')' || ch == ']') {
        depth++;
      } else if (ch == '(' || ch == '[') {
        if (depth == 0) {
          return i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
        }
        depth--;
      }
    }
    return false;
  }

  private static boolean isMinus(char c) {
    return c == '-' || c == '−' || c == '–';
  }

  private static boolean isLabelLetter(char c) {
    return (c >= 'A' && c <= 'I') || (c >= 'a' && c <= 'i');
  }
}
