package io.github.hvae.internal.engine;

import io.github.hvae.instrument.ParsedAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every answer style with every label — including A and I, which are also English words. */
class AnswerParserTest {

  private static final List<String> STYLES =
      List.of(
          "{L}",
          "{L}.",
          "{l}",
          "Option {L}",
          "I choose {L}.",
          "({L})",
          "{l})",
          "**{L}**",
          "{\"choice\": \"{L}\"}",
          // JSON as llama.cpp's schema-constrained sampling pads it (hvae.constrained-answers)
          "{ \"choice\" : \"{L}\" }",
          "{\n\n   \"choice\"\n  : \"{L}\"\n   }",
          "Option {M} would also be possible, but I choose {L}.",
          "Let me think.\n\nOption {M} is tempting.\n\nFinal answer: {L}",
          "My choice is {L}, because it fits my goal best.",
          "{L} - this split reflects my values.",
          "I'd go with option {L}.",
          "Answer: ({l})",
          "i choose {l}",
          "I would choose {L} because it fits my values.",
          "After careful thought: {L}.");

  @ParameterizedTest
  @ValueSource(strings = {"A", "B", "C", "D", "E", "F", "G", "H", "I"})
  void everyStyleReadsEveryLabel(String label) {
    int index = SliderItem.indexOf(label.charAt(0));
    String other = String.valueOf(SliderItem.labelOf((index + 4) % 9));
    for (String style : STYLES) {
      String answer =
          style
              .replace("{L}", label)
              .replace("{l}", label.toLowerCase(Locale.ROOT))
              .replace("{M}", other);
      ParsedAnswer parsed = AnswerParser.parse(answer, SvoSliderMeasure.item(1).options());
      assertThat(parsed).as(answer).isEqualTo(new ParsedAnswer.Choice(index));
    }
  }

  @Test
  void allocationsAreReadOnEveryItemInEitherOrder() {
    for (SliderItem item : SvoSliderMeasure.items()) {
      for (boolean reversed : new boolean[] {false, true}) {
        List<Allocation> shown = new ArrayList<>(item.options());
        if (reversed) {
          Collections.reverse(shown);
        }
        for (int i = 0; i < shown.size(); i++) {
          Allocation a = shown.get(i);
          String pair = String.format(Locale.ROOT, "(%d, %d)", (long) a.self(), (long) a.other());
          String words =
              String.format(
                  Locale.ROOT, "%d for me and %d for the other", (long) a.self(), (long) a.other());
          assertThat(AnswerParser.parse(pair, shown)).isEqualTo(new ParsedAnswer.Choice(i));
          assertThat(AnswerParser.parse(words, shown)).isEqualTo(new ParsedAnswer.Choice(i));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "From $y(0) = 1$ we get $c_1 + c_2 = 1$, hence $c_1 = 0$.",
        "We have B = P^{-1}AP with det(P) != 0. Thus B is invertible.",
        "Let x_i be the observations and c_1 the intercept, so c_1 = 0.",
        "We want f(b) where b is the vertex, so f(b) = 0.",
        "Suppose a, b, c are all odd. Then a + b is even, so c is even, a contradiction.",
        "Since D is diagonal with positive entries, so D is positive definite.",
        "The circumference is C = 2πr. Therefore C ≈ 18.85 cm.",
        "The remainder is the difference of the two terms: x - c.",
        "By modus tollens, ¬A: it did not rain. So A is false.",
        "Let \\(a\\) be the intercept and \\(b\\) the slope: \\(\\hat{y} = a + bx\\).",
        "It is I/O bound, so a thread pool helps."
      })
  void lettersUsedAsVariablesAreNoChoice(String reasoning) {
    assertThat(parse(reasoning)).as(reasoning).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @Test
  void lettersInCodeAreNoChoice() {
    String answer =
        "The bug is here:\n\n```c\nint c = a + b;\nreturn c;\n```\n\n`c` overflows, so use `long c`.";
    assertThat(parse(answer)).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"$C$", "`C`", "\\(\\boxed{C}\\)", "$\\boxed{\\textbf{C}}$", "```\nC\n```"})
  void aCodeOrMathSpanHoldingOnlyALabelIsTheLabel(String answer) {
    assertThat(parse(answer)).as(answer).isEqualTo(new ParsedAnswer.Choice(2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a) The file is never closed.\nb) readlines() loads it all.",
        "I. Introduction\n\nThe report covers buses.\n\nII. Methods\n\nWe compared timetables.",
        "A. Background\nThe pilot ran in 2019.\n\nB. Goals\nLess paper.",
        "Part (a): the integral converges.\n\n(b) For the second part, substitute u = x²."
      })
  void markersOfAnEnumerationAreNoChoice(String answer) {
    assertThat(parse(answer)).as(answer).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @Test
  void anOptionRepeatedAfterTheEchoedListIsRead() {
    String answer =
        "A. You get 85 coins, the other gets 85\nB. You get 85 coins, the other gets 76\n"
            + "C. You get 85 coins, the other gets 68\n\nMy choice:\nB. You get 85 coins, the other gets 76";
    assertThat(parse(answer)).isEqualTo(new ParsedAnswer.Choice(1));
  }

  @Test
  void aLabelOpeningTheLastParagraphIsTheAnswer() {
    String answer =
        "a) My goal: the joint outcome.\nb) (85, 76) beats (85, 68).\n\n**B.** It best matches my values.";
    assertThat(parse(answer)).isEqualTo(new ParsedAnswer.Choice(1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "If Plan A falls through, we rent the smaller venue.",
        "Vitamin C is water-soluble; the body does not store it.",
        "She got a grade B in chemistry.",
        "At α = 0.05 the probability of a type I error is 5%.",
        "The apartment is 4B, on the fourth floor."
      })
  void lettersInNamesAreNoChoice(String prose) {
    assertThat(parse(prose)).as(prose).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "If I pick the option where I get 85 and the other gets 76, am I being fair?",
        "What if I chose A? Then the other would get 85.",
        "Should I go with C here? Let me reread my goal.",
        "If I choose C, the other gets only 68, which"
      })
  void anOptionSupposedOrAskedIsNoDecision(String deliberation) {
    assertThat(parse(deliberation)).as(deliberation).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @Test
  void aDecisionAfterAnIfClauseCounts() {
    assertThat(parse("If I had to choose between A and C, I'd choose C.")).isEqualTo(new ParsedAnswer.Choice(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"For each option I compute U = 0.5s + 0.87o.", "It is the option a person like me would take."})
  void theArticleAndThePronounAfterOptionAreNoLabel(String prose) {
    assertThat(parse(prose)).as(prose).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @Test
  void optionIWithAVerbOfTheThirdPersonIsTheOption() {
    assertThat(parse("Option I gives me the most coins.")).isEqualTo(new ParsedAnswer.Choice(8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"so b is even.", "Thus B is invertible.", "Hence A, B and C are collinear."})
  void aWeakLeadBeforeALetterStartingAClauseIsNoChoice(String prose) {
    assertThat(parse(prose)).as(prose).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I want balance, so E.", "So E it is.", "Therefore E, the fairest split."})
  void aWeakLeadBeforeALetterEndingItsClauseIsTheAnswer(String answer) {
    assertThat(parse(answer)).as(answer).isEqualTo(new ParsedAnswer.Choice(4));
  }

  @Test
  void aDecisionInTheFirstPersonPluralCounts() {
    assertThat(parse("Both are close. Let's go with I.")).isEqualTo(new ParsedAnswer.Choice(8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Let's choose A to be the set of even numbers.", "Let's choose c such that p(2) = 0."})
  void aDefinitionIsNoDecision(String prose) {
    assertThat(parse(prose)).as(prose).isNotInstanceOf(ParsedAnswer.Choice.class);
  }

  @Test
  void theExtractorMustAnswerWithABareLabel() {
    assertThat(AnswerParser.bareLabel("C")).contains(2);
    assertThat(AnswerParser.bareLabel("**(c)**")).contains(2);
    assertThat(AnswerParser.bareLabel("I")).contains(8);
    assertThat(AnswerParser.bareLabel("NONE")).isEqualTo(Optional.empty());
    assertThat(AnswerParser.bareLabel("The reply chooses C")).isEmpty();
  }

  private static ParsedAnswer parse(String answer) {
    return AnswerParser.parse(answer, SvoSliderMeasure.item(1).options());
  }
}
