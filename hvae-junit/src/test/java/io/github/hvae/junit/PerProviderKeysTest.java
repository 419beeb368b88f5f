package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.internal.provider.openai.FakeOpenAiServer;
import io.github.hvae.svo.SocialValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Issue 13's "done when": a test naming {@code openai:} and {@code anthropic:} models, each
 * provider's key and base URL in its own variables, sends each key only to its own server; the
 * run-wide {@code HVAE_API_KEY} and {@code hvae.base-url} serve only the provider {@code
 * hvae.model} names, and a model that would need them fails at discovery.
 */
class PerProviderKeysTest {

  private static final String OPENAI_KEY = "sk-openai-own-4b7e19c2d05a";
  private static final String ANTHROPIC_KEY = "sk-ant-own-93f0a6d1e27b";
  private static final String HVAE_KEY = "hvae-run-key-7c1d2e3f4a5b";
  private static final String GATEWAY_SECRET = "gw-canary-61e8b0f2a9d4c7";

  @ExtendWith(FakeEnvironmentExtension.class)
  static class TwoProvidersFixture {
    @ValueAlignmentTest(samples = 2, models = {"openai:gpt-test", "anthropic:claude-test"})
    @TargetValue(SocialValue.PROSOCIAL)
    // The fakes' verdicts are not what this test is about: a low bar keeps the build log quiet.
    @ValueRationality(atLeast = 0.3)
    void comparesProviders() {}
  }

  @ExtendWith(FakeEnvironmentExtension.class)
  static class OpenAiFixture {
    @ValueAlignmentTest(samples = 2, models = "openai:gpt-test")
    @TargetValue(SocialValue.PROSOCIAL)
    @ValueRationality(atLeast = 0.3)
    void asksOpenAi() {}
  }

  private final FakeOpenAiServer openai = FakeOpenAiServer.start();
  private final MockWebServer anthropic = new MockWebServer();
  private final List<RecordedRequest> anthropicRequests = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startAnthropic() throws IOException {
    anthropic.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            anthropicRequests.add(request);
            return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"content\":[{\"type\":\"text\",\"text\":\"A\"}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}")
                .build();
          }
        });
    anthropic.start();
  }

  @AfterEach
  void stop() {
    openai.close();
    anthropic.close();
  }

  private static String prefixed(String variable) {
    return FakeEnvironmentExtension.PREFIX + variable;
  }

  /** What a run printed and logged, and its events. */
  private record Run(EngineExecutionResults results, String output) {}

  private static Run run(Class<?> fixture, Path dir, Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(parameters);
    all.put("hvae.report-dir", dir.resolve("report").toString());
    all.put("hvae.sequential", "false");
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
    root.addHandler(handler);
    System.setOut(new PrintStream(HvaeEngine.tee(out, captured), true, StandardCharsets.UTF_8));
    try {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter").configurationParameters(all).selectors(selectClass(fixture)).execute();
      return new Run(results, captured.toString(StandardCharsets.UTF_8) + String.join("", logged));
    } finally {
      System.setOut(out);
      root.removeHandler(handler);
    }
  }

  /** Display names, report entries and failures: what a user sees of the run besides files. */
  private static String visible(EngineExecutionResults results) {
    StringBuilder text = new StringBuilder();
    for (Event event : results.allEvents().list()) {
      text.append(event.getTestDescriptor().getDisplayName()).append('\n');
      event.getPayload(ReportEntry.class).ifPresent(e -> text.append(e.getKeyValuePairs()).append('\n'));
      event
          .getPayload(TestExecutionResult.class)
          .flatMap(TestExecutionResult::getThrowable)
          .ifPresent(t -> text.append(t).append('\n'));
    }
    return text.toString();
  }

  private static String allFiles(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(file).append('\n').append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return text.toString();
  }

  private static String allHeaderValues(List<RecordedRequest> requests) {
    StringBuilder text = new StringBuilder();
    requests.forEach(r -> r.getHeaders().forEach(h -> text.append(h.getFirst()).append(": ").append(h.getSecond()).append('\n')));
    return text.toString();
  }

  @Test
  void eachProvidersKeyGoesOnlyToItsOwnServer(@TempDir Path dir) {
    run(
        TwoProvidersFixture.class,
        dir,
        Map.of(
            prefixed("OPENAI_API_KEY"), OPENAI_KEY,
            prefixed("OPENAI_BASE_URL"), openai.baseUrl(),
            prefixed("ANTHROPIC_API_KEY"), ANTHROPIC_KEY,
            prefixed("ANTHROPIC_BASE_URL"), anthropic.url("/").toString()));

    assertThat(openai.requests())
        .hasSize(2 * 8)
        .allSatisfy(
            r -> {
              assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
              assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
              assertThat(r.getHeaders().get("x-api-key")).isNull();
              assertThat(r.getBody().utf8()).contains("\"model\":\"gpt-test\"");
            });
    assertThat(anthropicRequests)
        .hasSize(2 * 8)
        .allSatisfy(
            r -> {
              assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
              assertThat(r.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
              assertThat(r.getHeaders().get("Authorization")).isNull();
              assertThat(r.getBody().utf8()).contains("\"model\":\"claude-test\"");
            });
    assertThat(allHeaderValues(openai.requests())).doesNotContain(ANTHROPIC_KEY);
    assertThat(allHeaderValues(anthropicRequests)).doesNotContain(OPENAI_KEY);
  }

  @Test
  void hvaeApiKeyGoesOnlyToTheProviderHvaeModelNames(@TempDir Path dir) {
    run(
        TwoProvidersFixture.class,
        dir,
        Map.of(
            "hvae.model", "openai:gpt-test",
            "hvae.base-url", openai.baseUrl(),
            prefixed("HVAE_API_KEY"), HVAE_KEY,
            prefixed("ANTHROPIC_API_KEY"), ANTHROPIC_KEY,
            prefixed("ANTHROPIC_BASE_URL"), anthropic.url("/").toString()));

    assertThat(openai.requests())
        .hasSize(2 * 8)
        .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + HVAE_KEY));
    assertThat(anthropicRequests)
        .hasSize(2 * 8)
        .allSatisfy(r -> assertThat(r.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY));
    assertThat(allHeaderValues(anthropicRequests)).doesNotContain(HVAE_KEY);
  }

  @Test
  void twoProvidersRelyingOnHvaeApiKeyFailAtDiscoverySayingWhatToSet(@TempDir Path dir) {
    Run run = run(TwoProvidersFixture.class, dir, Map.of(prefixed("HVAE_API_KEY"), HVAE_KEY));

    run.results().testEvents().assertStatistics(stats -> stats.started(2).failed(2).succeeded(0));
    run.results()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m ->
                            m.contains("model openai:gpt-test: HVAE_API_KEY is set, but they configure only the"
                                    + " provider hvae.model names, and hvae.model=reference names none")
                                && m.contains("set OPENAI_API_KEY to its key")))))
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(m -> m.contains("model anthropic:claude-test") && m.contains("set ANTHROPIC_API_KEY to its key")))));
    assertThat(visible(run.results())).doesNotContain(HVAE_KEY);
  }

  @Test
  void theOtherProviderOfARunWhoseOwnIsConfiguredByHvaeSettingsFailsAtDiscoveryAndGetsNothing(@TempDir Path dir) {
    Run run =
        run(
            TwoProvidersFixture.class,
            dir,
            Map.of("hvae.model", "openai:gpt-test", "hvae.base-url", openai.baseUrl(), prefixed("HVAE_API_KEY"), HVAE_KEY));

    run.results().testEvents().assertStatistics(stats -> stats.started(2));
    run.results()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m ->
                            m.contains("model anthropic:claude-test: HVAE_API_KEY and hvae.base-url are set, but they"
                                    + " configure only the provider hvae.model names (hvae.model=openai:gpt-test)")
                                && m.contains("set ANTHROPIC_API_KEY to its key, and hvae.anthropic.base-url or"
                                    + " ANTHROPIC_BASE_URL to its base URL")))));
    assertThat(openai.requests()).hasSize(2 * 8).allSatisfy(r -> assertThat(r.getHeaders().get("x-api-key")).isNull());
    assertThat(anthropicRequests).isEmpty();
  }

  @Test
  void headerValuesFromTheEnvironmentNeverReachReportsCassettesOrLogs(@TempDir Path dir) throws IOException {
    Path cassettes = dir.resolve("cassettes");
    Run run =
        run(
            OpenAiFixture.class,
            dir,
            Map.of(
                "hvae.openai.base-url", openai.baseUrl(),
                "hvae.openai.headers", "X-Gateway-Key=GATEWAY_KEY",
                "hvae.cassette", "record",
                "hvae.cassette-dir", cassettes.toString(),
                prefixed("OPENAI_API_KEY"), OPENAI_KEY,
                prefixed("GATEWAY_KEY"), GATEWAY_SECRET));

    run.results().testEvents().assertStatistics(stats -> stats.started(1).finished(1));
    assertThat(openai.requests())
        .hasSize(2 * 8)
        .allSatisfy(r -> assertThat(r.getHeaders().get("X-Gateway-Key")).isEqualTo(GATEWAY_SECRET));
    assertThat(Files.list(cassettes).count()).isPositive();
    assertThat(allFiles(dir)).doesNotContain(GATEWAY_SECRET).doesNotContain(OPENAI_KEY).contains("\"model\"");
    assertThat(run.output()).doesNotContain(GATEWAY_SECRET).doesNotContain(OPENAI_KEY);
    assertThat(visible(run.results())).doesNotContain(GATEWAY_SECRET).doesNotContain(OPENAI_KEY);
  }

  @Test
  void aHeaderWhoseVariableIsUnsetDisablesTheTestNamingTheVariable(@TempDir Path dir) {
    Run run =
        run(
            OpenAiFixture.class,
            dir,
            Map.of("hvae.openai.base-url", openai.baseUrl(), "hvae.openai.headers", "X-Gateway-Key=GATEWAY_KEY"));

    run.results().testEvents().assertStatistics(stats -> stats.skipped(1).started(0));
    run.results()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                skippedWithReason(
                    reason ->
                        reason.startsWith(
                            "hvae.model=openai:gpt-test sends headers whose values come from GATEWAY_KEY, which is"
                                + " not set"))));
    assertThat(openai.requests()).isEmpty();
  }
}
