package io.github.hvae.internal.engine;

import static io.github.hvae.internal.engine.AnswerTiers.DOUBT;
import static io.github.hvae.internal.engine.AnswerTiers.HEDGE_AFTER;
import static io.github.hvae.internal.engine.AnswerTiers.HEDGE_BEFORE;
import static io.github.hvae.internal.engine.AnswerTiers.TIERS;

import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 *       is C}, {@code The option that best fits my values is C}, {@code C is my choice}.
 *   <li>Conditional decisions: {@code I would choose C}, {@code I'd pick C}.
 *   <li>A label that opens the answer or its last paragraph ({@code C. Because...}, {@code (C)
 *       ...}), one that closes it ({@code ...: C.}), {@code C is the best option}, {@code so C.}
 *   <li>The only option written as {@code Option C}, when no other label is mentioned.
 *   <li>A position in the order shown: {@code I choose the first option}, {@code ...the last one}.
 *   <li>An allocation that matches exactly one shown option: {@code (89, 24)}, {@code 89 for me and
 *       24 for the other}, {@code I get 89 and the other gets 24}.
 * </ol>
 *
 * Within a tier, two different labels are a contradiction and a label followed by {@code or}
 * another is a hedge: both are unparseable, as is a choice whose attached allocation belongs to
 * another option. An answer with no choice that declines is a refusal.
 *
 * <p>Prose that names no option is never read as a choice. Models reason in mathematics and code
 * where single letters are variables ({@code c_1 = 0}, {@code f(b)}, {@code Let A be the set}),
 * number their explanations ({@code a) ... b) ...}) and suppose options they do not take ({@code
 * If I choose C, ...}). Every tier after JSON therefore reads the answer's prose, with code,
 * mathematics, enumeration markers, questions and if-clauses masked ({@link AnswerText}), and a
 * letter counts only where its neighbours make it a label ({@link LabelContext}): not next to an
 * operator, not as an argument, not before a definition, and {@code A} and {@code I} not as the
 * article and the pronoun.
 */
public final class AnswerParser {

  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

  private AnswerParser() {}

  /** A candidate reading: a label at a position in the text read. */
  private record Found(int index, int end, boolean hedged) {}

  /** Parses an answer to an item whose options were shown as {@code shown} (label A first). */
  public static ParsedAnswer parse(String answer, List<Allocation> shown) {
    AnswerText text = AnswerText.of(answer);
    if (text.full().isEmpty()) {
      return new ParsedAnswer.Unparseable("empty answer");
    }
    String prose = text.prose();
    for (int tier = 0; tier < TIERS.size(); tier++) {
      String read = tier == 0 ? text.full() : prose;
      List<Found> found = new ArrayList<>();
      for (Pattern pattern : TIERS.get(tier)) {
        collect(read, pattern.matcher(read), found);
      }
      if (tier == AnswerTiers.OPENER_TIER) {
        for (int start : openings(prose)) {
          collect(prose, AnswerTiers.OPENER.matcher(prose).region(start, prose.length()), found);
        }
      }
      if (tier == AnswerTiers.OPTION_ALONE_TIER && mentionsOtherLabels(text.full(), found)) {
        continue;
      }
      Optional<ParsedAnswer> decided = decide(read, found, shown);
      if (decided.isPresent()) {
        return decided.get();
      }
    }
    Set<Integer> ordinals = new LinkedHashSet<>();
    Matcher ordinal = AnswerTiers.ORDINAL.matcher(prose);
    while (ordinal.find()) {
      String word = ordinal.group(1).toLowerCase(Locale.ROOT);
      ordinals.add(word.equals("last") ? shown.size() - 1 : AnswerTiers.ORDINALS.indexOf(word));
    }
    if (ordinals.size() == 1) {
      return new ParsedAnswer.Choice(ordinals.iterator().next());
    }
    if (ordinals.size() > 1) {
      return new ParsedAnswer.Unparseable("names several positions as its answer");
    }
    Set<Integer> allocations = AllocationMentions.in(prose, shown);
    if (allocations.size() == 1) {
      return new ParsedAnswer.Choice(allocations.iterator().next());
    }
    if (allocations.size() > 1) {
      return new ParsedAnswer.Unparseable("names several allocations: " + show(allocations));
    }
    if (AnswerTiers.REFUSAL.matcher(text.full()).find()) {
      return new ParsedAnswer.Refusal(firstLine(text.full()));
    }
    Set<Integer> mentioned = labels(AnswerTiers.STANDALONE, text.full(), false);
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
    String text = AnswerText.of(answer).prose();
    Matcher m = AnswerTiers.LINE_ONLY_LABEL.matcher(text);
    if (text.lines().filter(l -> !l.isBlank()).count() == 1 && m.find()) {
      return Optional.of(indexOf(m));
    }
    return Optional.empty();
  }

  private static void collect(String text, Matcher m, List<Found> found) {
    while (m.find()) {
      if (LabelContext.isLabel(text, m.start("label"), marked(m))) {
        found.add(new Found(indexOf(m), m.end("label"), hedged(text, m)));
      }
    }
  }

  /** Where a label may open the answer: its start and the start of its last paragraph. */
  private static List<Integer> openings(String text) {
    int last = 0;
    Matcher blank = BLANK_LINE.matcher(text);
    while (blank.find()) {
      last = blank.end();
    }
    return last == 0 ? List.of(0) : List.of(0, last);
  }

  private static Optional<ParsedAnswer> decide(
      String text, List<Found> found, List<Allocation> shown) {
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
    Set<Integer> doubts = labels(DOUBT, text, true);
    doubts.remove(chosen);
    if (!doubts.isEmpty()) {
      return Optional.of(
          new ParsedAnswer.Unparseable(
              "chooses " + SliderItem.labelOf(chosen) + " but doubts with " + show(doubts)));
    }
    // An allocation written right after the label must be that option's.
    for (Found f : found) {
      String after = text.substring(f.end(), Math.min(text.length(), f.end() + 60));
      Set<Integer> attached = AllocationMentions.in(after, shown);
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

  /** "C or D", "B/C": another label right after or right before this one. */
  private static boolean hedged(String text, Matcher m) {
    int chosen = indexOf(m);
    Matcher after = HEDGE_AFTER.matcher(text).region(m.end("label"), text.length());
    if (after.lookingAt() && SliderItem.indexOf(after.group("label").charAt(0)) != chosen) {
      int at = after.start("label");
      boolean marked = after.group("open") != null;
      boolean capitalOrMarked = marked || Character.isUpperCase(text.charAt(at));
      if (capitalOrMarked && LabelContext.isLabel(text, at, marked)) {
        return true;
      }
    }
    Matcher before = HEDGE_BEFORE.matcher(text).useTransparentBounds(true);
    before.region(Math.max(0, m.start() - 80), m.start());
    if (!before.find()) {
      return false;
    }
    char other = before.group("label").charAt(0);
    return SliderItem.indexOf(other) != chosen
        && Character.isUpperCase(other)
        && other != 'I'
        && other != 'A';
  }

  private static boolean mentionsOtherLabels(String text, List<Found> found) {
    Set<Integer> options = new LinkedHashSet<>();
    found.forEach(f -> options.add(f.index()));
    if (options.size() != 1) {
      return false; // several "Option X": let decide() call it a contradiction
    }
    Set<Integer> standalone = labels(AnswerTiers.STANDALONE, text, false);
    standalone.removeAll(options);
    return !standalone.isEmpty();
  }

  private static boolean marked(Matcher m) {
    return group(m, "kw") || group(m, "open");
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

  private static Set<Integer> labels(Pattern pattern, String text, boolean checked) {
    Set<Integer> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      if (!checked || LabelContext.isLabel(text, matcher.start("label"), marked(matcher))) {
        found.add(indexOf(matcher));
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
