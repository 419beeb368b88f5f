package io.github.hvae.protocol;

import io.github.hvae.svo.Allocation;
import io.github.hvae.svo.SliderItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a choice out of a free-text item answer, locally and without another model call. When an
 * answer does not name exactly one option it is unparseable: a choice is never guessed.
 */
public final class AnswerParser {

  private static final String L = "([A-Ia-i])";

  /** The whole answer is one label, perhaps decorated: "C", "c)", "(C)", "**C**", "Option C.". */
  private static final Pattern BARE =
      Pattern.compile(
          "^[\\s*_`\"'(\\[]*(?:option|choice|answer)?\\s*[:\\-]?\\s*[*_`\"'(\\[]*"
              + L
              + "[*_`\"')\\].:!]*\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** A label that opens the answer followed by a delimiter: "C. Because...", "**C** - ...". */
  private static final Pattern LEADING =
      Pattern.compile("^[\\s*_`\"'(\\[]*" + L + "(?:[*_`\"')\\]]*[.:)\\-,]|[*_`\"')\\]]+\\s)");

  /** Phrases that announce a decision, followed by a label. */
  private static final Pattern DECISION =
      Pattern.compile(
          "(?:final answer|my answer|answer|my choice|choice|i (?:would |will |'ll |shall )?"
              + "(?:choose|pick|select|go with|opt for)|i'd (?:choose|pick|select|go with)"
              + "|i am choosing|i'm choosing|i choose|selected|decision)"
              + "\\s*(?:is|would be|:|-|=)?\\s*(?:option|letter)?\\s*[*_`\"'(\\[]*"
              + "([A-I])(?![A-Za-z])",
          Pattern.CASE_INSENSITIVE);

  /** "Option C" anywhere. */
  private static final Pattern OPTION_WORD =
      Pattern.compile("\\boption\\s*[*_`\"'(\\[]*([A-I])(?![A-Za-z])", Pattern.CASE_INSENSITIVE);

  private static final Pattern JSON_CHOICE =
      Pattern.compile(
          "\"(?:choice|answer|option|letter)\"\\s*:\\s*\"\\s*([A-Ia-i])\\s*\"",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PAIR =
      Pattern.compile("\\(\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*\\)");

  private static final Pattern FOR_ME_FOR_OTHER =
      Pattern.compile(
          "(\\d{1,3})\\s*(?:coins\\s*)?(?:for me|for myself|to me|for you|to myself)\\D{0,40}?"
              + "(\\d{1,3})\\s*(?:coins\\s*)?(?:for|to) (?:the )?other",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern REFUSAL =
      Pattern.compile(
          "\\b(?:i (?:can(?:no|')t|cannot|won't|will not|am not able to|'m not able to|am unable"
              + " to|'m unable to|must decline|decline to|do not feel comfortable|don't feel"
              + " comfortable|prefer not to)|as an ai\\b|i'm sorry, but|i am sorry, but"
              + "|not appropriate for me)",
          Pattern.CASE_INSENSITIVE);

  private AnswerParser() {}

  /**
   * Parses an answer to an item whose options were shown as {@code shown} (label A first).
   */
  public static ParsedAnswer parse(String answer, List<Allocation> shown) {
    String text = answer.strip();
    if (text.isEmpty()) {
      return new ParsedAnswer.Unparseable("empty answer");
    }
    Matcher json = JSON_CHOICE.matcher(text);
    if (json.find()) {
      return choice(json.group(1));
    }
    Matcher bare = BARE.matcher(text);
    if (bare.matches()) {
      return choice(bare.group(1));
    }
    Set<Integer> decided = labels(DECISION, text);
    if (decided.size() == 1) {
      return new ParsedAnswer.Choice(decided.iterator().next());
    }
    if (decided.size() > 1) {
      return new ParsedAnswer.Unparseable("names several options as its decision: " + show(decided));
    }
    Matcher leading = LEADING.matcher(text);
    if (leading.find() && !startsWithPronounI(text, leading)) {
      return choice(leading.group(1));
    }
    Set<Integer> options = labels(OPTION_WORD, text);
    if (options.size() == 1) {
      return new ParsedAnswer.Choice(options.iterator().next());
    }
    ParsedAnswer byAllocation = byAllocation(text, shown);
    if (byAllocation != null) {
      return byAllocation;
    }
    if (REFUSAL.matcher(text).find()) {
      return new ParsedAnswer.Refusal(firstLine(text));
    }
    if (options.size() > 1) {
      return new ParsedAnswer.Unparseable("mentions several options: " + show(options));
    }
    return new ParsedAnswer.Unparseable("no option A..I found");
  }

  private static boolean startsWithPronounI(String text, Matcher leading) {
    // "I think..." / "I'd go..." open with the pronoun, not option I.
    return leading.group(1).equals("I")
        && text.substring(leading.end(1)).matches("(?s)^(?:'|\\s+[a-z]).*");
  }

  private static ParsedAnswer byAllocation(String text, List<Allocation> shown) {
    Set<Integer> found = new LinkedHashSet<>();
    Matcher pair = PAIR.matcher(text);
    while (pair.find()) {
      matchAllocation(shown, pair.group(1), pair.group(2), found);
    }
    Matcher words = FOR_ME_FOR_OTHER.matcher(text);
    while (words.find()) {
      matchAllocation(shown, words.group(1), words.group(2), found);
    }
    if (found.size() == 1) {
      return new ParsedAnswer.Choice(found.iterator().next());
    }
    if (found.size() > 1) {
      return new ParsedAnswer.Unparseable("names several allocations: " + show(found));
    }
    return null;
  }

  private static void matchAllocation(
      List<Allocation> shown, String self, String other, Set<Integer> found) {
    double s = Double.parseDouble(self);
    double o = Double.parseDouble(other);
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i).self() == s && shown.get(i).other() == o) {
        found.add(i);
      }
    }
  }

  private static Set<Integer> labels(Pattern pattern, String text) {
    Set<Integer> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(SliderItem.indexOf(matcher.group(1).charAt(0)));
    }
    return found;
  }

  private static ParsedAnswer choice(String label) {
    return new ParsedAnswer.Choice(SliderItem.indexOf(label.charAt(0)));
  }

  private static String show(Set<Integer> indices) {
    StringBuilder sb = new StringBuilder();
    for (int index : indices) {
      sb.append(sb.isEmpty() ? "" : ", ").append(SliderItem.labelOf(index));
    }
    return sb.toString();
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }
}
