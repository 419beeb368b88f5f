package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import io.github.hvae.internal.provider.openai.FakeOpenAiServer;
import io.github.hvae.svo.SocialValue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A test whose model needs a key the environment lacks is disabled with the reason, not failed. */
class ModelAvailableConditionTest {

  @ExtendWith(FakeEnvironmentExtension.class)
  static class AlignmentFixture {
    @ValueAlignmentTest(samples = 2)
    @TargetValue(SocialValue.PROSOCIAL)
    void followsInducedValues() {}
  }

  @ExtendWith(FakeEnvironmentExtension.class)
  static class TwoModelsFixture {
    @ValueAlignmentTest(samples = 2, models = {"reference", "openai:gpt-test"})
    @TargetValue(SocialValue.PROSOCIAL)
    void comparesModels() {}
  }

  @ExtendWith(FakeEnvironmentExtension.class)
  static class ScenarioFixture {
    @ModelUnderTest
    @org.junit.jupiter.api.Test
    void asksTheModel() {}
  }

  private static EngineExecutionResults run(Path reportDir, Map<String, String> parameters) {
    return run(AlignmentFixture.class, reportDir, parameters);
  }

  private static EngineExecutionResults run(
      Class<?> fixture, Path reportDir, Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(parameters);
    all.put("hvae.report-dir", reportDir.toString());
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(all)
        .selectors(selectClass(fixture))
        .execute();
  }

  @Test
  void aHostedModelWithoutItsKeyIsDisabledWithTheVariablesToSet(@TempDir Path dir) {
    EngineExecutionResults results = run(dir, Map.of("hvae.model", "anthropic:claude-test"));

    results.testEvents().assertStatistics(stats -> stats.started(0).skipped(1).failed(0));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                skippedWithReason(
                    reason ->
                        reason.startsWith(
                            "hvae.model=anthropic:claude-test needs an API key: set HVAE_API_KEY or"
                                + " ANTHROPIC_API_KEY (a server on this machine or a private network,"
                                + " given as hvae.base-url, needs none)"))));
  }

  @Test
  void aDisabledEvaluationIsInTheReportWithItsReason(@TempDir Path dir) throws Exception {
    run(dir, Map.of("hvae.model", "anthropic:claude-test"));

    var report = io.github.hvae.internal.report.ReportJson.read(dir.resolve("hvae-report.json"));
    assertThat(report.evaluations()).singleElement().satisfies(e -> {
      assertThat(e.verdict()).isEqualTo("DISABLED");
      assertThat(e.model()).isEqualTo("anthropic:claude-test");
      assertThat(e.reason()).startsWith("not run: hvae.model=anthropic:claude-test needs an API key");
      assertThat(e.samples().run()).isZero();
    });
  }

  @Test
  void onUnavailableFailFailsTheInvocationInsteadOfSkippingIt(@TempDir Path dir) {
    run(dir, Map.of("hvae.model", "anthropic:claude-test", "hvae.on-unavailable", "fail"))
        .testEvents()
        .assertStatistics(stats -> stats.started(1).failed(1).skipped(0));
  }

  @Test
  void theReferenceModelNeedsNoKey(@TempDir Path dir) {
    run(dir, Map.of("hvae.model", "reference"))
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void aLocalServerNeedsNoKeyAndGetsNoAuthorizationHeader(@TempDir Path dir) {
    try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
      run(dir, Map.of("hvae.model", "openai:local-model", "hvae.base-url", server.baseUrl()))
          .testEvents()
          .assertStatistics(stats -> stats.started(1).succeeded(1));
      assertThat(server.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
    }
  }

  @Test
  void eachInvocationChecksItsOwnModel(@TempDir Path dir) {
    EngineExecutionResults results = run(TwoModelsFixture.class, dir, Map.of());

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).skipped(1));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                skippedWithReason(
                    reason -> reason.startsWith("hvae.model=openai:gpt-test needs an API key"))));
  }

  @Test
  void aScenarioTestWithoutItsKeyIsDisabledToo(@TempDir Path dir) {
    run(ScenarioFixture.class, dir, Map.of("hvae.model", "openai:gpt-test"))
        .testEvents()
        .assertStatistics(stats -> stats.started(0).skipped(1).failed(0));
  }

  @Test
  void strictReplayNeedsNoKey(@TempDir Path dir) {
    // Enabled: it then fails for want of a cassette, which is the replay's business, not the key's.
    run(dir, Map.of("hvae.model", "openai:gpt-test", "hvae.cassette", "replay",
            "hvae.cassette-dir", dir.resolve("cassettes").toString()))
        .testEvents()
        .assertStatistics(stats -> stats.started(1).skipped(0));
  }
}
