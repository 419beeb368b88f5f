package io.github.hvae.internal.rating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places where a rating answer names a point of the scale, after the numbers that are not
 * ratings are masked. Masked: the scale's own description ({@code on a scale of 1 to 5}, {@code
 * from 1 (Very Inaccurate) to 5 (...)}, {@code (1-5)}, {@code 6-point}, two or more {@code 1 =
 * label} definitions), item and step numbers ({@code Statement 12}, {@code Q7}, {@code Step 1}),
 * numbered list markers in a sequence, years, percentages, and counts with a unit ({@code 2 kids},
 * {@code 3 or 4 times}, {@code 4 out of 5 times}, {@code the 5 options}).
 *
 * <p>What remains is read as mentions: an integer, an English number word, a fraction {@code 4/5}
 * or {@code 4 out of 5} (a point only when its denominator is the scale's maximum), a label of the
 * scale (whole words, case-insensitive, the longest first, so "Slightly disagree" is not read as
 * "Disagree"), a range {@code 3-4} or {@code between 3 and 4} (a hedge). A number written next to a
 * label ({@code 4 - Moderately Accurate}, {@code Very Accurate (5/5)}) is one mention, and a
 * contradiction when they name different points.
 */
final class RatingMentions {

  /** Why a mention cannot be a choice by itself; {@code NONE} when it names one point. */
  enum Flaw {
    NONE,
    CONTRADICTS,
    NEGATED,
    NOT_A_POINT,
    OTHER_SCALE,
    RANGE
  }

  /**
   * A place that names a point (or fails to).
   *
   * @param start where it starts in the text read
   * @param end where it ends
   * @param value the point named (the first, for a range)
   * @param other the second value: of a range, or the label that contradicts the number
   * @param flaw why it is no choice by itself
   */
  record Mention(int start, int end, int value, int other, Flaw flaw) {}

  private static final String UNITS =
      "(?:times?|years?|months?|weeks?|days?|nights?|hours?|minutes?|evenings?|mornings?|weekends?|kids?|children"
          + "|sons?|daughters?|siblings?|people|persons?|friends?|meetings?|parties|party|books?|pages?|options?"
          + "|items?|statements?|questions?|steps?|dollars?|euros?|km|miles?|kg|cups?|drinks?|languages?|pets?"
          + "|cats?|dogs?|a\\s+(?:day|week|month|year|night))\\b";

  private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";

  private static final List<Pattern> MASKS =
      List.of(
          // counts with a unit, also "3 or 4 times", "4 out of 5 times", "the 5 options"
          Pattern.compile("\\b\\d+(?:\\s*(?:or|to|-|and|out\\s+of|/)\\s*\\d+)?\\s+(?:more\\s+|different\\s+|other\\s+)?" + UNITS,
              Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:%|percent\\b)", Pattern.CASE_INSENSITIVE),
          // item, step and question numbers
          Pattern.compile("\\b(?:statement|item|question|step|no\\.|number|#)\\s*\\d+|\\bq\\d+\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\b(?:1[89]|20)\\d\\d\\b"),
          Pattern.compile("\\b\\d+\\s*-?\\s*point\\b", Pattern.CASE_INSENSITIVE));

  private static final Pattern LIST_MARKER = Pattern.compile("(?m)^[ \\t>*-]*(\\d+)[.)](?=\\s)");

  private static final Pattern NEGATION =
      Pattern.compile("\\b(?:not|never|hardly|isn't|aren't|don't|doesn't|wouldn't|n't)\\s+(?:\\w+\\s+)?$", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
          Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
          Map.entry("zero", 0));

  private static final Pattern WORD =
      Pattern.compile("\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten)\\b", Pattern.CASE_INSENSITIVE);

  /** "one" as a pronoun: "this one", "the one" (but "a one" is a rating). */
  private static final Pattern PRONOUN_ONE_BEFORE =
      Pattern.compile("\\b(?:this|that|the|each|every|any|no|which|another|one|someone|everyone|anyone)\\s+$", Pattern.CASE_INSENSITIVE);

  private static final Pattern FRACTION = Pattern.compile("(?<![\\w.])(\\d+)\\s*(?:/|out\\s+of)\\s*(\\d+)(?!\\w|\\.\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE =
      Pattern.compile("(?<![\\w.])(?:between\\s+)?(\\d+)\\s*(?:-|to|and)\\s*(\\d+)(?!\\w|\\.\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern INTEGER = Pattern.compile("(?<![\\w.\\-])(" + NUMBER + ")(?![\\w]|\\.\\d)");
  private static final Pattern ADJACENT = Pattern.compile("\\A[\\s\\-:=(),.\\[\\]/]*\\z");

  private RatingMentions() {}

  /** {@code text} with every number that is not a rating blanked out (offsets kept). */
  static String masked(String text, Scale scale) {
    StringBuilder out = new StringBuilder(text);
    String lower = text.toLowerCase(Locale.ROOT);
    blank(out, Pattern.compile("(?:scale|range)\\s+(?:of|from)\\s+\\d+\\s*(?:\\([^)]*\\)\\s*)?(?:to|-)\\s*\\d+(?:\\s*\\([^)]*\\))?",
        Pattern.CASE_INSENSITIVE).matcher(lower));
    blank(out, Pattern.compile("\\bfrom\\s+\\d+\\s*(?:\\([^)]*\\)\\s*)?to\\s+\\d+(?:\\s*\\([^)]*\\))?", Pattern.CASE_INSENSITIVE).matcher(lower));
    // the scale's bounds written as a range, "(1-5)", "1-5 scale"
    blank(out, Pattern.compile("(?<![\\d.])\\(?\\s*" + scale.min() + "\\s*(?:-|to)\\s*" + scale.max() + "\\s*\\)?(?![\\d.])").matcher(lower));
    for (Pattern mask : MASKS) {
      blank(out, mask.matcher(out.toString()));
    }
    maskDefinitions(out, scale);
    maskListMarkers(out);
    return out.toString();
  }

  /** "1 = Very Inaccurate, 5 = Very Accurate": two or more describe the scale; one alone is an answer. */
  private static void maskDefinitions(StringBuilder out, Scale scale) {
    if (scale.labels().isEmpty()) {
      return;
    }
    String alternatives = String.join("|", scale.labels().values().stream().map(Pattern::quote).toList());
    Matcher m =
        Pattern.compile("\\b\\d+\\s*(?:=|means|is)\\s*(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE).matcher(out.toString());
    List<int[]> found = new ArrayList<>();
    while (m.find()) {
      found.add(new int[] {m.start(), m.end()});
    }
    if (found.size() >= 2) {
      found.forEach(span -> blank(out, span[0], span[1]));
    }
  }

  /** "1. ... 2. ... 3. ...": markers that number the lines of a list, not answers. */
  private static void maskListMarkers(StringBuilder out) {
    Matcher m = LIST_MARKER.matcher(out.toString());
    List<int[]> markers = new ArrayList<>();
    while (m.find()) {
      markers.add(new int[] {m.start(1), m.end(), Integer.parseInt(m.group(1))});
    }
    for (int i = 0; i < markers.size(); i++) {
      boolean sequence =
          (i > 0 && markers.get(i)[2] == markers.get(i - 1)[2] + 1)
              || (i + 1 < markers.size() && markers.get(i + 1)[2] == markers.get(i)[2] + 1);
      if (sequence) {
        blank(out, markers.get(i)[0], markers.get(i)[1]);
      }
    }
  }

  /** The mentions in a masked text, in order, a number and the label beside it merged into one. */
  static List<Mention> in(String masked, Scale scale) {
    List<Mention> found = new ArrayList<>();
    StringBuilder free = new StringBuilder(masked);
    labels(masked, scale, free, found);
    Matcher fraction = FRACTION.matcher(free.toString());
    while (fraction.find()) {
      int numerator = Integer.parseInt(fraction.group(1));
      int denominator = Integer.parseInt(fraction.group(2));
      found.add(new Mention(fraction.start(), fraction.end(), numerator, denominator,
          denominator == scale.max() ? Flaw.NONE : Flaw.OTHER_SCALE));
      blank(free, fraction.start(), fraction.end());
    }
    Matcher range = RANGE.matcher(free.toString());
    while (range.find()) {
      int a = Integer.parseInt(range.group(1));
      int b = Integer.parseInt(range.group(2));
      String joint = range.group().toLowerCase(Locale.ROOT);
      // "3 and 4" is a range only after "between"; "4 - 5" with spaces is a number and a dash
      if (joint.contains("and") && !joint.startsWith("between") || a == b) {
        continue;
      }
      found.add(new Mention(range.start(), range.end(), a, b, Flaw.RANGE));
      blank(free, range.start(), range.end());
    }
    Matcher integer = INTEGER.matcher(free.toString());
    while (integer.find()) {
      String number = integer.group(1);
      boolean whole = !number.contains(".");
      found.add(new Mention(integer.start(1), integer.end(1), whole ? parse(number) : 0, 0, whole ? Flaw.NONE : Flaw.NOT_A_POINT));
    }
    Matcher word = WORD.matcher(free.toString());
    while (word.find()) {
      String w = word.group(1).toLowerCase(Locale.ROOT);
      if (w.equals("one") && (PRONOUN_ONE_BEFORE.matcher(free.substring(0, word.start())).find()
          || !free.substring(word.end()).matches("(?s)\\s*[.!]?\\s*(?:\\z|\\n.*)"))) {
        continue;
      }
      found.add(new Mention(word.start(), word.end(), WORDS.get(w), 0, Flaw.NONE));
    }
    found.sort(Comparator.comparingInt(Mention::start));
    return merged(masked, found);
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException tooLong) {
      return Integer.MAX_VALUE;
    }
  }

  /** Labels, longest first, as whole words; each found one blanked out of {@code free}. */
  private static void labels(String masked, Scale scale, StringBuilder free, List<Mention> found) {
    List<Map.Entry<Integer, String>> labels = new ArrayList<>(scale.labels().entrySet());
    labels.sort(Comparator.comparingInt((Map.Entry<Integer, String> e) -> e.getValue().length()).reversed());
    for (Map.Entry<Integer, String> label : labels) {
      String words = String.join("\\s+", label.getValue().strip().split("\\s+"));
      Matcher m = Pattern.compile("(?<![\\w])" + wordsPattern(words) + "(?![\\w])", Pattern.CASE_INSENSITIVE).matcher(free.toString());
      while (m.find()) {
        boolean negated = NEGATION.matcher(masked.substring(Math.max(0, m.start() - 30), m.start())).find();
        found.add(new Mention(m.start(), m.end(), label.getKey(), 0, negated ? Flaw.NEGATED : Flaw.NONE));
        blank(free, m.start(), m.end());
      }
    }
  }

  private static String wordsPattern(String words) {
    StringBuilder quoted = new StringBuilder();
    for (String part : words.split("\\\\s\\+")) {
      quoted.append(quoted.isEmpty() ? "" : "\\s+").append(Pattern.quote(part));
    }
    return quoted.toString();
  }

  /** A number and a label with nothing but punctuation between them are one mention. */
  private static List<Mention> merged(String text, List<Mention> mentions) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : mentions) {
      if (!out.isEmpty()) {
        Mention previous = out.get(out.size() - 1);
        String between = text.substring(Math.min(previous.end(), m.start()), m.start());
        if (ADJACENT.matcher(between).matches() && previous.flaw() == Flaw.NONE && m.flaw() == Flaw.NONE
            && between.chars().filter(c -> c == '\n').count() == 0) {
          boolean same = previous.value() == m.value();
          out.set(out.size() - 1, new Mention(previous.start(), m.end(), previous.value(), m.value(), same ? Flaw.NONE : Flaw.CONTRADICTS));
          continue;
        }
      }
      out.add(m);
    }
    return out;
  }

  private static void blank(StringBuilder out, Matcher m) {
    while (m.find()) {
      blank(out, m.start(), m.end());
    }
  }

  private static void blank(StringBuilder out, int start, int end) {
    for (int i = start; i < end; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
  }
}
