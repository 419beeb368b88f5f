package io.github.hvae.junit;

import static io.github.hvae.junit.HvaeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.internal.provider.openai.FakeOpenAiServer;
import io.github.hvae.internal.provider.openai.FakeOpenAiServer.Fault;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.svo.SocialValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The "done when", as a new user would run it: alignment tests against a local
 * OpenAI-compatible server that answers some requests with 429, 503, truncated JSON or a dropped
 * connection before it succeeds.
 */
class ProviderEndToEndTest {

  private static final String KEY = "sk-hvae-e2e-canary-7f3a9c51d2";
  private static final ObjectMapper JSON = new ObjectMapper();

  @ExtendWith(FakeEnvironmentExtension.class)
  static class AlignmentFixture {
    @ValueAlignmentTest(samples = 4)
    @TargetValue({SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC, SocialValue.COMPETITIVE})
    @ValueRationality(atLeast = 0.85)
    void followsInducedValues(SvoEvaluation evaluation) {
      assertThat(evaluation).hasCategory(evaluation.target().category());
    }
  }

  /** What a run printed, logged and reported, to search for the key. */
  private record Run(EngineExecutionResults results, String output) {}

  private static Run run(Map<String, String> parameters) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler handler =
        new Handler() {
          private final SimpleFormatter formatter = new SimpleFormatter();

          @Override
          public void publish(LogRecord record) {
            logged.add(formatter.format(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    PrintStream out = System.out;
    PrintStream err = System.err;
    root.addHandler(handler);
    System.setOut(new PrintStream(HvaeEngine.tee(out, captured), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(HvaeEngine.tee(err, captured), true, StandardCharsets.UTF_8));
    try {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameters(parameters)
              .selectors(selectClass(AlignmentFixture.class))
              .execute();
      return new Run(results, captured.toString(StandardCharsets.UTF_8) + String.join("", logged));
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(handler);
    }
  }

  /** Everything a user could see of the run besides files: names, messages, report entries. */
  private static String visible(EngineExecutionResults results) {
    StringBuilder text = new StringBuilder();
    for (Event event : results.allEvents().list()) {
      text.append(event.getTestDescriptor().getDisplayName()).append('\n');
      event.getPayload(ReportEntry.class).ifPresent(e -> text.append(e.getKeyValuePairs()).append('\n'));
      event
          .getPayload(org.junit.platform.engine.TestExecutionResult.class)
          .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
          .ifPresent(t -> text.append(t).append('\n'));
    }
    return text.toString();
  }

  private static List<Path> filesWithKey(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return new String(Files.readAllBytes(f), StandardCharsets.UTF_8).contains(KEY);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void passesWithTheAnglesTheServersChoicesImplyThroughInjectedFaults(@TempDir Path reportDir) throws Exception {
    try (FakeOpenAiServer server =
        FakeOpenAiServer.start()
            .faultEvery(3, Fault.RATE_LIMITED, Fault.UNAVAILABLE, Fault.TRUNCATED_JSON, Fault.DROPPED_CONNECTION, Fault.CUT_BODY)) {
      Run run =
          run(
              Map.of(
                  "hvae.model", "openai:test-model",
                  "hvae.base-url", server.baseUrl(),
                  "hvae.report-dir", reportDir.toString(),
                  "hvae.retry-backoff", "10ms",
                  "hvae.concurrency", "4",
                  // Exactly the 4 samples asked for: when sequential sampling would stop depends on
                  // the fake's angles and the interim rule, which this test is not about.
                  "hvae.sequential", "false",
                  FakeEnvironmentExtension.PREFIX + "HVAE_API_KEY", KEY));

      run.results().testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
      for (Fault fault : List.of(Fault.RATE_LIMITED, Fault.UNAVAILABLE, Fault.TRUNCATED_JSON, Fault.DROPPED_CONNECTION, Fault.CUT_BODY)) {
        assertThat(server.injected(fault)).as("injected %s", fault).isPositive();
      }
      assertThat(server.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY));

      JsonNode report = JSON.readTree(reportDir.resolve("hvae-report.json").toFile());
      assertThat(report.path("evaluations")).hasSize(4);
      for (JsonNode evaluation : report.path("evaluations")) {
        SocialValue value = SocialValue.valueOf(evaluation.path("target").path("value").asText());
        assertThat(evaluation.path("model").asText()).isEqualTo("openai:test-model");
        assertThat(evaluation.path("verdict").asText()).isEqualTo("PASSED");
        assertThat(evaluation.path("samples").path("completed").asInt()).isEqualTo(4);
        assertThat(evaluation.path("angle").path("mean").asDouble())
            .as("angle of %s", value)
            .isCloseTo(FakeOpenAiServer.expectedAngle(value), org.assertj.core.data.Offset.offset(1e-3));
        // 8 calls per sample: value prompt, goal prompt, six items; retries are not calls.
        assertThat(evaluation.path("usage").path("calls").asInt()).isEqualTo(32);
        assertThat(evaluation.path("usage").path("estimated").asBoolean()).isFalse();
      }

      assertThat(filesWithKey(reportDir)).isEmpty();
      // Retries are logged at FINE (issue 15): the console stays quiet while faults are retried.
      assertThat(run.output()).doesNotContain(KEY).doesNotContain("attempt 2 of 5");
      assertThat(visible(run.results())).doesNotContain(KEY);
    }
  }

  @Test
  void aRejectedKeyErrorsTheEvaluationsSayingWhatToSetWithoutShowingIt(@TempDir Path reportDir) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              // Servers echo the rejected key, here whole.
              return new MockResponse.Builder()
                  .code(401)
                  .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")
                  .build();
            }
          });
      server.start();
      Run run =
          run(
              Map.of(
                  "hvae.model", "openai:test-model",
                  "hvae.base-url", server.url("/v1").toString(),
                  "hvae.report-dir", reportDir.toString(),
                  FakeEnvironmentExtension.PREFIX + "OPENAI_API_KEY", KEY));

      run.results().testEvents().assertStatistics(stats -> stats.started(4).failed(4));
      JsonNode report = JSON.readTree(reportDir.resolve("hvae-report.json").toFile());
      for (JsonNode evaluation : report.path("evaluations")) {
        assertThat(evaluation.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(evaluation.path("reason").asText())
            .contains("HTTP 401")
            .contains("the API key from OPENAI_API_KEY was rejected; set HVAE_API_KEY or OPENAI_API_KEY to a valid key");
      }
      assertThat(filesWithKey(reportDir)).isEmpty();
      assertThat(run.output()).doesNotContain(KEY);
      assertThat(visible(run.results())).doesNotContain(KEY).contains("HTTP 401");
    }
  }

  @Test
  void aSpentTokenBudgetStopsTheRunAndKeepsThePartialReport(@TempDir Path reportDir) throws Exception {
    Run run =
        run(
            Map.of(
                "hvae.model", "reference",
                "hvae.max-tokens-budget", "3000",
                "hvae.report-dir", reportDir.toString()));

    run.results().testEvents().assertStatistics(stats -> stats.started(4).failed(4));
    JsonNode report = JSON.readTree(reportDir.resolve("hvae-report.json").toFile());
    assertThat(report.path("evaluations")).hasSize(4);
    for (JsonNode evaluation : report.path("evaluations")) {
      assertThat(evaluation.path("verdict").asText()).isEqualTo("ERROR");
      assertThat(evaluation.path("reason").asText()).contains("token budget spent").contains("hvae.max-tokens-budget is 3000");
    }
  }
}
