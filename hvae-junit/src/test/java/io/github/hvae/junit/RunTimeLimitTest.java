package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.svo.SocialValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The dead endpoint, bounded by {@code hvae.max-duration}: four evaluations on a server that
 * accepts connections and never answers end together at the run's limit, each in ERROR saying so,
 * all four in the report. (Without a limit each call would wait out its timeout and its retries.)
 */
class RunTimeLimitTest {

  // A run of its own (not one of the Maven build this test runs in, whose limit counts from the fork's start).
  @org.junit.jupiter.api.extension.ExtendWith(FakeTestJvmExtension.class)
  static class FourValues {
    @ValueAlignmentTest(samples = 4)
    @TargetValue({SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC, SocialValue.COMPETITIVE})
    @ValueRationality(atLeast = 0.85)
    void followsInducedValues() {}
  }

  @Test
  void fourEvaluationsOnAnEndpointThatNeverAnswersEndAtTheRunsLimitAndAllReachTheReport(@TempDir Path dir)
      throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      long started = System.nanoTime();
      Events events =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter("hvae.model", "openai:silent")
              .configurationParameter("hvae.base-url", "http://127.0.0.1:" + silent.getLocalPort() + "/v1")
              .configurationParameter("hvae.request-timeout", "3s")
              .configurationParameter("hvae.max-duration", "2s")
              .configurationParameter("test.jvm.build", "")
              .configurationParameter("hvae.report-dir", dir.toString())
              .configurationParameter("hvae.baseline", dir.resolve("none.json").toString())
              .selectors(selectClass(FourValues.class))
              .execute()
              .testEvents();
      long tookMs = (System.nanoTime() - started) / 1_000_000;

      events.assertStatistics(s -> s.started(4).failed(4));
      assertThat(events.failed().stream())
          .allSatisfy(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                  .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow().getMessage())
              .contains("ERROR").contains("hvae.max-duration is 2s"));
      // One limit for the run, not one timeout per evaluation: 4 × (3 s timeout × 5 attempts) otherwise.
      assertThat(tookMs).isLessThan(10_000);
      JsonNode report = new ObjectMapper().readTree(dir.resolve("hvae-report.json").toFile());
      assertThat(report.path("evaluations")).hasSize(4);
      assertThat(report.path("evaluations")).allSatisfy(e -> {
        assertThat(e.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(e.path("reason").asText()).contains("run time limit reached");
      });
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
