package io.github.hvae.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.hvae.evaluation.SvoEvaluation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code hvae.value-rationality=per-sample} on an instrument of a user's own: the thermometer
 * implements no per-sample floor, so {@code Scoring}'s defaults (its resolution over its range of
 * positions) carry it, and its samples' own value rationality is judged.
 */
class PerSampleOpenCoreTest {

  @TempDir Path reportDir;

  @BeforeEach
  void clear() {
    OpenCoreTest.SEEN.clear();
  }

  private EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(
            Map.of(
                "hvae.report-dir", reportDir.toString(),
                "hvae.baseline", reportDir.resolve("none.json").toString(),
                "hvae.value-rationality", "per-sample"))
        .selectors(selectClass(fixture))
        .execute();
  }

  @Test
  void aModelThatAnswersAsTheTargetPassesPerSample() {
    run(OpenCoreTest.WarmAnswers.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    SvoEvaluation e = OpenCoreTest.SEEN.get(0);
    assertThat(e.definition()).isEqualTo("per-sample");
    assertThat(e.valueRationality().orElseThrow().mean()).isEqualTo(1.0);
    assertThat(e.reason()).contains("value rationality (per-sample)");
  }

  @Test
  void theReferenceRespondentPassesEveryTargetPerSampleAndAColdModelFails() {
    run(OpenCoreTest.ReferenceOnTheToy.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(OpenCoreTest.SEEN).allSatisfy(e -> assertThat(e.definition()).isEqualTo("per-sample"));
    run(OpenCoreTest.ColdAnswers.class).testEvents().assertStatistics(s -> s.started(1).failed(1));
  }
}
