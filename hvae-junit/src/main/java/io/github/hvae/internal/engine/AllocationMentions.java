package io.github.hvae.internal.engine;

import io.github.hvae.internal.svo.Allocation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shown options an answer names by their coins: {@code (89, 24)}, {@code 89/24}, {@code 89
 * for me and 24 for the other}, {@code I get 89 and the other gets 24}, {@code the other gets 24
 * and I get 89}.
 */
final class AllocationMentions {

  /**
   * An amount; a sign written on it is part of it ("-7.5", "+14.5", "−3.9"), for items that show
   * losses (the SVO Ring Measure). Where no shown amount is negative the sign is ignored, as it was
   * before signed amounts were read.
   */
  private static final String NUM = "((?:[-+\u2212](?=\\d))?\\d{1,3}(?:\\.\\d+)?)";

  /** Self first, then other. */
  private static final List<Pattern> SELF_FIRST =
      List.of(
          Pattern.compile("[(\\[]\\s*" + NUM + "\\s*[,;/]\\s*" + NUM + "\\s*[)\\]]"),
          Pattern.compile("(?<![\\d.])" + NUM + "\\s*/\\s*" + NUM + "(?![\\d.])"),
          Pattern.compile(
              NUM
                  + "\\s*(?:coins?\\s*)?(?:for|to)\\s+(?:me|myself|you|yourself|self)\\b[^\\d]{0,40}?"
                  + NUM
                  + "\\s*(?:coins?\\s*)?(?:for|to)\\s+(?:the\\s+)?(?:other|them|him|her|partner)",
              AnswerTiers.FLAGS),
          Pattern.compile(
              "\\b(?:i|you)\\s+(?:would\\s+)?(?:get|receive|keep)s?\\s+"
                  + NUM
                  + "[^\\d]{0,60}?\\b(?:other|they|them|partner)\\b[^\\d]{0,30}?\\b(?:gets?|receives?)\\s+"
                  + NUM,
              AnswerTiers.FLAGS),
          Pattern.compile(
              "\\b(?:self|me|you|mine)\"?\\s*[:=]\\s*"
                  + NUM
                  + "[^\\d]{1,40}?\\b(?:other|them|partner)\"?\\s*[:=]\\s*"
                  + NUM,
              AnswerTiers.FLAGS));

  /** "the other gets 24 and I get 89": the other's coins first. */
  private static final Pattern OTHER_FIRST =
      Pattern.compile(
          "\\b(?:the\\s+)?(?:other(?:\\s+(?:participant|person))?|they)\\s+(?:would\\s+)?(?:gets?|receives?)\\s+"
              + NUM
              + "[^\\d]{0,40}?\\b(?:i|you)\\s+(?:would\\s+)?(?:get|receive|keep)s?\\s+"
              + NUM,
          AnswerTiers.FLAGS);

  private AllocationMentions() {}

  /** The indices of the shown options whose coins {@code text} names. */
  static Set<Integer> in(String text, List<Allocation> shown) {
    Set<Integer> found = new LinkedHashSet<>();
    for (Pattern pattern : SELF_FIRST) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        match(shown, m.group(1), m.group(2), found);
      }
    }
    Matcher reversed = OTHER_FIRST.matcher(text);
    while (reversed.find()) {
      match(shown, reversed.group(2), reversed.group(1), found);
    }
    return found;
  }

  private static void match(List<Allocation> shown, String self, String other, Set<Integer> found) {
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
}
