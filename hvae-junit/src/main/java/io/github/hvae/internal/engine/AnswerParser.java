package io.github.hvae.internal.engine;

import io.github.hvae.instrument.ParsedAnswer;

import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a choice out of a free-text item answer, locally and without another model call. When an
 * answer does not name exactly one option it is unparseable: a choice is never guessed.
 *
 * <p>Real chat models explain before they decide, mention the options they reject, write markdown
 * or JSON, and give allocations instead of letters. The parser therefore looks for the answer in
 * tiers, strongest first, and the first tier that names anything decides:
 *
 * <ol>
 *   <li>JSON: {@code {"choice": "C"}} (also {@code answer}, {@code option}, {@code letter}...).
 *   <li>Explicit answers: {@code Final answer: C}, a line {@code Answer: (c)}, a line that is only
 *       a label ({@code C}, {@code **C**}, {@code Option C.}, {@code c)}).
 *   <li>First-person decisions: {@code I choose C}, {@code I'll go with option C}, {@code My choice
 *       is C}, {@code The best option is C}, {@code C is my choice}.
 *   <li>Conditional decisions: {@code I would choose C}, {@code I'd pick C}.
 *   <li>A label that opens the answer ({@code C. Because...}, {@code (C) ...}), one that closes
 *       it ({@code ...: C.}), or {@code C is the best option}.
 *   <li>The only option written as {@code Option C}, when no other label is mentioned.
 *   <li>A position in the order shown: {@code I choose the first option}, {@code ...the last one}.
 *   <li>An allocation that matches exactly one shown option: {@code (89, 24)}, {@code 89 for me and
 *       24 for the other}, {@code I get 89 and the other gets 24}.
 * </ol>
 *
 * Within a tier, two different labels are a contradiction and a label followed by {@code or}
 * another is a hedge: both are unparseable, as is a choice whose attached allocation belongs to
 * another option. {@code A} and {@code I} are also English words: they count as labels only where
 * a word cannot stand ({@code I choose I.}, {@code Option I}, {@code (I)}), never in {@code I think}
 * or {@code a fair split}. An answer with no choice that declines is a refusal.
 */
public final class AnswerParser {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

  /** A label, perhaps written as "option C", "(C)", "'C'". */
  private static final String LABEL =
      "(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])";

  private static final List<List<Pattern>> TIERS =
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
              Pattern.compile(
                  "^[ \\t>\\-]*(?:(?:option|letter)\\s*)?[(\\[{\"'<]?\\s*(?<label>[A-I])\\s*[)\\]}\"'>]?"
                      + "\\s*[.:!]?[ \\t]*$",
                  FLAGS)),
          // 2: first-person decisions
          List.of(
              decision(
                  "\\bi(?:\\s+will|'ll|\\s+shall|\\s+am\\s+going\\s+to|'m\\s+going\\s+to)?"
                      + "(?:\\s+(?:definitely|therefore|thus|then|also|still|personally|now))?"
                      + "\\s+(?:choose|pick|select|take|go\\s+with|go\\s+for|opt\\s+for|prefer)\\s+"),
              decision(
                  "\\bi(?:'m|\\s+am)\\s+(?:choosing|picking|selecting|taking|going\\s+with"
                      + "|going\\s+for|opting\\s+for|sticking\\s+with)\\s+"),
              decision(
                  "\\bi(?:'ve|\\s+have)?\\s+(?:chosen|chose|picked|selected|gone\\s+with|went\\s+with"
                      + "|opted\\s+for)\\s+"),
              decision(
                  "\\b(?:my|the)\\s+(?:final\\s+)?(?:(?:best|right|optimal|ideal|correct|preferred"
                      + "|most\\s+(?:appropriate|suitable|fitting|aligned|consistent|reasonable))\\s+)?"
                      + "(?:answer|choice|pick|selection|decision|preference|option)"
                      + "(?:\\s+(?:here|for\\s+me|for\\s+(?:a|an|the)\\s+[\\w-]+\\s+person"
                      + "|for\\s+this\\s+(?:question|situation|item)))?"
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
          // 4: a label that opens or closes the answer; "C is the best option"
          List.of(
              Pattern.compile(
                  "\\A\\s*(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])"
                      + "(?=\\s*[)\\]}\"'>]?\\s*(?:[.:)\\]]|\\s[-–—]\\s|\\n))",
                  FLAGS),
              Pattern.compile(
                  "[:\\-–—]\\s*(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])"
                      + "\\s*[)\\]}\"'>]?\\s*[.!]?\\s*\\z",
                  FLAGS),
              Pattern.compile(
                  "(?<![A-Za-z'])(?<kw>(?:option|letter)\\s+)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])"
                      + "[)\\]}\"'>]?\\s+(?:is|seems|looks)\\s+(?:clearly\\s+)?(?:like\\s+)?(?:the\\s+)?"
                      + "(?:(?:option|choice|one|split)\\s+(?:that\\s+)?)?"
                      + "(?:best|right|ideal|optimal|fairest|most\\s+(?:appropriate|suitable|fitting|aligned))\\b",
                  FLAGS),
              decision("\\b(?:so|therefore|thus|hence)\\s*,?\\s+"),
              decision("\\A\\s*(?:definitely|certainly|clearly|obviously|probably)\\s*,?\\s+"),
              decision(
                  "\\b(?:person|individual|someone|they|he|she)(?:\\s+\\w+)?\\s+would"
                      + "\\s+(?:choose|pick|select|go\\s+with|opt\\s+for|prefer)\\s+")),
          // 5: "Option C" alone
          List.of(Pattern.compile("\\b(?<kw>option|letter)\\s*(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])", FLAGS)));

  /** A label right after another that makes the answer a hedge: "C or D", "B/C". */
  private static final Pattern HEDGE_AFTER =
      Pattern.compile(
          "\\A\\s*[)\\]}\"'>]?\\s*(?:,\\s*)?(?:or|/|and|vs\\.?|versus|&)\\s*(?:option\\s*)?"
              + "(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])",
          FLAGS);

  private static final Pattern HEDGE_BEFORE =
      Pattern.compile(
          "(?<![A-Za-z'])(?<label>[A-I])[)\\]]?\\s*(?:or|/|vs\\.?|versus)\\s*(?:option\\s*)?[(\\[]?\\s*\\z",
          FLAGS);

  /** "maybe D", "or perhaps D": doubts about a choice already made. */
  private static final Pattern DOUBT =
      Pattern.compile(
          "\\b(?:maybe|perhaps|possibly|alternatively|or\\s+else)\\b[^.\\n]{0,20}?"
              + "(?<![A-Za-z'])(?<kw>(?:option|letter)\\s*)?(?<open>[(\\[{\"'<]\\s*)?(?<label>[A-I])",
          FLAGS);

  /** Labels B..H standing alone (A and I are also words). */
  private static final Pattern STANDALONE =
      Pattern.compile("(?<![A-Za-z'’])(?<label>[B-H])(?![A-Za-z'’])");

  private static final Pattern CONNECTIVE =
      Pattern.compile(
          "\\A\\s+(?:because|since|as|for|to|with|which|so|and|or|but|given|here|this|it|that"
              + "|is|in|on|over|instead|rather|from|at|-|–|—)\\b",
          FLAGS);

  private static final List<String> ORDINALS =
      List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth");

  /** "I choose the first option", "my choice is the last one": a position in the shown order. */
  private static final Pattern ORDINAL =
      Pattern.compile(
          "\\b(?:i(?:\\s+will|'ll|\\s+would|'d)?\\s+(?:choose|pick|select|take|go\\s+with|prefer)"
              + "|(?:my|the\\s+best)\\s+(?:answer|choice|pick|option)\\s+(?:is|would\\s+be))"
              + "\\s+the\\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|last)"
              + "\\s+(?:option|one|choice|split)\\b",
          FLAGS);

  /**
   * An amount; a sign written on it is part of it ("-7.5", "+14.5", "−3.9"), for items that show
   * losses (the SVO Ring Measure). Where no shown amount is negative the sign is ignored, as it was
   * before signed amounts were read.
   */
  private static final String NUM = "((?:[-+\u2212](?=\\d))?\\d{1,3}(?:\\.\\d+)?)";

  private static final List<Pattern> ALLOCATIONS =
      List.of(
          Pattern.compile("[(\\[]\\s*" + NUM + "\\s*[,;/]\\s*" + NUM + "\\s*[)\\]]"),
          Pattern.compile("(?<![\\d.])" + NUM + "\\s*/\\s*" + NUM + "(?![\\d.])"),
          Pattern.compile(
              NUM
                  + "\\s*(?:coins?\\s*)?(?:for|to)\\s+(?:me|myself|you|yourself|self)\\b[^\\d]{0,40}?"
                  + NUM
                  + "\\s*(?:coins?\\s*)?(?:for|to)\\s+(?:the\\s+)?(?:other|them|him|her|partner)",
              FLAGS),
          Pattern.compile(
              "\\b(?:i|you)\\s+(?:would\\s+)?(?:get|receive|keep)s?\\s+"
                  + NUM
                  + "[^\\d]{0,60}?\\b(?:other|they|them|partner)\\b[^\\d]{0,30}?\\b(?:gets?|receives?)\\s+"
                  + NUM,
              FLAGS),
          Pattern.compile(
              "\\b(?:self|me|you|mine)\"?\\s*[:=]\\s*"
                  + NUM
                  + "[^\\d]{1,40}?\\b(?:other|them|partner)\"?\\s*[:=]\\s*"
                  + NUM,
              FLAGS));

  /** "the other gets 24 and I get 89": the other's coins first. */
  private static final Pattern ALLOCATION_OTHER_FIRST =
      Pattern.compile(
          "\\b(?:the\\s+)?(?:other(?:\\s+(?:participant|person))?|they)\\s+(?:would\\s+)?(?:gets?|receives?)\\s+"
              + NUM
              + "[^\\d]{0,40}?\\b(?:i|you)\\s+(?:would\\s+)?(?:get|receive|keep)s?\\s+"
              + NUM,
          FLAGS);

  private static final Pattern REFUSAL =
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

  private static final Pattern THINK_BLOCK =
      Pattern.compile("<think>.*?(?:</think>|\\z)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private AnswerParser() {}

  private static Pattern decision(String lead) {
    return Pattern.compile(lead + LABEL, FLAGS);
  }

  /** A candidate reading: a label at a position in the cleaned text. */
  private record Found(int index, int end, boolean hedged) {}

  /** Parses an answer to an item whose options were shown as {@code shown} (label A first). */
  public static ParsedAnswer parse(String answer, List<Allocation> shown) {
    String text = clean(answer);
    if (text.isEmpty()) {
      return new ParsedAnswer.Unparseable("empty answer");
    }
    for (int tier = 0; tier < TIERS.size(); tier++) {
      List<Found> found = new ArrayList<>();
      for (Pattern pattern : TIERS.get(tier)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          if (accepts(text, m)) {
            found.add(new Found(indexOf(m), m.end("label"), hedged(text, m)));
          }
        }
      }
      if (tier == 5 && !found.isEmpty() && mentionsOtherLabels(text, found)) {
        continue;
      }
      Optional<ParsedAnswer> decided = decide(text, found, shown);
      if (decided.isPresent()) {
        return decided.get();
      }
    }
    Set<Integer> ordinals = new LinkedHashSet<>();
    Matcher ordinal = ORDINAL.matcher(text);
    while (ordinal.find()) {
      String word = ordinal.group(1).toLowerCase(java.util.Locale.ROOT);
      ordinals.add(word.equals("last") ? shown.size() - 1 : ORDINALS.indexOf(word));
    }
    if (ordinals.size() == 1) {
      return new ParsedAnswer.Choice(ordinals.iterator().next());
    }
    if (ordinals.size() > 1) {
      return new ParsedAnswer.Unparseable("names several positions as its answer");
    }
    Optional<ParsedAnswer> byAllocation = byAllocation(text, shown);
    if (byAllocation.isPresent()) {
      return byAllocation.get();
    }
    if (REFUSAL.matcher(text).find()) {
      return new ParsedAnswer.Refusal(firstLine(text));
    }
    Set<Integer> mentioned = labels(STANDALONE, text);
    if (mentioned.size() > 1) {
      return new ParsedAnswer.Unparseable(
          "mentions options " + show(mentioned) + " but decides on none");
    }
    return new ParsedAnswer.Unparseable("no option A..I chosen");
  }

  /**
   * The label of an answer that is nothing but a label ({@code C}, {@code (c)}, {@code **Option
   * C**}), as the choice extractor must answer; empty otherwise (also for {@code NONE}).
   */
  public static Optional<Integer> bareLabel(String answer) {
    String text = clean(answer);
    Matcher m = TIERS.get(1).get(2).matcher(text);
    if (text.lines().filter(l -> !l.isBlank()).count() == 1 && m.find()) {
      return Optional.of(indexOf(m));
    }
    return Optional.empty();
  }

  private static Optional<ParsedAnswer> decide(String text, List<Found> found, List<Allocation> shown) {
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Set<Integer> labels = new LinkedHashSet<>();
    found.forEach(f -> labels.add(f.index()));
    if (found.stream().anyMatch(Found::hedged)) {
      return Optional.of(new ParsedAnswer.Unparseable("hedges between options"));
    }
    if (labels.size() > 1) {
      return Optional.of(
          new ParsedAnswer.Unparseable("names several options as its answer: " + show(labels)));
    }
    int chosen = labels.iterator().next();
    Set<Integer> doubts = labels(DOUBT, text);
    doubts.remove(chosen);
    if (!doubts.isEmpty()) {
      return Optional.of(
          new ParsedAnswer.Unparseable(
              "chooses " + SliderItem.labelOf(chosen) + " but doubts with " + show(doubts)));
    }
    // An allocation written right after the label must be that option's.
    for (Found f : found) {
      String after = text.substring(f.end(), Math.min(text.length(), f.end() + 60));
      Set<Integer> attached = new LinkedHashSet<>();
      allocationsIn(after, shown, attached);
      if (attached.size() == 1 && !attached.contains(chosen)) {
        return Optional.of(
            new ParsedAnswer.Unparseable(
                "names "
                    + SliderItem.labelOf(chosen)
                    + " but the allocation of "
                    + show(attached)));
      }
    }
    return Optional.of(new ParsedAnswer.Choice(chosen));
  }

  /** Whether a matched label is a label and not the word "a" or the pronoun "I". */
  private static boolean accepts(String text, Matcher m) {
    int at = m.start("label");
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
    boolean marked = group(m, "kw") || group(m, "open");
    if (marked) {
      return true;
    }
    String rest = after.replaceFirst("\\A[)\\]}\"'>*]+", "");
    if (rest.isEmpty() || rest.matches("(?s)\\A[ \\t]*(?:[.,;:!?)\\-–—\\n].*)?")) {
      return true;
    }
    boolean word = Character.toUpperCase(c) == 'A' || Character.toUpperCase(c) == 'I';
    if (!word) {
      // B..H are no English words: upper case is a label; lower case only before a connective or
      // a non-word ("i choose c because..." yes, "c is" in prose no).
      return Character.isUpperCase(c)
          || CONNECTIVE.matcher(rest).find()
          || !rest.matches("(?s)\\A\\s+[a-z].*");
    }
    // "A"/"I" followed by a word is a label only before a connective ("I choose A because..."); a
    // lower-case "a" or "i" followed by a word is the article or the pronoun.
    return Character.isUpperCase(c) && CONNECTIVE.matcher(rest).find();
  }

  private static boolean hedged(String text, Matcher m) {
    int chosen = indexOf(m);
    Matcher after = HEDGE_AFTER.matcher(text.substring(m.end("label")));
    if (after.find()
        && SliderItem.indexOf(after.group("label").charAt(0)) != chosen
        && acceptsAt(text, m.end("label") + after.start("label"), after.group("open") != null)) {
      return true;
    }
    Matcher before = HEDGE_BEFORE.matcher(text.substring(0, m.start()));
    return before.find()
        && SliderItem.indexOf(before.group("label").charAt(0)) != chosen
        && Character.isUpperCase(before.group("label").charAt(0))
        && before.group("label").charAt(0) != 'I'
        && before.group("label").charAt(0) != 'A';
  }

  private static boolean acceptsAt(String text, int at, boolean marked) {
    Matcher m = Pattern.compile("(?<kw>)?(?<open>)?(?<label>[A-Ia-i])").matcher(text);
    if (!m.find(at) || m.start() != at) {
      return false;
    }
    if (marked) {
      return true;
    }
    char c = text.charAt(at);
    if (!Character.isUpperCase(c)) {
      return false;
    }
    return accepts(text, m);
  }

  private static boolean mentionsOtherLabels(String text, List<Found> found) {
    Set<Integer> options = new LinkedHashSet<>();
    found.forEach(f -> options.add(f.index()));
    if (options.size() != 1) {
      return false; // several "Option X": let decide() call it a contradiction
    }
    Set<Integer> standalone = labels(STANDALONE, text);
    standalone.removeAll(options);
    return !standalone.isEmpty();
  }

  private static Optional<ParsedAnswer> byAllocation(String text, List<Allocation> shown) {
    Set<Integer> found = new LinkedHashSet<>();
    allocationsIn(text, shown, found);
    if (found.size() == 1) {
      return Optional.of(new ParsedAnswer.Choice(found.iterator().next()));
    }
    if (found.size() > 1) {
      return Optional.of(new ParsedAnswer.Unparseable("names several allocations: " + show(found)));
    }
    return Optional.empty();
  }

  private static void allocationsIn(String text, List<Allocation> shown, Set<Integer> found) {
    for (Pattern pattern : ALLOCATIONS) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        matchAllocation(shown, m.group(1), m.group(2), found);
      }
    }
    Matcher reversed = ALLOCATION_OTHER_FIRST.matcher(text);
    while (reversed.find()) {
      matchAllocation(shown, reversed.group(2), reversed.group(1), found);
    }
  }

  private static void matchAllocation(
      List<Allocation> shown, String self, String other, Set<Integer> found) {
    double s = amount(self);
    double o = amount(other);
    if (shown.stream().allMatch(a -> a.self() >= 0 && a.other() >= 0)) {
      s = Math.abs(s);
      o = Math.abs(o);
    }
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i).self() == s && shown.get(i).other() == o) {
        found.add(i);
      }
    }
  }

  private static double amount(String written) {
    return Double.parseDouble(written.replace('\u2212', '-'));
  }

  /** Markdown, LaTeX boxes, smart quotes and reasoning blocks removed; case kept. */
  static String clean(String answer) {
    String text = THINK_BLOCK.matcher(answer).replaceAll(" ");
    text =
        text.replace('“', '"')
            .replace('”', '"')
            .replace('‘', '\'')
            .replace('’', '\'')
            .replace('\u00a0', ' ');
    text = text.replaceAll("\\\\boxed\\{\\s*(?:\\\\text\\{)?([^{}]*?)\\}?\\s*\\}", "$1");
    text = text.replaceAll("[*`$]+", "");
    text = text.replaceAll("(?m)^[ \\t]*#+[ \\t]*", "");
    text = text.replaceAll("(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])", "");
    return text.strip();
  }

  private static boolean group(Matcher m, String name) {
    try {
      return m.group(name) != null && !m.group(name).isEmpty();
    } catch (IllegalArgumentException noSuchGroup) {
      return false;
    }
  }

  private static int indexOf(Matcher m) {
    return SliderItem.indexOf(m.group("label").charAt(0));
  }

  private static Set<Integer> labels(Pattern pattern, String text) {
    Set<Integer> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      if (pattern != DOUBT || accepts(text, matcher)) {
        found.add(SliderItem.indexOf(matcher.group("label").charAt(0)));
      }
    }
    return found;
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
