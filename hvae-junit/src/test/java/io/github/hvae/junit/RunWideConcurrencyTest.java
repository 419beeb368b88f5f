package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.hvae.internal.provider.openai.FakeOpenAiServer;
import io.github.hvae.svo.SocialValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** hvae.concurrency holds for the whole run: across test classes running in parallel. */
class RunWideConcurrencyTest {

  static class ProsocialFixture {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(SocialValue.PROSOCIAL)
    void followsInducedValues() {}
  }

  static class CompetitiveFixture {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(SocialValue.COMPETITIVE)
    void followsInducedValues() {}
  }

  @Test
  void parallelTestClassesShareOneLimitPerEndpoint(@TempDir Path reportDir) {
    // Eight conversations could be in flight at once; the server holds requests in batches of
    // three, so the limit is reached, and a fourth request in flight would be recorded.
    try (FakeOpenAiServer server = FakeOpenAiServer.start().holdUntilConcurrent(3, Duration.ofSeconds(1))) {
      EngineTestKit.engine("junit-jupiter")
          .configurationParameters(
              Map.of(
                  "hvae.model", "openai:test-model",
                  "hvae.base-url", server.baseUrl(),
                  "hvae.concurrency", "3",
                  "hvae.report-dir", reportDir.toString(),
                  "junit.jupiter.execution.parallel.enabled", "true",
                  "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                  "junit.jupiter.execution.parallel.mode.default", "concurrent"))
          .selectors(selectClass(ProsocialFixture.class), selectClass(CompetitiveFixture.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(2).succeeded(2));

      assertThat(server.requests()).hasSize(2 * 4 * 8);
      assertThat(server.maxInFlight()).isEqualTo(3);
    }
  }
}
