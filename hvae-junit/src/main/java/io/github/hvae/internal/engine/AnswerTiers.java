package io.github.hvae.internal.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrases that state a choice, strongest first (see {@link AnswerParser}). Every pattern
 * names the label's group {@code label}, and {@code kw} / {@code open} when the label was written
 * with "option" or an opening bracket; {@link LabelContext} then decides whether the letter found
 * is a label at all.
 *
 * <p>A letter needs a decision around it: a lead phrase ({@code Final answer:}, {@code I choose}),
 * a line of its own, or a place that opens or closes the answer. The weak leads ({@code so C},
 * {@code C is the best}) require the letter to end its clause or to be a capital, because
 * mathematics writes {@code so b is even} and {@code Thus B is invertible}.
 */
final class AnswerTiers {

  static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

  /** A label, perhaps written as "option C", "(C)", "'C'". */
  static final String LABEL =
      "(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])";

  /**
   * After a weak lead, the label must end its clause ("so E.", "so E, the fairest", "so E it is"),
   * not start one ("so b is even"), nor a list ("so a, b, c are odd").
   */
  private static final String ENDS_CLAUSE =
      "(?=\\s*[)\\]}\"'>]?\\s*(?:[.!;\\n]|\\z|,(?!\\s*[A-I](?![A-Z]))"
          + "|\\s+(?:because|since|as|which|given|for|it\\s+is)\\b|\\s[-–—]\\s))";

  /** A line that is only a label: C, **C**, (c), Option C., Choice C, > C. */
  static final Pattern LINE_ONLY_LABEL =
      Pattern.compile(
          "^[ \\t>\\-]*(?:(?:option|letter|choice|answer)\\s*)?[(\\[{\"'<]?\\s*(?<label>[A-I])\\s*[)\\]}\"'>]?"
              + "\\s*[.:!]?[ \\t]*$",
          FLAGS);

  /**
   * A label opening the answer or its last paragraph: "C. Because...", "(C) ...", "A: both...".
   * Used with a region that starts there.
   */
  static final Pattern OPENER =
      Pattern.compile(
          "\\A\\s*(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])"
              + "(?=\\s*[)\\]}\"'>]?\\s*(?:[.:)\\]]|\\s[-–—]\\s|\\n))",
          FLAGS);

  /** The tier that {@link #OPENER} belongs to. */
  static final int OPENER_TIER = 4;

  static final int OPTION_ALONE_TIER = 5;

  static final List<List<Pattern>> TIERS =
      List.of(
          // 0: JSON
          List.of(
              Pattern.compile(
                  "\"(?:final[_ ]?answer|final[_ ]?choice|choice|answer|option|letter|selection"
                      + "|selected[_ ]?option|chosen[_ ]?option|decision)\"\\s*:\\s*"
                      // the value's opening quote is LABEL's "open" mark: a quoted A or I is a
                      // label even where JSON padding follows ({"choice": "A" })
                      + LABEL
                      + "\\s*[.)]?\\s*\"",
                  FLAGS)),
          // 1: explicit answers
          List.of(
              decision(
                  "\\b(?:final|ultimate)\\s+(?:answer|choice|decision|selection|pick)"
                      + "(?:\\s+(?:is|would\\s+be|will\\s+be))?\\s*[:=\\-]?\\s*"),
              decision(
                  "(?:^|[.!?]\\s+)\\s*(?:(?:my|the)\\s+)?(?:answer|choice|selection|selected\\s+option"
                      + "|chosen\\s+option|decision|pick|option\\s+chosen|response)\\s*[:=]\\s*"),
              LINE_ONLY_LABEL),
          // 2: first-person decisions
          List.of(
              decision(
                  "\\bi(?:\\s+will|'ll|\\s+shall|\\s+am\\s+going\\s+to|'m\\s+going\\s+to)?"
                      + "(?:\\s+(?:definitely|therefore|thus|then|also|still|personally|now))?"
                      + "\\s+(?:choose|pick|select|take|go\\s+with|go\\s+for|opt\\s+for|prefer)\\s+"),
              decision(
                  "\\blet(?:'s|\\s+us|\\s+me)\\s+(?:choose|pick|go\\s+with|go\\s+for|opt\\s+for)\\s+"),
              decision(
                  "\\bi(?:'m|\\s+am)\\s+(?:choosing|picking|selecting|taking|going\\s+with"
                      + "|going\\s+for|opting\\s+for|sticking\\s+with)\\s+"),
              decision(
                  "\\bi(?:'ve|\\s+have)?\\s+(?:chosen|chose|picked|selected|gone\\s+with|went\\s+with"
                      + "|opted\\s+for)\\s+"),
              // "my choice is C", "the option that best fits my values is C"
              decision(
                  "\\b(?:my|the)\\s+(?:final\\s+)?(?:(?:best|right|optimal|ideal|correct|preferred"
                      + "|most\\s+(?:appropriate|suitable|fitting|aligned|consistent|reasonable))\\s+)?"
                      + "(?:answer|choice|pick|selection|decision|preference|option)"
                      + "(?:\\s+(?:here|for\\s+me|for\\s+(?:a|an|the)\\s+[\\w-]+\\s+person"
                      + "|for\\s+this\\s+(?:question|situation|item)"
                      // "the option that best fits my values", not "the option that maximises X"
                      + "|(?:that|which)\\s+(?:best|most)\\s+[^.!?\\n:;()\\d]{0,50}?"
                      + "|most\\s+(?:consistent|aligned|in\\s+line)\\s+with\\s+[^.!?\\n:;()\\d]{0,40}?))?"
                      + "\\s*(?:(?:is|would\\s+be|will\\s+be|remains)\\s*[:=]?|[:=])\\s*"),
              Pattern.compile(
                  "(?<![A-Za-z'])(?<kw>(?:option|letter)\\s+)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])"
                      + "[)\\]}\"'>]?\\s+(?:is|will\\s+be|remains)\\s+my\\s+(?:final\\s+)?"
                      + "(?:answer|choice|pick|selection|decision)",
                  FLAGS),
              decision("\\bgoing\\s+with\\s+")),
          // 3: conditional decisions
          List.of(
              decision(
                  "\\bi(?:\\s+would|'d)(?:\\s+(?:have\\s+to|probably|likely|definitely|rather))?"
                      + "\\s+(?:choose|pick|select|take|go\\s+with|go\\s+for|opt\\s+for|prefer|say"
                      + "|answer)\\s+")),
          // 4: a label that closes the answer; "C is the best option"; "so C." (and OPENER)
          List.of(
              Pattern.compile(
                  "[:\\-–—]\\s*(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])"
                      + "\\s*[)\\]}\"'>]?\\s*[.!]?\\s*\\z",
                  FLAGS),
              Pattern.compile(
                  "(?<![A-Za-z'])(?<kw>(?:option|letter)\\s+)?(?<open>[(\\[{\"'<]\\s*)?"
                      + "(?<label>(?-i:[A-I]))"
                      + "[)\\]}\"'>]?\\s+(?:is|seems|looks)\\s+(?:clearly\\s+)?(?:like\\s+)?(?:the\\s+)?"
                      + "(?:(?:option|choice|one|split)\\s+(?:that\\s+)?)?"
                      + "(?:best|right|ideal|optimal|fairest|most\\s+(?:appropriate|suitable|fitting|aligned))\\b",
                  FLAGS),
              Pattern.compile("\\b(?:so|therefore|thus|hence)\\s*,?\\s+" + LABEL + ENDS_CLAUSE, FLAGS),
              decision("\\A\\s*(?:definitely|certainly|clearly|obviously|probably)\\s*,?\\s+"),
              decision(
                  "\\b(?:person|individual|someone|they|he|she)(?:\\s+\\w+)?\\s+would"
                      + "\\s+(?:choose|pick|select|go\\s+with|opt\\s+for|prefer)\\s+")),
          // 5: "Option C" alone
          List.of(
              Pattern.compile(
                  "\\b(?<kw>option|letter)\\s*(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])", FLAGS)));

  /** A label right after another that makes the answer a hedge: "C or D", "B/C". */
  static final Pattern HEDGE_AFTER =
      Pattern.compile(
          "\\A\\s*[)\\]}\"'>]?\\s*(?:,\\s*)?(?:or|/|and|vs\\.?|versus|&)\\s*(?:option\\s*)?"
              + "(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])",
          FLAGS);

  static final Pattern HEDGE_BEFORE =
      Pattern.compile(
          "(?<![A-Za-z'])(?<label>[A-I])[)\\]]?\\s*(?:or|/|vs\\.?|versus)\\s*(?:option\\s*)?[(\\[]?\\s*\\z",
          FLAGS);

  /** "maybe D", "or perhaps D": doubts about a choice already made. */
  static final Pattern DOUBT =
      Pattern.compile(
          "\\b(?:maybe|perhaps|possibly|alternatively|or\\s+else)\\b[^.\\n]{0,20}?"
              + "(?<![A-Za-z'])(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])",
          FLAGS);

  /** Labels B..H standing alone (A and I are also words). */
  static final Pattern STANDALONE =
      Pattern.compile("(?<![A-Za-z0-9'’])(?<label>[B-H])(?![A-Za-z0-9'’])");

  static final List<String> ORDINALS =
      List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth");

  /** "I choose the first option", "my choice is the last one": a position in the shown order. */
  static final Pattern ORDINAL =
      Pattern.compile(
          "\\b(?:i(?:\\s+will|'ll|\\s+would|'d)?\\s+(?:choose|pick|select|take|go\\s+with|prefer)"
              + "|(?:my|the\\s+best)\\s+(?:answer|choice|pick|option)\\s+(?:is|would\\s+be))"
              + "\\s+the\\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|last)"
              + "\\s+(?:option|one|choice|split)\\b",
          FLAGS);

  static final Pattern REFUSAL =
      Pattern.compile(
          "\\bi\\s*(?:can(?:no|'|’)?t|won(?:'|’)t|will\\s+not|am\\s+(?:not\\s+able|unable)"
              + "|(?:'|’)m\\s+(?:not\\s+able|unable)|must\\s+decline|have\\s+to\\s+decline|decline"
              + "|refuse|prefer\\s+not|would\\s+rather\\s+not|(?:'|’)d\\s+rather\\s+not"
              + "|do\\s+not\\s+feel\\s+comfortable|don(?:'|’)t\\s+feel\\s+comfortable"
              + "|(?:am|(?:'|’)m)\\s+not\\s+comfortable)"
              + "(?!\\s+(?:decide|tell|choose\\s+between|pick\\s+between))"
              + "|\\bas\\s+an\\s+(?:ai|artificial|language\\s+model|assistant)"
              + "|\\bi\\s+(?:do\\s+not|don(?:'|’)t)\\s+have\\s+(?:personal\\s+)?(?:preferences|opinions"
              + "|feelings|desires|values|a\\s+preference|the\\s+ability)"
              + "|\\b(?:i(?:'|’)m|i\\s+am)\\s+(?:sorry|afraid),?\\s+(?:but\\s+)?i\\b"
              + "|\\bnot\\s+appropriate\\s+for\\s+me|\\bnone\\s+of\\s+(?:the|these)\\s+options"
              + "|\\b(?:would\\s+not|wouldn(?:'|’)t|will\\s+not|won(?:'|’)t)\\s+choose\\s+any",
          Pattern.CASE_INSENSITIVE);

  private AnswerTiers() {}

  private static Pattern decision(String lead) {
    return Pattern.compile(lead + LABEL, FLAGS);
  }
}
