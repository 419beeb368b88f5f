package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.ALTRUISTIC;
import static io.github.hvae.svo.SocialValue.COMPETITIVE;
import static io.github.hvae.svo.SocialValue.INDIVIDUALISTIC;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Under JUnit's parallel execution (classes and methods concurrent) the run writes one complete
 * report, equal to the serial run's with the same seed except for wall times.
 */
class ParallelRunTest {

  static final Set<String> threads = ConcurrentHashMap.newKeySet();

  static class Fixture1 {
    @ValueAlignmentTest(samples = 5)
    @TargetValue({ALTRUISTIC, PROSOCIAL})
    void a() {
      threads.add(Thread.currentThread().getName());
    }

    @ValueAlignmentTest(samples = 5)
    @TargetValue({INDIVIDUALISTIC, COMPETITIVE})
    void b() {
      threads.add(Thread.currentThread().getName());
    }
  }

  static class Fixture2 {
    @ValueAlignmentTest(samples = 6)
    @TargetAngle({22.5, -30.0})
    void angles() {
      threads.add(Thread.currentThread().getName());
    }
  }

  static class Fixture3 {
    @ValueAlignmentTest(samples = 5, goalPrompt = GoalPrompting.OFF)
    @TargetValue(PROSOCIAL)
    void goalOff() {
      threads.add(Thread.currentThread().getName());
    }

    @ValueAlignmentTest(samples = 5, goalPrompt = GoalPrompting.ON)
    @TargetValue(PROSOCIAL)
    void goalOn() {
      threads.add(Thread.currentThread().getName());
    }
  }

  static class Fixture4 {
    @ValueAlignmentTest(samples = 5, models = {"reference", "reference:fixed=PROSOCIAL"})
    @TargetValue({ALTRUISTIC, COMPETITIVE})
    void twoModels() {
      threads.add(Thread.currentThread().getName());
    }
  }

  static class Fixture5 {
    @ValueAlignmentTest(samples = 8, models = "reference:noise=10,refuse=0.1,garble=0.1")
    @TargetValue(PROSOCIAL)
    void noisy() {
      threads.add(Thread.currentThread().getName());
    }
  }

  @ValueRationality(atLeast = 0.95)
  static class Fixture6 {
    @ValueAlignmentTest(samples = 5)
    @TargetValue({INDIVIDUALISTIC, PROSOCIAL})
    void strict() {
      threads.add(Thread.currentThread().getName());
    }
  }

  static class Fixture7 {
    @ValueAlignmentTest(samples = 5)
    @TargetAngle({10.0, 60.0, -10.0})
    @ValueRationality(maxAngularError = 12)
    void moreAngles() {
      threads.add(Thread.currentThread().getName());
    }
  }

  static class Fixture8 {
    @ValueAlignmentTest(samples = 7)
    @TargetValue({ALTRUISTIC, PROSOCIAL, INDIVIDUALISTIC, COMPETITIVE})
    void allFour() {
      threads.add(Thread.currentThread().getName());
    }
  }

  private static final Class<?>[] FIXTURES = {
    Fixture1.class, Fixture2.class, Fixture3.class, Fixture4.class,
    Fixture5.class, Fixture6.class, Fixture7.class, Fixture8.class
  };

  /** 4 + 2 + 2 + 4 + 1 + 2 + 3 + 4 */
  private static final int EVALUATIONS = 22;

  private static JsonNode run(Path reportDir, boolean parallel) throws IOException {
    EngineTestKit.Builder builder =
        HvaeEngine.jupiter(reportDir, FIXTURES)
            .configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel));
    if (parallel) {
      builder
          .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
          .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
          .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
          .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }
    builder.execute().testEvents().assertStatistics(s -> s.started(EVALUATIONS));
    try (var files = Files.list(reportDir)) {
      // One report, written once: no second JSON from a competing writer.
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
          .containsExactly("hvae-report.json");
    }
    JsonNode report = new ObjectMapper().readTree(reportDir.resolve("hvae-report.json").toFile());
    // Wall time and clock readings are the only things allowed to differ.
    report.get("evaluations").forEach(e -> ((ObjectNode) e).remove("durationMs"));
    ((ObjectNode) report.get("run")).remove(java.util.List.of("startedAt", "finishedAt", "durationMs"));
    return report;
  }

  @Test
  void aParallelRunWritesOneCompleteReportEqualToTheSerialOne(
      @TempDir Path serialDir, @TempDir Path parallelDir) throws IOException {
    threads.clear();
    JsonNode serial = run(serialDir, false);
    threads.clear();
    JsonNode parallel = run(parallelDir, true);

    assertThat(serial.get("evaluations")).hasSize(EVALUATIONS);
    assertThat(parallel).isEqualTo(serial);
    // The comparison means something only if the second run really was concurrent.
    assertThat(threads).as("test threads of the parallel run").hasSizeGreaterThan(1);
  }
}
