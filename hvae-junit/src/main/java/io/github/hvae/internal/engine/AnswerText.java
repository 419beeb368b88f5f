package io.github.hvae.internal.engine;

import java.util.List;
import java.util.regex.Pattern;

/** An answer cleaned for reading: reasoning blocks, smart quotes, markdown and LaTeX boxes removed. */
final class AnswerText {

  private static final Pattern THINK_BLOCK =
      Pattern.compile("<think>.*?(?:</think>|\\z)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern BOXED =
      Pattern.compile("\\\\boxed\\{\\s*(?:\\\\text\\{)?([^{}]*?)\\}?\\s*\\}");

  /** Emphasis and code marks, then heading marks, then underscores that are no part of a name. */
  private static final List<Pattern> MARKDOWN =
      List.of(
          Pattern.compile("[*`$]+"),
          Pattern.compile("(?m)^[ \\t]*#+[ \\t]*"),
          Pattern.compile("(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])"));

  private AnswerText() {}

  /** The answer without reasoning blocks, smart quotes, markdown and LaTeX boxes; case kept. */
  static String clean(String answer) {
    String text = THINK_BLOCK.matcher(answer).replaceAll(" ");
    text =
        text.replace('“', '"')
            .replace('”', '"')
            .replace('‘', '\'')
            .replace('’', '\'')
            .replace('\u00a0', ' ');
    text = BOXED.matcher(text).replaceAll("$1");
    for (Pattern mark : MARKDOWN) {
      text = mark.matcher(text).replaceAll("");
    }
    return text.strip();
  }
}
