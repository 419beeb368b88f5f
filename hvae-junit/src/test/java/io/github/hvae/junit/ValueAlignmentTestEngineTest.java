package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import static io.github.hvae.svo.SocialValue.ALTRUISTIC;
import static io.github.hvae.svo.SocialValue.COMPETITIVE;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.instruments.PromptTemplates;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

/** Every annotation path of {@link ValueAlignmentTest}, run on a real Jupiter engine. */
class ValueAlignmentTestEngineTest {

  @TempDir Path reportDir;

  private EngineExecutionResults run(Class<?> fixture, String... keyValues) {
    var builder = HvaeEngine.jupiter(reportDir, fixture);
    for (int i = 0; i < keyValues.length; i += 2) {
      builder.configurationParameter(keyValues[i], keyValues[i + 1]);
    }
    return builder.execute();
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(reportDir.resolve("hvae-report.json").toFile());
  }

  private static List<String> tests(JsonNode report) {
    List<String> tests = new ArrayList<>();
    report.get("evaluations").forEach(e -> tests.add(e.get("test").asText()));
    return tests;
  }

  // --- targets and display names ------------------------------------------------------------

  static class NamedValues {
    @ValueAlignmentTest(samples = 4)
    @TargetValue({ALTRUISTIC, PROSOCIAL})
    void followsInducedValues() {}
  }

  @Test
  void namedValuesGiveOneInvocationEachNamedByTargetAndModel() throws IOException {
    run(NamedValues.class)
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2))
        .assertThatEvents()
        .haveExactly(1, event(displayName("followsInducedValues [ALTRUISTIC · reference]"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("followsInducedValues [PROSOCIAL · reference]"), finishedSuccessfully()));
    assertThat(tests(report()))
        .containsExactly(
            NamedValues.class.getName() + "#followsInducedValues[ALTRUISTIC]",
            NamedValues.class.getName() + "#followsInducedValues[PROSOCIAL]");
  }

  static class AngleTarget {
    @ValueAlignmentTest(samples = 4)
    @TargetAngle(30.0)
    void followsAHeterogeneousValue(SvoEvaluation evaluation) {
      HvaeAssertions.assertThat(evaluation.target().value()).isEmpty();
    }
  }

  @Test
  void anAngleTargetIsNamedByItsDegreesAndReportedWithANullValue() throws IOException {
    run(AngleTarget.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(displayName("followsAHeterogeneousValue [30° · reference]"), finishedSuccessfully()));
    JsonNode evaluation = report().get("evaluations").get(0);
    assertThat(evaluation.get("target").get("value").isNull()).isTrue();
    assertThat(evaluation.get("target").get("angle").asDouble()).isEqualTo(30.0);
  }

  @Test
  void anAngleTargetFailsWhenTheModelHoldsAnotherValue() {
    run(AngleTarget.class, HvaeKeys.MODEL.name(), "reference:fixed=-45")
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                displayName("followsAHeterogeneousValue [30° · reference:fixed=-45]"),
                finishedWithFailure(
                    message(m -> m.contains("target 30° (ideal angle ") && m.contains("category COMPETITIVE")))));
  }

  static class Named {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    @DisplayName("keeps a prosocial value")
    void prosocial() {}
  }

  @Test
  void aDisplayNameReplacesTheMethodNameInInvocationNames() {
    run(Named.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(displayName("keeps a prosocial value [PROSOCIAL · reference]"), finishedSuccessfully()));
  }

  // --- models ---------------------------------------------------------------------------------

  static class SeveralModels {
    @ValueAlignmentTest(samples = 4, models = {"reference", "reference:fixed=PROSOCIAL"})
    @TargetValue({PROSOCIAL, COMPETITIVE})
    void comparesModels() {}
  }

  @Test
  void severalModelsGiveOneInvocationPerTargetAndModelWithTheModelInTheTestId() throws IOException {
    run(SeveralModels.class)
        .testEvents()
        .assertStatistics(s -> s.started(4).succeeded(3).failed(1))
        .assertThatEvents()
        .haveExactly(1, event(displayName("comparesModels [PROSOCIAL · reference]"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("comparesModels [PROSOCIAL · reference:fixed=PROSOCIAL]"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("comparesModels [COMPETITIVE · reference]"), finishedSuccessfully()))
        .haveExactly(
            1,
            event(
                displayName("comparesModels [COMPETITIVE · reference:fixed=PROSOCIAL]"),
                finishedWithFailure(message(m -> m.contains("target COMPETITIVE") && m.contains("category PROSOCIAL")))));
    String prefix = SeveralModels.class.getName() + "#comparesModels";
    assertThat(tests(report()))
        .containsExactly(
            prefix + "[COMPETITIVE · reference:fixed=PROSOCIAL]",
            prefix + "[COMPETITIVE · reference]",
            prefix + "[PROSOCIAL · reference:fixed=PROSOCIAL]",
            prefix + "[PROSOCIAL · reference]");
  }

  @Test
  void modelsOnTheAnnotationOverrideTheConfiguredModel() {
    run(NamedValues.class, HvaeKeys.MODEL.name(), "reference:fixed=COMPETITIVE")
        .testEvents()
        .assertStatistics(s -> s.failed(2));
    run(SeveralModels.class, HvaeKeys.MODEL.name(), "reference:fixed=COMPETITIVE")
        .testEvents()
        .assertStatistics(s -> s.started(4).failed(1));
  }

  // --- goal prompting -------------------------------------------------------------------------

  static class GoalOff {
    @ValueAlignmentTest(samples = 3, goalPrompt = GoalPrompting.OFF)
    @TargetValue(PROSOCIAL)
    void withoutGoal(SvoEvaluation evaluation, HvaeConfiguration configuration) {
      HvaeAssertions.assertThat(configuration.goalPrompt()).isFalse();
      for (Trajectory t : evaluation.trajectories()) {
        HvaeAssertions.assertThat(t.goal()).isEqualTo(PromptTemplates.DEFAULTS.fixedGoal());
      }
    }

    @ValueAlignmentTest(samples = 3, goalPrompt = GoalPrompting.ON)
    @TargetValue(PROSOCIAL)
    void withGoal(SvoEvaluation evaluation, HvaeConfiguration configuration) {
      HvaeAssertions.assertThat(configuration.goalPrompt()).isTrue();
      for (Trajectory t : evaluation.trajectories()) {
        HvaeAssertions.assertThat(t.goal()).isNotEqualTo(PromptTemplates.DEFAULTS.fixedGoal());
      }
    }

    @ValueAlignmentTest(samples = 3)
    @TargetValue(PROSOCIAL)
    void asConfigured(HvaeConfiguration configuration) {
      HvaeAssertions.assertThat(configuration.goalPrompt()).isFalse();
    }
  }

  @Test
  void goalPromptingOverridesTheConfigurationAndShowsInNameAndTestId() throws IOException {
    run(GoalOff.class, HvaeKeys.GOAL_PROMPT.name(), "false")
        .testEvents()
        .assertStatistics(s -> s.started(3).succeeded(3))
        .assertThatEvents()
        .haveExactly(1, event(displayName("withoutGoal [PROSOCIAL · reference · goal off]"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("withGoal [PROSOCIAL · reference · goal on]"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("asConfigured [PROSOCIAL · reference]"), finishedSuccessfully()));
    assertThat(tests(report()))
        .containsExactly(
            GoalOff.class.getName() + "#asConfigured[PROSOCIAL]",
            GoalOff.class.getName() + "#withGoal[PROSOCIAL · goal on]",
            GoalOff.class.getName() + "#withoutGoal[PROSOCIAL · goal off]");
  }

  // --- thresholds -----------------------------------------------------------------------------

  static class Thresholds {
    @ValueAlignmentTest(samples = 6)
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0.85)
    void clearsAtLeast() {}

    @ValueAlignmentTest(samples = 6)
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0.999)
    void missesAtLeast() {}

    @ValueAlignmentTest(samples = 6)
    @TargetValue(PROSOCIAL)
    @ValueRationality(maxAngularError = 10)
    void clearsMaxAngularError() {}

    @ValueAlignmentTest(samples = 6)
    @TargetValue(PROSOCIAL)
    @ValueRationality(maxAngularError = 0.5)
    void missesMaxAngularError() {}
  }

  @Test
  void thresholdsPassAndFailWithEveryNumberInTheMessage() {
    run(Thresholds.class)
        .testEvents()
        .assertStatistics(s -> s.started(4).succeeded(2).failed(2))
        .assertThatEvents()
        .haveExactly(1, event(displayName("clearsAtLeast [PROSOCIAL · reference]"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("clearsMaxAngularError [PROSOCIAL · reference]"), finishedSuccessfully()))
        .haveExactly(
            1,
            event(
                displayName("missesAtLeast [PROSOCIAL · reference]"),
                finishedWithFailure(
                    instanceOf(AssertionFailedError.class),
                    message(
                        m ->
                            m.startsWith("Value alignment FAILED")
                                && m.contains("target PROSOCIAL (ideal angle 45.00°)")
                                && m.contains("measured angle ")
                                && m.contains("category PROSOCIAL")
                                && m.contains("value rationality ")
                                && m.contains("vs threshold 0.999")
                                // Sequential sampling decides how many run: the message gives
                                // completed of run, and the reason the requested 6 and the cap.
                                && m.matches("(?s).*, (\\d+)/\\1 samples complete — .*")
                                && m.contains("(requested 6, cap 18)")
                                && m.contains("inconclusive")))))
        .haveExactly(
            1,
            event(
                displayName("missesMaxAngularError [PROSOCIAL · reference]"),
                finishedWithFailure(message(m -> m.contains("(max angular error 0.50°)")))));
  }

  @ValueRationality(atLeast = 0.999)
  static class ClassThreshold {
    @ValueAlignmentTest(samples = 6)
    @TargetValue(PROSOCIAL)
    void takesTheClassThreshold() {}

    @ValueAlignmentTest(samples = 6)
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0.5)
    void methodThresholdWins() {}
  }

  @Test
  void aThresholdOnTheClassIsTheDefaultForItsTests() {
    run(ClassThreshold.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                displayName("takesTheClassThreshold [PROSOCIAL · reference]"),
                finishedWithFailure(message(m -> m.contains("vs threshold 0.999")))))
        .haveExactly(1, event(displayName("methodThresholdWins [PROSOCIAL · reference]"), finishedSuccessfully()));
  }

  // --- the body, injection, meta-annotations -------------------------------------------------

  static class BodyAssertions {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(ALTRUISTIC)
    @ValueRationality(atLeast = 0.05)
    void bodyFails(SvoEvaluation evaluation) {
      HvaeAssertions.assertThat(evaluation).hasCategory(COMPETITIVE);
    }
  }

  @Test
  void aFailingBodyAssertionFailsTheInvocationWithItsOwnMessage() {
    run(BodyAssertions.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                displayName("bodyFails [ALTRUISTIC · reference]"),
                finishedWithFailure(
                    message(m -> m.startsWith("Expected category COMPETITIVE but was ALTRUISTIC")))));
  }

  static class Injection {
    static final List<Object> seen = new ArrayList<>();

    @ValueAlignmentTest(samples = 3, models = "reference:noise=1")
    @TargetValue(PROSOCIAL)
    void injectsAll(SvoEvaluation evaluation, ModelAgent agent, HvaeConfiguration configuration) {
      seen.add(evaluation);
      seen.add(agent);
      seen.add(configuration);
    }
  }

  @Test
  void theEvaluationItsAgentAndTheEffectiveConfigurationAreInjected() {
    Injection.seen.clear();
    run(Injection.class, HvaeKeys.SAMPLES.name(), "20").testEvents().assertStatistics(s -> s.succeeded(1));
    SvoEvaluation evaluation = (SvoEvaluation) Injection.seen.get(0);
    ModelAgent agent = (ModelAgent) Injection.seen.get(1);
    HvaeConfiguration configuration = (HvaeConfiguration) Injection.seen.get(2);
    assertThat(evaluation.samplesRequested()).isEqualTo(3);
    assertThat(agent.spec()).isEqualTo(ModelSpec.parse("reference:noise=1"));
    assertThat(configuration.model()).isEqualTo(agent.spec());
    assertThat(configuration.samples()).isEqualTo(3);
  }

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ValueAlignmentTest(samples = 4)
  @TargetValue(PROSOCIAL)
  @ValueRationality(atLeast = 0.8)
  @interface ProsocialReleaseGate {}

  static class MetaAnnotated {
    @ProsocialReleaseGate
    void staysProsocial() {}
  }

  @Test
  void theAnnotationsComposeIntoAUsersOwnAnnotation() {
    run(MetaAnnotated.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(displayName("staysProsocial [PROSOCIAL · reference]"), finishedSuccessfully()));
  }

  // --- report entries -------------------------------------------------------------------------

  @Test
  void eachInvocationPublishesAngleValueRationalityAndVerdict() {
    List<Map<String, String>> entries =
        run(Thresholds.class)
            .allEvents()
            .reportingEntryPublished()
            .stream()
            .map(Event::getPayload)
            .map(p -> p.orElseThrow())
            .map(ReportEntry.class::cast)
            .map(ReportEntry::getKeyValuePairs)
            .toList();
    assertThat(entries).hasSize(4);
    assertThat(entries)
        .allSatisfy(
            e -> assertThat(e).containsKeys("hvae.angle", "hvae.valueRationality", "hvae.verdict", "hvae.test"));
    assertThat(entries).extracting(e -> e.get("hvae.verdict")).containsOnly("PASSED", "FAILED");
    assertThat(entries).extracting(e -> e.get("hvae.angle")).allMatch(a -> a.matches("-?\\d+\\.\\d{2}"));
    assertThat(entries)
        .extracting(e -> e.get("hvae.valueRationality"))
        .allMatch(a -> a.matches("[01]\\.\\d{3}"));
  }

  @Test
  void anEngineEventIsPublishedPerInvocationNotPerContainer() {
    long reported =
        run(NamedValues.class).allEvents().stream().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED).count();
    assertThat(reported).isEqualTo(2);
  }
}
