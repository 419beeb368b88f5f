package io.github.hvae.internal.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.internal.rating.RatingMentions.Flaw;
import io.github.hvae.internal.rating.RatingMentions.Mention;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the point of the scale a free-text answer to a rating item gives, locally and without
 * another model call; a point is never guessed. The answer is a value of the scale, read as the
 * option {@code value − min}.
 *
 * <p>JSON is read first ({@code {"rating": 4}}, also {@code score}, {@code answer}, {@code choice},
 * a string or a label as the value). Otherwise, with reasoning blocks, markdown and the numbers that
 * are not ratings removed ({@link RatingMentions}), the mentions of points are looked for in tiers,
 * strongest first, and the first tier with a mention decides: a final answer ({@code Final answer:
 * 2}); a marker ({@code Rating: 4}, {@code my rating is 3}); a first-person decision ({@code I'd rate
 * it 4}, {@code I'll go with 1}, {@code I'd say Moderately Accurate}); a conclusion ({@code so 4},
 * {@code this is a 3}, a point closing the answer after a colon); and last every mention left,
 * which must all agree. In the deciding tier, two different points, a number and a label naming
 * different points, a range or {@code 3 or 4}, a point that is not one ({@code 3.5}), another
 * scale ({@code 4/10}), a negated label, or a later revision ({@code Answer: 3. Wait, 4.}) make the
 * answer unparseable, as does a point outside the scale. An answer with no mention that declines is
 * a refusal. The cases and the reasons are in {@code docs/instruments/rating-answers.md}.
 */
public final class RatingAnswerReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern THINK = Pattern.compile("(?is)<think>.*?(?:</think>|\\z)");
  private static final Pattern JSON_OBJECT = Pattern.compile("\\{[^{}]*\\}");
  private static final Pattern RATING_KEY =
      Pattern.compile("(?:final[_ ]?)?(?:rating|score|answer|choice|response|selection|value)(s?)");
  private static final Pattern KEYCAP = Pattern.compile("(\\d)\\x{FE0F}?\\x{20E3}");
  private static final List<Pattern> DECORATION =
      List.of(Pattern.compile("[*`|]+"), Pattern.compile("(?m)^[ \\t]*(?:#+|>+)[ \\t]*"),
          Pattern.compile("(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])"));

  private static final String LEAD = "(?:^|[\\n.!?;]|\\s-\\s)[\\s\\-]*(?:so\\s*,?\\s*|and\\s+)?";

  /** The tiers of cues, strongest first; each must end right where a mention starts. */
  private static final List<Pattern> TIERS =
      List.of(
          cue("\\bfinal\\s+(?:answer|rating|choice|score|decision|pick|response)\\s*(?:is|would\\s+be|will\\s+be)?\\s*[:=\\-]?\\s*"),
          cue(LEAD + "(?:(?:my|the|our)\\s+)?(?:(?:overall|honest)\\s+)?(?:rating|answer|score|response|choice|selection)"
              + "\\s*(?:(?:is|would\\s+be|will\\s+be|here\\s+is)\\s*)?[:=\\-]?\\s*"
              + "|\\bmy\\s+(?:(?:final|overall|honest)\\s+)?(?:rating|answer|score|response|choice|selection|pick)\\s+"
              + "(?:is|would\\s+be|will\\s+be|here\\s+is)\\s*[:=\\-]?\\s*"),
          cue("\\b(?:i|i'll|i'd|i\\s+will|i\\s+would|i\\s+shall|i\\s+am\\s+going\\s+to|i'm\\s+going\\s+to|let's|let\\s+me|let\\s+us)"
              + "(?:\\s+(?:probably|definitely|therefore|then|also|still|honestly|personally|have\\s+to|would|now|just))?"
              + "\\s+(?:choose|pick|select|go\\s+with|go\\s+for|opt\\s+for|settle\\s+on|stick\\s+with|say|answer|rate|give|call|put)"
              + "(?:\\s+(?:it|this|myself|me|that|this\\s+statement|this\\s+one|the\\s+statement|this\\s+item|it\\s+at|myself\\s+at))?"
              + "(?:\\s+(?:a|an|as|at|with|on))?\\s*[:=\\-]?\\s*"),
          cue("(?:\\b(?:so|thus|therefore|hence)\\s*,?\\s*(?:a|an|it's|it\\s+is)?\\s*"
              + "|\\b(?:this|it|that)(?:'s|\\s+is|\\s+would\\s+be)\\s+(?:a|an)\\s+"
              + "|(?:^|\\n)\\s*(?:definitely|certainly|probably|clearly|easily|solidly)\\s*,?\\s*(?:a|an)?\\s*"
              + "|\\boption\\s*)"),
          Pattern.compile("[:\\-]\\s*$"));

  private static final Pattern REVISION =
      Pattern.compile("\\b(?:wait|actually|on\\s+(?:second\\s+thought|reflection)|correction|make\\s+(?:it|that)|rather|no,)\\b[^.!?\\n]*?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HEDGE_AFTER =
      Pattern.compile("\\A\\s*,?\\s*(?:or|/|to)\\s+(?:maybe\\s+|perhaps\\s+|possibly\\s+|even\\s+)?(?:a\\s+|an\\s+)?\\z", Pattern.CASE_INSENSITIVE);

  private static final Pattern REFUSAL =
      Pattern.compile(
          "\\bas\\s+an?\\s+(?:ai|artificial|language\\s+model|large\\s+language\\s+model|assistant|llm)\\b"
              + "|\\bi(?:'m|\\s+am)\\s+(?:just\\s+)?an?\\s+(?:ai|artificial|language\\s+model|large\\s+language\\s+model|llm)\\b"
              + "|\\bi\\s+(?:do\\s+not|don't)\\s+have\\s+(?:a\\s+|any\\s+)?(?:personal\\s+)?(?:personality|traits|feelings|moods"
              + "|emotions|experiences|preferences|opinions|temperament|a\\s+body|a\\s+life)"
              + "|\\bi\\s*(?:can(?:no|')?t|won't|will\\s+not|am\\s+not\\s+able|'m\\s+not\\s+able|am\\s+unable|'m\\s+unable"
              + "|must\\s+decline|have\\s+to\\s+decline|decline|refuse|prefer\\s+not|would\\s+rather\\s+not|'d\\s+rather\\s+not)\\b"
              + "|\\bi'll\\s+skip\\b|\\bsorry\\b|\\bi\\s+apologi[sz]e\\b",
          Pattern.CASE_INSENSITIVE);

  private RatingAnswerReader() {}

  /** The point {@code reply} gives on {@code scale}, as the option {@code value − min}. */
  public static ParsedAnswer read(String reply, Scale scale) {
    String text = normalised(reply);
    if (text.isBlank() || text.chars().noneMatch(Character::isLetterOrDigit)) {
      return new ParsedAnswer.Unparseable(reply.toLowerCase(Locale.ROOT).contains("<think>")
          ? "reasoning that never ends, and no answer after it" : "empty answer");
    }
    Optional<ParsedAnswer> json = json(text, scale);
    if (json.isPresent()) {
      return json.get();
    }
    String prose = text;
    for (Pattern decoration : DECORATION) {
      prose = decoration.matcher(prose).replaceAll(" ");
    }
    String masked = RatingMentions.masked(prose, scale);
    List<Mention> mentions = RatingMentions.in(masked, scale);
    for (Pattern tier : TIERS) {
      List<Mention> cued = new ArrayList<>();
      for (Mention m : mentions) {
        String before = masked.substring(0, m.start());
        boolean closing = tier == TIERS.get(TIERS.size() - 1);
        if (tier.matcher(before).find() && (!closing || masked.substring(m.end()).matches("(?s)[\\s.!)\\]\"']*"))) {
          cued.add(m);
        }
      }
      if (!cued.isEmpty()) {
        return decide(cued, mentions, masked, scale);
      }
    }
    if (!mentions.isEmpty()) {
      return decide(mentions, mentions, masked, scale);
    }
    if (REFUSAL.matcher(text).find()) {
      return new ParsedAnswer.Refusal(firstLine(text));
    }
    return new ParsedAnswer.Unparseable("names no point of the scale " + scale.min() + " to " + scale.max());
  }

  private static ParsedAnswer decide(List<Mention> decisive, List<Mention> all, String text, Scale scale) {
    Set<Integer> values = new LinkedHashSet<>();
    for (Mention m : decisive) {
      switch (m.flaw()) {
        case CONTRADICTS -> {
          return new ParsedAnswer.Unparseable("names " + m.value() + " and " + m.other() + " as one answer");
        }
        case NEGATED -> {
          return new ParsedAnswer.Unparseable("negates a label, which leaves more than one point");
        }
        case NOT_A_POINT -> {
          return new ParsedAnswer.Unparseable("gives a number that is no point of the scale");
        }
        case OTHER_SCALE -> {
          return new ParsedAnswer.Unparseable("answers on a scale of " + m.other() + ", not " + scale.min() + " to " + scale.max());
        }
        case RANGE -> {
          return new ParsedAnswer.Unparseable("hedges between " + m.value() + " and " + m.other());
        }
        default -> values.add(m.value());
      }
    }
    if (values.size() > 1) {
      return new ParsedAnswer.Unparseable("names several points: " + values);
    }
    int value = values.iterator().next();
    for (Mention m : decisive) {
      for (Mention other : all) {
        if (other.start() > m.end() && other.value() != value) {
          String between = text.substring(m.end(), other.start());
          if (HEDGE_AFTER.matcher(between).matches()) {
            return new ParsedAnswer.Unparseable("hedges between " + value + " and " + other.value());
          }
          if (REVISION.matcher(text.substring(m.end(), other.start())).find()) {
            return new ParsedAnswer.Unparseable("answers " + value + ", then " + other.value());
          }
        }
      }
    }
    if (!scale.contains(value)) {
      return new ParsedAnswer.Unparseable(value + " is outside the scale " + scale.min() + " to " + scale.max());
    }
    return new ParsedAnswer.Choice(value - scale.min());
  }

  /** Rating fields of the JSON objects in the answer; empty when it holds none. */
  private static Optional<ParsedAnswer> json(String text, Scale scale) {
    Matcher object = JSON_OBJECT.matcher(text);
    boolean rated = false;
    Set<Integer> points = new LinkedHashSet<>();
    List<String> flaws = new ArrayList<>();
    StringBuilder reasons = new StringBuilder();
    while (object.find()) {
      JsonNode node;
      try {
        node = JSON.readTree(object.group());
      } catch (java.io.IOException | RuntimeException notJson) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Matcher key = RATING_KEY.matcher(field.getKey().toLowerCase(Locale.ROOT));
        if (!key.matches()) {
          reasons.append(field.getValue().asText()).append(' ');
          continue;
        }
        rated = true;
        JsonNode value = field.getValue();
        if (value.isNull()) {
          continue;
        }
        if (value.isArray()) {
          flaws.add("gives several ratings for one item");
        } else if (value.isIntegralNumber()) {
          points.add(value.asInt());
        } else if (value.isNumber()) {
          flaws.add("gives " + value.asText() + ", which is no point of the scale");
        } else if (value.isTextual()) {
          Optional<Integer> point = textPoint(value.asText(), scale);
          point.ifPresentOrElse(points::add, () -> flaws.add("gives \"" + value.asText() + "\", which is no point of the scale"));
        } else {
          flaws.add("gives " + value + " as its rating");
        }
      }
    }
    if (!rated) {
      return Optional.empty();
    }
    if (!flaws.isEmpty()) {
      return Optional.of(new ParsedAnswer.Unparseable(flaws.get(0)));
    }
    if (points.size() > 1) {
      return Optional.of(new ParsedAnswer.Unparseable("gives several ratings: " + points));
    }
    if (points.isEmpty()) {
      return Optional.of(REFUSAL.matcher(reasons).find()
          ? new ParsedAnswer.Refusal(reasons.toString().strip())
          : new ParsedAnswer.Unparseable("gives no rating (null)"));
    }
    int value = points.iterator().next();
    return Optional.of(scale.contains(value)
        ? new ParsedAnswer.Choice(value - scale.min())
        : new ParsedAnswer.Unparseable(value + " is outside the scale " + scale.min() + " to " + scale.max()));
  }

  /** A JSON string value: "4", or a label. */
  private static Optional<Integer> textPoint(String text, Scale scale) {
    String t = text.strip();
    if (t.matches("-?\\d+")) {
      return Optional.of(Integer.parseInt(t));
    }
    for (Map.Entry<Integer, String> label : scale.labels().entrySet()) {
      if (label.getValue().equalsIgnoreCase(t.replaceAll("\\s+", " "))) {
        return Optional.of(label.getKey());
      }
    }
    return Optional.empty();
  }

  /** Reasoning removed, quotes and dashes made plain, keycaps made digits. */
  static String normalised(String reply) {
    String text = THINK.matcher(reply).replaceAll(" ");
    text = KEYCAP.matcher(text).replaceAll("$1");
    return text.replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\'')
        .replace('–', '-').replace('—', '-').replace('−', '-').replace('\u00a0', ' ');
  }

  private static Pattern cue(String regex) {
    return Pattern.compile("(?:" + regex + ")$", Pattern.CASE_INSENSITIVE);
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("").strip();
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }
}
