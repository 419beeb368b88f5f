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

  @Test
  void theExtractorMustAnswerWithABareLabel() {
    assertThat(AnswerParser.bareLabel("C")).contains(2);
    assertThat(AnswerParser.bareLabel("**(c)**")).contains(2);
    assertThat(AnswerParser.bareLabel("I")).contains(8);
    assertThat(AnswerParser.bareLabel("NONE")).isEqualTo(Optional.empty());
    assertThat(AnswerParser.bareLabel("The reply chooses C")).isEmpty();
  }
}
