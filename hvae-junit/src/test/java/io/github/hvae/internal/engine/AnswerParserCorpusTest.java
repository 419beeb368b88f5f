package io.github.hvae.internal.engine;

import io.github.hvae.instrument.ParsedAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against a corpus of realistic answers ({@code parser-corpus.jsonl}: one JSON object a
 * line with the answer, the item and order its options were shown in, and the expected outcome — a
 * label, REFUSAL or UNPARSEABLE).
 */
class AnswerParserCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Case(String answer, int item, boolean reversed, String expected, String note) {
    List<Allocation> shown() {
      List<Allocation> options = new ArrayList<>(SvoSliderMeasure.item(item).options());
      if (reversed) {
        Collections.reverse(options);
      }
      return options;
    }

    @Override
    public String toString() {
      String oneLine = answer.replace("\n", "⏎");
      return expected + " <- " + (oneLine.length() > 70 ? oneLine.substring(0, 67) + "..." : oneLine);
    }
  }

  static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    AnswerParserCorpusTest.class.getResourceAsStream("/parser-corpus.jsonl")),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        cases.add(
            new Case(
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
    return corpus().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsTheAnswerAsAHumanWould(Case c) {
    ParsedAnswer parsed = AnswerParser.parse(c.answer(), c.shown());
    String actual =
        parsed instanceof ParsedAnswer.Choice choice
            ? String.valueOf(SliderItem.labelOf(choice.shownIndex()))
            : parsed instanceof ParsedAnswer.Refusal ? "REFUSAL" : "UNPARSEABLE";
    assertThat(actual).as("%s -> %s %s", c.answer(), parsed, c.note()).isEqualTo(c.expected());
  }

  @Test
  void theCorpusIsLargeAndHoldsEnoughAnswersWithoutAChoice() {
    List<Case> corpus = corpus();
    long withoutChoice =
        corpus.stream().filter(c -> c.expected().equals("REFUSAL") || c.expected().equals("UNPARSEABLE")).count();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
    assertThat(withoutChoice).isGreaterThanOrEqualTo(10);
  }
}
