package io.github.hvae.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GenerationOptionsTest {

  private static final ChoiceConstraint A_TO_I = ChoiceConstraint.letters(9);

  @Test
  void aChoiceIsMarkedOnlyWhenConstrainedAnswersAreOn() {
    GenerationOptions free = GenerationOptions.DEFAULTS.withSeed(3);
    GenerationOptions schema = free.withConstrainedAnswers(ConstrainedAnswers.JSON_SCHEMA);

    assertThat(free.expectingChoice(A_TO_I)).isEqualTo(free);
    assertThat(schema.expectingChoice(A_TO_I).choice()).contains(A_TO_I);
    assertThat(schema.expectingChoice(A_TO_I).withConstrainedAnswers(ConstrainedAnswers.OFF)).isEqualTo(free);
  }

  @Test
  void aChoiceWithConstrainedAnswersOffIsRejected() {
    assertThatThrownBy(
            () ->
                new GenerationOptions(
                    OptionalDouble.empty(), OptionalLong.empty(), OptionalInt.empty(), ConstrainedAnswers.OFF, Optional.of(A_TO_I)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectingChoice");
  }

  @Test
  void lettersLabelTheOptionsFromA() {
    assertThat(A_TO_I.labels()).containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I");
    assertThat(A_TO_I).hasToString("A,B,C,D,E,F,G,H,I");
  }

  @Test
  void modesAreReadAsWrittenInTheConfigurationAndUnknownOnesNameTheAllowed() {
    assertThat(ConstrainedAnswers.parse(" JSON-Schema ")).isEqualTo(ConstrainedAnswers.JSON_SCHEMA);
    assertThat(ConstrainedAnswers.parse("grammar")).isEqualTo(ConstrainedAnswers.GRAMMAR);
    assertThat(ConstrainedAnswers.parse("off")).isEqualTo(ConstrainedAnswers.OFF);
    assertThatThrownBy(() -> ConstrainedAnswers.parse("json"))
        .hasMessage("unknown constrained-answers mode 'json'; use one of off, json-schema, grammar");
  }
}
