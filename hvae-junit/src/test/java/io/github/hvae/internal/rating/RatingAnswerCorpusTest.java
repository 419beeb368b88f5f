package io.github.hvae.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.instrument.ParsedAnswer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rating-answer reader on the corpus of {@code docs/instruments/rating-answers.md}: every line
 * must read as expected — its point, a refusal, or unparseable. A point is never guessed: no text
 * the corpus calls unparseable or a refusal may read as a point.
 */
class RatingAnswerCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Case(int line, Scale scale, String answer, String expected, String category) {}

  static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                RatingAnswerCorpusTest.class.getResourceAsStream("/rating-answer-corpus.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode c = JSON.readTree(line);
        Map<Integer, String> labels = new TreeMap<>();
        c.path("labels").fields().forEachRemaining(f -> labels.put(Integer.parseInt(f.getKey()), f.getValue().asText()));
        Scale scale = new Scale(c.path("scale").get(0).asInt(), c.path("scale").get(1).asInt(), labels);
        cases.add(new Case(number, scale, c.path("answer").asText(), c.path("expected").asText(), c.path("category").asText()));
      }
    }
    return cases;
  }

  static String outcome(ParsedAnswer answer, Scale scale) {
    if (answer instanceof ParsedAnswer.Choice choice) {
      return Integer.toString(choice.shownIndex() + scale.min());
    }
    return answer instanceof ParsedAnswer.Refusal ? "refusal" : "unparseable";
  }

  @Test
  void everyAnswerOfTheCorpusReadsAsExpected() throws IOException {
    List<Case> cases = corpus();
    List<String> wrong = new ArrayList<>();
    Map<String, int[]> byExpected = new TreeMap<>();
    for (Case c : cases) {
      ParsedAnswer read = RatingAnswerReader.read(c.answer(), c.scale());
      String got = outcome(read, c.scale());
      byExpected.computeIfAbsent(c.expected(), k -> new int[2])[got.equals(c.expected()) ? 0 : 1]++;
      if (!got.equals(c.expected())) {
        wrong.add("line " + c.line() + " [" + c.category() + "] " + JSON.valueToTree(c.answer()) + ": expected " + c.expected()
            + ", read " + got + " (" + read + ")");
      }
    }
    assertThat(cases).hasSize(213);
    assertThat(wrong).as("answers read otherwise than the corpus says").isEmpty();
  }

  @Test
  void noRefusalOrUnparseableAnswerOfTheCorpusBecomesAPoint() throws IOException {
    for (Case c : corpus()) {
      if (c.expected().equals("refusal") || c.expected().equals("unparseable")) {
        assertThat(RatingAnswerReader.read(c.answer(), c.scale()))
            .as("line %d: %s", c.line(), c.answer())
            .isNotInstanceOf(ParsedAnswer.Choice.class);
      }
    }
  }
}
