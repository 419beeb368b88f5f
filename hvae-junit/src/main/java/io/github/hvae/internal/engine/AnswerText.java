package io.github.hvae.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer prepared for reading, in two views.
 *
 * <p>{@code full} is the answer cleaned of what only decorates it: reasoning blocks, smart quotes,
 * markdown emphasis and headings, LaTeX boxes around a label. JSON is read here.
 *
 * <p>{@code prose} is {@code full} with every region that cannot state a choice masked, so that a
 * single letter there is never read as an option: code (fenced and inline), mathematics ({@code
 * $...$}, {@code $$...$$}, {@code \(...\)}, {@code \[...\]}), the markers of an enumeration ({@code
 * a) ... b) ...}, {@code I. ... II. ...}), questions and if-clauses (a supposed option is no
 * decision). A code or math span holding nothing but a label ({@code `C`}, {@code $C$}) is the
 * label, not code. The labels, decisions and allocations are read in this view.
 */
record AnswerText(String full, String prose) {

  /** What a masked region becomes: no letter, no digit, no sentence punctuation. */
  static final String MASK = "□";

  private static final Pattern THINK_BLOCK =
      Pattern.compile("<think>.*?(?:</think>|\\z)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern BOXED =
      Pattern.compile(
          "\\\\boxed\\{\\s*(?:\\\\(?:text|textbf|mathrm|mathbf)\\{)?([^{}]*?)\\}?\\s*\\}");

  /** A span's content that is nothing but a label: C, (c), Option C, \text{C}. */
  private static final Pattern LABEL_ONLY =
      Pattern.compile(
          "\\A\\s*(?:\\\\(?:text|mathrm|textbf|mathbf)\\{)?\\s*(?:(?:option|letter)\\s*)?"
              + "[(\\[]?\\s*[A-Ia-i]\\s*[)\\]]?\\s*\\}?\\s*\\.?\\s*\\z",
          Pattern.CASE_INSENSITIVE);

  /**
   * Code and mathematics, whichever opens first; at one place the longest delimiter. Inline math
   * follows the markdown convention that keeps prices apart ({@code $5 and $10}): no space inside
   * either dollar sign, and no digit right after the closing one. An unclosed code fence runs to
   * the end, as in an answer cut off by the token limit.
   */
  private static final Pattern CODE_OR_MATH =
      Pattern.compile(
          String.join(
              "|",
              "```[^\\n]*\\n?.*?(?:```|\\z)",
              "`[^`\\n]+`",
              "\\$\\$.+?\\$\\$",
              "\\\\\\[.+?\\\\\\]",
              "\\\\\\(.+?\\\\\\)",
              "\\$(?=\\S)[^$\\n]+?(?<=\\S)\\$(?!\\d)"),
          Pattern.DOTALL);

  private static final Pattern DELIMITERS =
      Pattern.compile(
          "\\A(?:```[^\\n]*|`|\\$\\$|\\$|\\\\\\[|\\\\\\()"
              + "|(?:```|`|\\$\\$|\\$|\\\\\\]|\\\\\\))\\z");

  /** Emphasis and code marks, then heading marks, then underscores that are no part of a name. */
  private static final List<Pattern> MARKDOWN =
      List.of(
          Pattern.compile("[*`$]+"),
          Pattern.compile("(?m)^[ \\t]*#+[ \\t]*"),
          Pattern.compile("(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])"));

  private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\[a-z]+\\{|\\}");

  /**
   * A marker that opens a line: {@code a)}, {@code (b)}, {@code C.}, {@code II:}. Groups: the
   * opening bracket, the letters, the closing mark.
   */
  private static final Pattern LINE_MARKER =
      Pattern.compile("(?m)^[ \\t>\\-]*(\\(?)([A-Ia-i]|[IVXivx]{1,4})([.):\\]])");

  /** A bracketed marker inside a line, "Part (a): ...": evidence of a sequence, never masked. */
  private static final Pattern INLINE_MARKER =
      Pattern.compile("(?<![A-Za-z0-9(])(\\()([A-Ia-i]|[IVXivx]{1,4})(\\))");

  /** A question: from the start of its sentence to the question mark. */
  private static final Pattern QUESTION =
      Pattern.compile("(?m)(?:^|(?<=[.!?:]\\s))[^.!?\\n]*\\?");

  /** An if-clause, to the next comma or end of sentence: "If I choose C, ...". */
  private static final Pattern IF_CLAUSE =
      Pattern.compile(
          "\\b(?:if|suppose|supposing|whether|unless)\\b[^,;:.!?\\n]*", Pattern.CASE_INSENSITIVE);

  private static final List<String> ROMAN =
      List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII");

  static AnswerText of(String answer) {
    String text = THINK_BLOCK.matcher(answer).replaceAll(" ");
    text =
        text.replace('“', '"')
            .replace('”', '"')
            .replace('‘', '\'')
            .replace('’', '\'')
            .replace('\u00a0', ' ');
    if (text.contains("\\boxed")) {
      text = BOXED.matcher(text).replaceAll("$1");
    }
    String prose = text;
    if (prose.indexOf('`') >= 0 || prose.indexOf('$') >= 0 || prose.indexOf('\\') >= 0) {
      prose = replace(CODE_OR_MATH, prose, AnswerText::labelOrMask);
    }
    prose = withoutMarkdown(prose);
    prose = maskEnumerations(prose);
    if (prose.indexOf('?') >= 0) {
      prose = replace(QUESTION, prose, question -> MASK);
    }
    prose = replace(IF_CLAUSE, prose, clause -> MASK);
    return new AnswerText(withoutMarkdown(text), prose);
  }

  /** The span's label if that is all it holds, otherwise the mask. */
  private static String labelOrMask(String span) {
    String content = DELIMITERS.matcher(span).replaceAll("");
    return LABEL_ONLY.matcher(content).matches()
        ? LATEX_COMMAND.matcher(content).replaceAll("").strip()
        : MASK;
  }

  private static String withoutMarkdown(String text) {
    for (Pattern mark : MARKDOWN) {
      text = mark.matcher(text).replaceAll("");
    }
    return text.strip();
  }

  /**
   * Masks line markers that continue or are continued by the marker of the same style next to
   * them ({@code a)} then {@code b)}, {@code I.} then {@code II.}, {@code Part (a)} then a line
   * {@code (b) ...}): they number the parts of an explanation or echo the options. A {@code C.}
   * that opens a line on its own, or repeats one option after the list, is left to be read.
   */
  private static String maskEnumerations(String text) {
    Map<String, List<Marker>> byStyle = new HashMap<>();
    Map<Integer, Marker> all = new TreeMap<>();
    for (Pattern pattern : List.of(LINE_MARKER, INLINE_MARKER)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        all.putIfAbsent(m.start(2), Marker.of(m, pattern == LINE_MARKER));
      }
    }
    for (Marker marker : all.values()) {
      byStyle.computeIfAbsent(marker.style(), style -> new ArrayList<>()).add(marker);
    }
    StringBuilder masked = new StringBuilder(text);
    for (List<Marker> markers : byStyle.values()) {
      for (int i = 0; i < markers.size(); i++) {
        Marker marker = markers.get(i);
        boolean enumerated =
            (i > 0 && marker.follows(markers.get(i - 1)))
                || (i + 1 < markers.size() && markers.get(i + 1).follows(marker));
        if (enumerated && marker.opensLine()) {
          for (int j = marker.start(); j < marker.end(); j++) {
            masked.setCharAt(j, j == marker.start() ? MASK.charAt(0) : ' ');
          }
        }
      }
    }
    return masked.toString();
  }

  /** A marker's letters (as a letter A..I and as a roman numeral) and its style: brackets, case. */
  private record Marker(
      int start, int end, String style, int letter, int numeral, boolean opensLine) {

    static Marker of(Matcher m, boolean opensLine) {
      String letters = m.group(2);
      String letterCase = Character.isUpperCase(letters.charAt(0)) ? "U" : "l";
      String style = m.group(1) + m.group(3) + letterCase;
      int letter = letters.length() == 1 ? Character.toUpperCase(letters.charAt(0)) - 'A' : -10;
      return new Marker(m.start(2), m.end(3), style, letter, roman(letters), opensLine);
    }

    boolean follows(Marker previous) {
      return letter - previous.letter == 1 || numeral - previous.numeral == 1;
    }
  }

  /** The value of a roman numeral up to XII; -10 when it is none. */
  private static int roman(String letters) {
    int index = ROMAN.indexOf(letters.toUpperCase(Locale.ROOT));
    return index < 0 ? -10 : index + 1;
  }

  private static String replace(Pattern pattern, String text, Function<String, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m.group())));
    }
    return m.appendTail(sb).toString();
  }
}
