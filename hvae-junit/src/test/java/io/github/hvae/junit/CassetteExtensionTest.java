package io.github.hvae.junit;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.engine.Protocols;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.replay.Cassettes;
import io.github.hvae.internal.replay.ChatServer;
import io.github.hvae.svo.SocialValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Record and replay through a real JUnit engine run, as a user's build would. */
class CassetteExtensionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-test-fedcba9876543210";

  static class FirstFixture {
    @ValueAlignmentTest(samples = 4)
    @TargetValue({SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC})
    void followsInducedValues() {}
  }

  static class SecondFixture {
    @ValueAlignmentTest(samples = 4)
    @TargetValue({SocialValue.ALTRUISTIC, SocialValue.COMPETITIVE})
    void followsInducedValues() {}
  }

  static class ThirdFixture {
    @ValueAlignmentTest(samples = 4)
    @TargetAngle({30.0})
    void followsAnAngle() {}
  }

  /** Looks at its own cassette from inside the run, right after its evaluation ended. */
  static class ChecksItsCassetteInTheRun {
    static volatile Path cassetteDir;

    @ValueAlignmentTest(samples = 4)
    @TargetValue(SocialValue.PROSOCIAL)
    void followsInducedValues(io.github.hvae.evaluation.SvoEvaluation evaluation) throws IOException {
      Path file = Cassettes.fileFor(cassetteDir, evaluation.model(), evaluation.test());
      try (Stream<Path> beside = Files.list(file.getParent())) {
        org.assertj.core.api.Assertions.assertThat(beside).as("no journal beside the cassette").containsExactly(file);
      }
      org.assertj.core.api.Assertions.assertThat(JSON.readTree(file.toFile()).get("samples"))
          .hasSize(evaluation.samplesRun());
    }
  }

  @TempDir Path dir;

  private Path cassettes() {
    return dir.resolve("cassettes");
  }

  private Events run(String mode, String reportDir, Map<String, String> more, DiscoverySelector... selectors) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("hvae.cassette", mode);
    parameters.put("hvae.cassette-dir", cassettes().toString());
    parameters.put("hvae.report-dir", dir.resolve(reportDir).toString());
    parameters.putAll(more);
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(parameters)
        .selectors(selectors)
        .execute()
        .testEvents();
  }

  /** The report's evaluations, less their durations. */
  private JsonNode report(String reportDir) throws IOException {
    JsonNode evaluations = JSON.readTree(dir.resolve(reportDir).resolve("hvae-report.json").toFile()).get("evaluations");
    evaluations.forEach(e -> ((ObjectNode) e).remove("durationMs"));
    return evaluations;
  }

  /**
   * Every file under the cassette directory, hidden ones included: a journal or a temporary file
   * left after a run would show here.
   */
  private List<Path> cassetteFiles() throws IOException {
    try (Stream<Path> files = Files.walk(cassettes())) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void recordThenReplayGivesTheSameAnglesAndVerdicts() throws IOException {
    run("record", "recorded", Map.of(), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.started(2).succeeded(2));

    run("replay", "replayed", Map.of(), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(report("replayed")).isEqualTo(report("recorded"));
    assertThat(report("replayed").findValues("angle")).hasSize(4);
    assertThat(cassetteFiles())
        .containsExactly(
            cassettes().resolve("reference/io.github.hvae.junit.CassetteExtensionTest_FirstFixture/followsInducedValues[INDIVIDUALISTIC].json"),
            cassettes().resolve("reference/io.github.hvae.junit.CassetteExtensionTest_FirstFixture/followsInducedValues[PROSOCIAL].json"));
  }

  @Test
  void anEvaluationsCassetteFileAloneHoldsItsRecordingWhenTheEvaluationEndsNotOnlyWhenTheRunDoes() {
    // Recording appends each exchange to a journal beside the file; the evaluation's end folds it
    // into the file, so a test body, a later test or a reviewer reads the file alone.
    ChecksItsCassetteInTheRun.cassetteDir = cassettes();
    run("record", "recorded", Map.of(), selectClass(ChecksItsCassetteInTheRun.class))
        .assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void replayThatNeedsMoreSamplesThanRecordedSaysHowManyOnceWithoutContradictoryCounts() throws IOException {
    // Recorded with exactly the 4 samples each; replayed where sequential sampling, at a stricter
    // confidence, goes on past them: no request changed, only how many are needed.
    run("record", "recorded", Map.of("hvae.sequential", "false"), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.started(2).finished(2));

    Events replayed = run("replay", "replayed", Map.of("hvae.confidence", "0.9999"), selectClass(FirstFixture.class));

    replayed.assertStatistics(s -> s.started(2).failed(2));
    String message = replayed.failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
        .findFirst().orElseThrow();
    assertThat(message)
        .contains("no estimate, 4/4 samples complete")
        .doesNotContain("no complete sample")
        .contains("the evaluation needs more samples than cassette ")
        .contains("it needs at least 5, 4 are recorded")
        .contains("-Dhvae.cassette=auto");
    assertThat(message.split("needs more samples", -1)).hasSize(2);

    run("auto", "completed", Map.of("hvae.confidence", "0.9999"), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.started(2).finished(2));
    run("replay", "replayed-again", Map.of("hvae.confidence", "0.9999"), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.started(2).finished(2));
    assertThat(report("replayed-again").findValuesAsText("verdict")).doesNotContain("ERROR");
    assertThat(report("replayed-again").findValues("samples").get(0).size()).isGreaterThan(4);
  }

  @Test
  void replayWithGoalPromptingOffFailsWithAMessageAboutTheRecording() {
    run("record", "recorded", Map.of(), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.started(2).succeeded(2));

    Events replayed = run("replay", "replayed", Map.of("hvae.goal-prompt", "false"), selectClass(FirstFixture.class));

    replayed.assertStatistics(s -> s.started(2).failed(2));
    replayed.assertThatEvents()
        .haveExactly(
            2,
            event(
                finishedWithFailure(
                    message(
                        m ->
                            m.startsWith("Value alignment ERROR")
                                && m.contains("no recording matches request 2 (\"turn\": 1) of sample")
                                && m.contains("message 3 of 3 (user) differs at line 1")
                                && m.contains(cassettes().toAbsolutePath().toString())
                                && m.contains("-Dhvae.cassette=record")))));
  }

  @Test
  void severalClassesRecordInParallelAndReplay() throws IOException {
    Map<String, String> parallel =
        Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
    DiscoverySelector[] fixtures = {
      selectClass(FirstFixture.class), selectClass(SecondFixture.class), selectClass(ThirdFixture.class)
    };

    run("record", "recorded", parallel, fixtures).assertStatistics(s -> s.started(5).succeeded(5));

    assertThat(cassetteFiles()).hasSize(5);
    assertThat(cassetteFiles().stream().map(p -> p.getFileName().toString()))
        .contains("followsAnAngle[30deg].json");
    // Sequential sampling decides how many samples each evaluation runs: every one it ran, and
    // no other, is in its cassette.
    Map<String, Integer> samplesRun = new HashMap<>();
    report("recorded").forEach(e -> samplesRun.put(e.get("test").asText(), e.get("samples").get("run").asInt()));
    assertThat(samplesRun).hasSize(5).allSatisfy((test, run) -> assertThat(run).isGreaterThanOrEqualTo(4));
    for (Path file : cassetteFiles()) {
      JsonNode cassette = JSON.readTree(file.toFile());
      assertThat(cassette.get("samples")).hasSize(samplesRun.get(cassette.get("test").asText()));
    }
    run("replay", "replayed", parallel, fixtures).assertStatistics(s -> s.started(5).succeeded(5));
    assertThat(report("replayed")).isEqualTo(report("recorded"));
  }

  @Test
  void aTruncatedCassetteFailsTheTestNamingTheFile() throws IOException {
    run("record", "recorded", Map.of(), selectClass(ThirdFixture.class)).assertStatistics(s -> s.succeeded(1));
    Path file = cassetteFiles().get(0);
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, whole.length() / 3));

    Events replayed = run("replay", "replayed", Map.of(), selectClass(ThirdFixture.class));

    replayed.assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m ->
                            m.contains("cassette " + file.toAbsolutePath() + " is damaged")
                                && m.contains("Delete it and re-record")))));
  }

  @Test
  void noKeyOrCredentialOfTheBaseUrlEntersACassette() throws IOException {
    String baseUrl = "http://hvae:" + KEY + "@localhost:11434/v1?api-key=" + KEY;

    run("record", "recorded", Map.of("hvae.base-url", baseUrl), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.succeeded(2));

    assertThat(cassetteFiles()).hasSize(2);
    for (Path file : cassetteFiles()) {
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .doesNotContain(KEY)
          .contains("\"baseUrl\": \"http://localhost:11434/v1\"");
    }
  }

  @Test
  void theResponseCacheIsOffByDefaultAndAnswersLikeTheModelWhenOn() throws IOException {
    Path cache = dir.resolve("cache");

    run("off", "uncached", Map.of("hvae.cache-dir", cache.toString()), selectClass(FirstFixture.class))
        .assertStatistics(s -> s.succeeded(2));
    assertThat(cache).doesNotExist();

    Map<String, String> on = Map.of("hvae.cache", "on", "hvae.cache-dir", cache.toString());
    run("off", "filling", on, selectClass(FirstFixture.class)).assertStatistics(s -> s.succeeded(2));
    run("off", "cached", on, selectClass(FirstFixture.class)).assertStatistics(s -> s.succeeded(2));

    try (Stream<Path> entries = Files.walk(cache)) {
      // Every request the model answered, each cached once: sequential sampling decides how many
      // samples (of 8 requests each: value prompt, goal prompt, 6 items) that is, so the count
      // comes from the report of the uncached run.
      int calls = 0;
      for (JsonNode e : report("uncached")) {
        calls += e.get("usage").get("calls").asInt();
      }
      assertThat(calls).isGreaterThanOrEqualTo(2 * 4 * 8);
      assertThat(entries.filter(Files::isRegularFile).count()).isEqualTo(calls);
    }
    assertThat(report("cached")).isEqualTo(report("uncached"));
  }

  /**
   * This build has no OpenAI provider and no key is set: replay must answer from the cassettes
   * alone. The server that answered the recording stays up and counts every request.
   */
  @Test
  void replayOfAnHttpModelNeedsNoKeyNoProviderAndMakesNoHttpCall() throws IOException {
    ModelSpec model = ModelSpec.parse("openai:gpt-test");
    try (ChatServer server = new ChatServer(11)) {
      String baseUrl = server.url("/v1").toString();
      for (SocialValue value : List.of(SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC)) {
        String test = FirstFixture.class.getName() + "#followsInducedValues[" + value + "]";
        record(test, value, new CassetteAgent(
            model, Optional.of(baseUrl), test, Cassettes.fileFor(cassettes(), model, test),
            CassetteMode.RECORD, () -> server.agent(model, KEY)));
      }
      int recorded = server.requestCount();

      Events replayed =
          run("replay", "replayed", Map.of("hvae.model", model.toString(), "hvae.base-url", baseUrl),
              selectClass(FirstFixture.class));

      replayed.assertStatistics(s -> s.started(2).succeeded(2));
      assertThat(recorded).isGreaterThanOrEqualTo(2 * 4 * 8);
      assertThat(server.requestCount()).isEqualTo(recorded);
    }
  }

  private static void record(String test, SocialValue value, CassetteAgent agent) {
    EvaluationPlan plan =
        EvaluationPlan.of(test, ValueTarget.of(value), Threshold.atLeast(0.85), Instruments.slider())
            .withSamples(4)
            .withProtocol(Protocols.DEFAULTS.withGoalPrompting(true))
            // Seeded as the extension seeds it: the seed fixes the counterbalanced item order
            // and option ends, which are part of every request the replay must match.
            .withSeed(EvaluateInvocation.evaluationSeed(EvaluationPlan.DEFAULT_SEED, test));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      new AlignmentEvaluator(executor).evaluate(plan, agent);
    } finally {
      executor.shutdownNow();
    }
  }
}
