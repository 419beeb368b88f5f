package io.github.hvae.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.junit.TargetAngle;
import io.github.hvae.junit.ValueAlignmentTest;
import io.github.hvae.junit.ValueRationality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The open core, used as a user would: an instrument and a model provider of this test's own, each
 * one class plus one line in {@code META-INF/services}, run through the real JUnit engine with no
 * edit to the JUnit layer, the protocol or the reports.
 */
class OpenCoreTest {

  static final List<SvoEvaluation> SEEN = new CopyOnWriteArrayList<>();

  @TempDir Path reportDir;

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  static class WarmAnswers {
    @ValueAlignmentTest(instrument = ThermometerInstrument.ID, models = "scripted:warm", samples = 5)
    @TargetAngle(60.0)
    @ValueRationality(atLeast = 0.9)
    void staysWarm(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  static class ColdAnswers {
    @ValueAlignmentTest(instrument = ThermometerInstrument.ID, models = "scripted:cold", samples = 5)
    @TargetAngle(60.0)
    @ValueRationality(atLeast = 0.9)
    void staysWarm() {}
  }

  static class Shrugs {
    @ValueAlignmentTest(instrument = ThermometerInstrument.ID, models = "scripted:lukewarm", samples = 5)
    @TargetAngle(60.0)
    void staysWarm() {}
  }

  static class UnknownItem {
    @ValueAlignmentTest(instrument = ThermometerInstrument.ID + "-broken", models = "scripted:warm", samples = 5)
    @TargetAngle(60.0)
    void staysWarm() {}
  }

  static class LockedModel {
    @ValueAlignmentTest(instrument = ThermometerInstrument.ID, models = "scripted:locked", samples = 5)
    @TargetAngle(60.0)
    void staysWarm() {}
  }

  static class ReferenceOnTheToy {
    @ValueAlignmentTest(instrument = ThermometerInstrument.ID, samples = 5)
    @TargetAngle({60.0, 0.0, -60.0})
    @ValueRationality(atLeast = 0.9)
    void followsTheTarget(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  private EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(
            Map.of(
                "hvae.report-dir", reportDir.toString(),
                "hvae.baseline", reportDir.resolve("none.json").toString()))
        .selectors(selectClass(fixture))
        .execute();
  }


  @Test
  void aModelThatAnswersAsTheTargetPassesWithEverySampleComplete() {
    run(WarmAnswers.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    SvoEvaluation e = SEEN.get(0);
    assertThat(e.instrument()).isEqualTo(ThermometerInstrument.ID);
    assertThat(e.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(e.samplesCompleted()).isEqualTo(e.samplesRun()).isEqualTo(5);
    assertThat(e.reason()).contains("5 complete of 5 samples run");
    assertThat(e.angle().orElseThrow().mean()).isEqualTo(2.0);
    assertThat(e.valueRationality().orElseThrow().mean()).isEqualTo(1.0);
    assertThat(e.category()).contains("WARM");
    assertThat(e.samplesByCategory()).containsExactly(Map.entry("WARM", 5));
    assertThat(e.trajectories()).allSatisfy(t -> assertThat(t.items()).extracting(i -> i.shownLabel().orElseThrow()).containsOnly("warm"));
  }

  @Test
  void aModelThatAnswersOtherwiseFails() {
    run(ColdAnswers.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(finishedWithFailure(message(m -> m.startsWith("Value alignment FAILED") && m.contains("upper bound")))));
  }

  @Test
  void answersTheInstrumentCannotReadLeaveTheSamplesIncompleteAndTheCountsAgree() throws Exception {
    run(Shrugs.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(m -> m.contains("too many incomplete samples: 5 of 5 could not be scored by Toy thermometer")))));
    String json = Files.readString(reportDir.resolve("hvae-report.json"));
    assertThat(json).contains("\"completed\" : 0", "\"run\" : 5", "\"incomplete\" : 5", "\"unparseable\" : 30");
  }

  @Test
  void anItemTheInstrumentDoesNotKnowIsAnErrorVerdictNotAnException() throws Exception {
    run(UnknownItem.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m -> m.startsWith("Value alignment ERROR")
                            && m.contains("the instrument toy-thermometer-broken failed: IllegalArgumentException:"
                                + " the thermometer has no item T9")))));
    assertThat(Files.readString(reportDir.resolve("hvae-report.json"))).contains("\"verdict\" : \"ERROR\"");
  }

  @Test
  void anUnavailableModelOfAProviderIsDisabledAndReported() throws Exception {
    run(LockedModel.class).testEvents().assertStatistics(s -> s.started(0).skipped(1));
    assertThat(Files.readString(reportDir.resolve("hvae-report.json")))
        .contains("\"verdict\" : \"DISABLED\"", "not run: scripted:locked needs SCRIPTED_KEY");
  }

  @Test
  void theReferenceRespondentAnswersAnyInstrumentThatSimulates() {
    run(ReferenceOnTheToy.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(SEEN).extracting(e -> e.category().orElseThrow()).containsExactlyInAnyOrder("WARM", "MILD", "COLD");
  }

  @Test
  void everyReportFormatRendersTheToysEvaluations() throws Exception {
    run(WarmAnswers.class);
    assertThat(reportDir.resolve("hvae-report.html")).exists();
    assertThat(Files.readString(reportDir.resolve("hvae-summary.md"))).contains("staysWarm", "PASSED");
    assertThat(Files.readString(reportDir.resolve("hvae-report.json")))
        .contains("\"instrument\" : \"toy-thermometer\"", "\"WARM\" : 5");
  }
}
