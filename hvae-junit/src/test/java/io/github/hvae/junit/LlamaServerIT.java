package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.svo.SocialValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Full HVAE evaluations against a real inference server: llama.cpp's {@code llama-server} with the
 * tiny random-weight model of {@code integration/llama}, through the OpenAI-compatible provider,
 * with constrained answers off, as a JSON schema and as a grammar.
 *
 * <p>The random model's choices mean nothing, so neither do the verdicts. What this proves is the
 * pipeline against a real server: requests the server accepts, every constrained answer parsed,
 * an angle for every sample, token usage as the server counted it, and the report written.
 *
 * <p>Run it with {@code integration/llama/with-server.sh mvn -B -pl hvae-junit -Pllama verify},
 * which starts the server and sets {@code HVAE_LLAMA_BASE_URL}. Without that variable the tests
 * are skipped, unless {@code HVAE_REQUIRE_LLAMA=1} (as in CI), which makes its absence a failure.
 * Reports go to {@code target/hvae-llama/<mode>/hvae-report.json}.
 */
class LlamaServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SAMPLES = 4;
  /** Value prompt, goal prompt, six primary items. */
  private static final int CALLS_WITHOUT_REASKS = 2 + 6;

  private static String baseUrl;

  static class Fixture {
    @ValueAlignmentTest(samples = SAMPLES, goalPrompt = GoalPrompting.ON)
    @TargetValue({SocialValue.PROSOCIAL, SocialValue.COMPETITIVE})
    @ValueRationality(atLeast = 0.85)
    void followsInducedValues(SvoEvaluation evaluation) {}
  }

  @BeforeEach
  void needsTheServer() {
    Optional<String> url =
        Optional.ofNullable(System.getenv("HVAE_LLAMA_BASE_URL")).filter(u -> !u.isBlank());
    if (url.isEmpty() && "1".equals(System.getenv("HVAE_REQUIRE_LLAMA"))) {
      throw new IllegalStateException(
          "HVAE_REQUIRE_LLAMA=1 but HVAE_LLAMA_BASE_URL is not set; run the stage through"
              + " integration/llama/with-server.sh, which starts llama-server and sets it");
    }
    Assumptions.assumeTrue(
        url.isPresent(),
        "HVAE_LLAMA_BASE_URL is not set: no llama.cpp server to test against. Run"
            + " integration/llama/with-server.sh mvn -B -pl hvae-junit -Pllama verify");
    baseUrl = url.get();
  }

  private static JsonNode evaluate(ConstrainedAnswers mode) throws Exception {
    Path reportDir = Path.of("target", "hvae-llama", mode.configValue());
    Files.deleteIfExists(reportDir.resolve("hvae-report.json"));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(HvaeKeys.MODEL.name(), "openai:tiny");
    parameters.put(HvaeKeys.BASE_URL.name(), baseUrl);
    parameters.put(HvaeKeys.CONSTRAINED_ANSWERS.name(), mode.configValue());
    parameters.put(HvaeKeys.SEED.name(), "20240607");
    // The server has four slots; more requests in flight would only queue there.
    parameters.put(HvaeKeys.CONCURRENCY.name(), "4");
    parameters.put(HvaeKeys.REQUEST_TIMEOUT.name(), "60s");
    // Every exchange with the server, for reading what it answered (and the replay layer meets
    // real server replies).
    parameters.put(HvaeKeys.CASSETTE.name(), "record");
    parameters.put(HvaeKeys.CASSETTE_DIR.name(), reportDir.resolve("cassettes").toString());
    long started = System.nanoTime();
    EngineExecutionResults results =
        HvaeEngine.jupiter(reportDir, Fixture.class).configurationParameters(parameters).execute();
    long millis = (System.nanoTime() - started) / 1_000_000;

    // Both targets ran to a verdict; a random model's verdict may be FAILED, never ERROR (below).
    results.testEvents().assertStatistics(stats -> stats.started(2).finished(2));
    Path file = reportDir.resolve("hvae-report.json");
    assertThat(file).as("report of the %s run", mode).exists();
    JsonNode report = JSON.readTree(file.toFile());
    assertThat(report.path("schema").asText()).isEqualTo("hvae-report/1");
    assertThat(report.at("/run/settings/constrainedAnswers").asText()).isEqualTo(mode.configValue());
    assertThat(report.path("evaluations")).hasSize(2);
    for (JsonNode evaluation : report.path("evaluations")) {
      String target = evaluation.path("target").path("value").asText();
      assertThat(evaluation.path("model").asText()).isEqualTo("openai:tiny");
      assertThat(evaluation.path("simulated").asBoolean()).isFalse();
      assertThat(evaluation.path("verdict").asText())
          .as("%s %s: %s", mode, target, evaluation.path("reason").asText())
          .isIn("PASSED", "FAILED");
      JsonNode usage = evaluation.path("usage");
      // The server's own counts: the provider marks usage estimated when a response lacks them.
      assertThat(usage.path("estimated").asBoolean()).as("usage estimated (%s %s)", mode, target).isFalse();
      assertThat(usage.path("promptTokens").asLong()).isPositive();
      assertThat(usage.path("completionTokens").asLong()).isPositive();
      JsonNode answers = evaluation.path("answers");
      JsonNode samples = evaluation.path("samples");
      // Sequential sampling decides how many samples run: at least the requested, at most the cap.
      int run = samples.path("run").asInt();
      assertThat(run).isBetween(1, samples.path("cap").asInt());
      assertThat(samples.path("completed").asInt() + samples.path("incomplete").asInt()).isEqualTo(run);
      long answered =
          answers.path("parsed").asLong() + answers.path("refusals").asLong() + answers.path("unparseable").asLong();
      // Every reply to an item is counted once: the first answers plus the re-asks.
      assertThat(answered).isEqualTo(6L * run + answers.path("reasked").asLong());
      assertThat(usage.path("calls").asLong()).isEqualTo(CALLS_WITHOUT_REASKS * run + answers.path("reasked").asLong());
      System.out.printf(
          "[llama %s] %s: verdict %s, samples %d complete of %d run, angle %s, answers %s, usage %s, %d ms%n",
          mode,
          target,
          evaluation.path("verdict").asText(),
          evaluation.path("samples").path("completed").asInt(),
          evaluation.path("samples").path("run").asInt(),
          evaluation.path("angle"),
          answers,
          usage,
          evaluation.path("durationMs").asLong());
    }
    System.out.printf("[llama %s] run took %d ms; report %s%n", mode, millis, file.toAbsolutePath());
    return report;
  }

  private static void everyConstrainedAnswerParsed(JsonNode report) {
    for (JsonNode evaluation : report.path("evaluations")) {
      JsonNode answers = evaluation.path("answers");
      assertThat(answers.path("unparseable").asInt()).as("unparseable in %s", evaluation).isZero();
      assertThat(answers.path("refusals").asInt()).as("refusals in %s", evaluation).isZero();
      assertThat(answers.path("reasked").asInt()).isZero();
      int run = evaluation.path("samples").path("run").asInt();
      assertThat(run).isGreaterThanOrEqualTo(SAMPLES);
      assertThat(answers.path("parsed").asInt()).isEqualTo(6 * run);
      assertThat(evaluation.path("samples").path("completed").asInt()).isEqualTo(run);
      assertThat(evaluation.path("samples").path("angles"))
          .hasSize(run)
          .allSatisfy(angle -> assertThat(angle.isNumber()).as("angle of a sample").isTrue());
      assertThat(evaluation.path("angle").path("mean").isNumber()).isTrue();
      assertThat(evaluation.path("valueRationality").path("mean").isNumber()).isTrue();
      assertThat(evaluation.path("usage").path("calls").asInt()).isEqualTo(CALLS_WITHOUT_REASKS * run);
    }
  }

  @Test
  void jsonSchemaAnswersAreAllParsed() throws Exception {
    everyConstrainedAnswerParsed(evaluate(ConstrainedAnswers.JSON_SCHEMA));
  }

  @Test
  void grammarAnswersAreAllParsed() throws Exception {
    everyConstrainedAnswerParsed(evaluate(ConstrainedAnswers.GRAMMAR));
  }

  @Test
  void freeTextAnswersRunThroughWhateverTheModelWrites() throws Exception {
    JsonNode report = evaluate(ConstrainedAnswers.OFF);
    for (JsonNode evaluation : report.path("evaluations")) {
      // Gibberish rarely names an option: samples may be incomplete, but the counts add up.
      int completed = evaluation.path("samples").path("completed").asInt();
      JsonNode angles = evaluation.path("samples").path("angles");
      assertThat(angles).hasSize(evaluation.path("samples").path("run").asInt());
      // an angle for each complete sample, null for each incomplete one
      int numbers = 0;
      for (JsonNode angle : angles) {
        numbers += angle.isNumber() ? 1 : 0;
      }
      assertThat(numbers).isEqualTo(completed);
      assertThat(evaluation.path("angle").isObject()).isEqualTo(completed > 0);
    }
  }
}
