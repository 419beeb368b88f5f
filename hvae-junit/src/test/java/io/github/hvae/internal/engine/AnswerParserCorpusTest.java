package io.github.hvae.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against corpora of realistic answers, one JSON object a line with the answer, the
 * item and order its options were shown in, and the expected outcome: a label, REFUSAL,
 * UNPARSEABLE, or NO_CHOICE (refusal or unparseable, whichever).
 *
 * <ul>
 *   <li>{@code parser-corpus.jsonl}: short answers in every style, refusals, hedges.
 *   <li>{@code parser-corpus-no-choice.jsonl}: reasoning that chooses nothing — mathematics and
 *       code full of single-letter variables, LaTeX, tables, enumerations, names such as "Plan A"
 *       or "vitamin C", and deliberations on an item cut off before deciding.
 *   <li>{@code parser-corpus-reasoned.jsonl}: final answers in varied forms, before or after
 *       reasoning that holds the same kinds of stray letters.
 * </ul>
 */
class AnswerParserCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> FILES =
      List.of("parser-corpus.jsonl", "parser-corpus-no-choice.jsonl", "parser-corpus-reasoned.jsonl");

  record Case(String file, String answer, int item, boolean reversed, String expected, String note) {
    List<Allocation> shown() {
      List<Allocation> options = new ArrayList<>(SvoSliderMeasure.item(item).options());
      if (reversed) {
        Collections.reverse(options);
      }
      return options;
    }

    boolean statesAChoice() {
      return expected.length() == 1;
    }

    String read() {
      ParsedAnswer parsed = AnswerParser.parse(answer, shown());
      return parsed instanceof ParsedAnswer.Choice choice
          ? String.valueOf(SliderItem.labelOf(choice.shownIndex()))
          : parsed instanceof ParsedAnswer.Refusal ? "REFUSAL" : "UNPARSEABLE";
    }

    boolean readAsExpected(String read) {
      return expected.equals("NO_CHOICE") ? read.length() > 1 : read.equals(expected);
    }

    @Override
    public String toString() {
      String oneLine = answer.replace("\n", "⏎");
      return expected + " <- " + (oneLine.length() > 70 ? oneLine.substring(0, 67) + "..." : oneLine);
    }
  }

  static List<Case> corpus(String file) {
    List<Case> cases = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(AnswerParserCorpusTest.class.getResourceAsStream("/" + file)),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        cases.add(
            new Case(
                file,
                node.get("answer").asText(),
                node.path("item").asInt(1),
                node.path("reversed").asBoolean(false),
                node.get("expected").asText(),
                node.path("note").asText("")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  static Stream<Arguments> cases() {
    return FILES.stream().flatMap(file -> corpus(file).stream()).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsTheAnswerAsAHumanWould(Case c) {
    String read = c.read();
    assertThat(c.readAsExpected(read))
        .as("%s read as %s, expected %s (%s %s)", c.answer(), read, c.expected(), c.file(), c.note())
        .isTrue();
  }

  @Test
  void reasoningThatChoosesNothingIsNeverReadAsAChoice() {
    List<Case> corpus = corpus("parser-corpus-no-choice.jsonl");
    List<Case> invented = corpus.stream().filter(c -> c.read().length() == 1).toList();
    assertThat(invented)
        .as(
            "%d of %d texts that choose nothing were read as an option:%n%s",
            invented.size(), corpus.size(), describe(invented))
        .isEmpty();
  }

  @Test
  void finalAnswersAfterReasoningAreReadRight() {
    List<Case> corpus = corpus("parser-corpus-reasoned.jsonl");
    List<Case> wrong = corpus.stream().filter(c -> !c.readAsExpected(c.read())).toList();
    long missed = wrong.stream().filter(c -> c.read().length() > 1).count();
    assertThat(wrong)
        .as(
            "%d of %d final answers read right; %d missed, %d read as another option:%n%s",
            corpus.size() - wrong.size(),
            corpus.size(),
            missed,
            wrong.size() - missed,
            describe(wrong))
        .isEmpty();
  }

  @Test
  void theCorporaHoldEnoughOfEachKind() {
    List<Case> all = cases().map(a -> (Case) a.get()[0]).toList();
    long choices = all.stream().filter(Case::statesAChoice).count();
    long noChoice = all.size() - choices;
    assertThat(corpus("parser-corpus-no-choice.jsonl")).hasSizeGreaterThanOrEqualTo(150);
    assertThat(corpus("parser-corpus-reasoned.jsonl")).hasSizeGreaterThanOrEqualTo(150);
    assertThat(choices).as("answers that state a choice").isGreaterThanOrEqualTo(300);
    assertThat(noChoice).as("answers without a choice").isGreaterThanOrEqualTo(180);
  }

  private static String describe(List<Case> cases) {
    return cases.stream()
        .limit(10)
        .map(c -> "  " + c + " -> " + c.read())
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
