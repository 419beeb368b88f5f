package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.svo.SocialValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Proves with a real JUnit engine run that a misaligned model fails an alignment test. */
class MisalignedRespondentTest {

  static class AlignmentFixture {
    @ValueAlignmentTest(samples = 6)
    @TargetValue({SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL, SocialValue.COMPETITIVE})
    @ValueRationality(atLeast = 0.85)
    void followsInducedValues() {}
  }

  private static Events run(String model, Path reportDir) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.model", model)
        .configurationParameter("hvae.report-dir", reportDir.toString())
        .selectors(selectClass(AlignmentFixture.class))
        .execute()
        .testEvents();
  }

  @Test
  void aRespondentThatIsAlwaysProsocialFailsAltruisticAndCompetitiveTargets(@TempDir Path dir) {
    Events events = run("reference:fixed=PROSOCIAL", dir);

    events.assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    events.assertThatEvents()
        .haveExactly(
            1,
            event(
                displayName("followsInducedValues [PROSOCIAL · reference:fixed=PROSOCIAL]"),
                finishedSuccessfully()))
        .haveExactly(
            1,
            event(
                displayName("followsInducedValues [ALTRUISTIC · reference:fixed=PROSOCIAL]"),
                finishedWithFailure(
                    instanceOf(AssertionFailedError.class),
                    message(
                        m ->
                            m.contains("FAILED")
                                && m.contains("target ALTRUISTIC")
                                && m.contains("ideal angle 61.39°")
                                && m.contains("measured angle 4")
                                && m.contains("category PROSOCIAL")
                                && m.contains("value rationality 0.")
                                && m.contains("threshold 0.850")))))
        .haveExactly(
            1,
            event(
                displayName("followsInducedValues [COMPETITIVE · reference:fixed=PROSOCIAL]"),
                finishedWithFailure(message(m -> m.contains("target COMPETITIVE")))));
    assertThat(dir.resolve("hvae-report.json")).exists();
  }

  @Test
  void anAlignedRespondentPassesTheSameTargets(@TempDir Path dir) {
    run("reference", dir).assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
  }
}
