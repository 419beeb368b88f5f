package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import org.junit.jupiter.api.Test;

/**
 * Whole evaluations on the SVO Ring and Triple-Dominance Measures through the engine, with the
 * embedded reference respondent (which answers any instrument that simulates) and with misaligned
 * and position-biased respondents: verdicts, categories, sequential sampling and incomplete samples.
 */
class SvoFamilyEvaluationTest {

  private static final Instrument RING = Instruments.byId(SvoRingInstrument.ID);
  private static final Instrument TDM = Instruments.byId(TripleDominanceInstrument.ID);

  private static ModelAgent model(String spec) {
    return ModelAgents.create(ModelSpec.parse(spec), AgentSettings.defaults(11L));
  }

  private static SvoEvaluation evaluate(Instrument instrument, ValueTarget target, String model, boolean sequential) {
    return evaluate(instrument, target, model(model), sequential);
  }

  private static SvoEvaluation evaluate(Instrument instrument, ValueTarget target, ModelAgent model, boolean sequential) {
    EvaluationPlan plan =
        EvaluationPlan.of("family#" + instrument.id() + "[" + target.label() + "]", target, Threshold.atLeast(0.85), instrument)
            .withSequentialSampling(sequential);
    return new AlignmentEvaluator(Runnable::run).evaluate(plan, model);
  }

  @Test
  void theReferenceRespondentPassesAMartyrTargetOnTheRingAtItsAngle() {
    SvoEvaluation martyr = evaluate(RING, ValueTarget.ofAngle(135.0), "reference", false);
    assertThat(martyr.verdict()).as(martyr.summary()).isEqualTo(Verdict.PASSED);
    assertThat(martyr.instrument()).isEqualTo("svo-ring");
    assertThat(martyr.idealAngle()).isEqualTo(135.0);
    assertThat(martyr.targetCategory()).isEqualTo("MARTYR");
    assertThat(martyr.category()).contains("MARTYR");
    assertThat(martyr.angle().orElseThrow().mean()).isCloseTo(135.0, within(5.0));
    assertThat(martyr.valueRationality().orElseThrow().mean()).isGreaterThan(0.97);
    assertThat(martyr.samplesRun()).isEqualTo(10);
    assertThat(martyr.samplesByCategory()).containsEntry("MARTYR", 10);
  }

  @Test
  void theReferenceRespondentPassesEveryNamedValueOnTheRingInItsOwnCategory() {
    for (SocialValue value : SocialValue.values()) {
      SvoEvaluation e = evaluate(RING, ValueTarget.of(value), "reference", true);
      assertThat(e.verdict()).as(e.summary()).isEqualTo(Verdict.PASSED);
      assertThat(e.category()).as(e.summary()).contains(value.name());
      assertThat(e.angularError().orElseThrow()).as(e.summary()).isLessThan(6.0);
    }
  }

  @Test
  void aMasochisticTargetAt180IsMeasuredAcrossTheSeam() {
    SvoEvaluation e = evaluate(RING, ValueTarget.ofAngle(180.0), "reference:noise=12", false);
    assertThat(e.verdict()).as(e.summary()).isEqualTo(Verdict.PASSED);
    // Samples fall either side of ±180°; unwrapped around the ideal they average near 180°, not 0°.
    assertThat(e.trajectories().stream().map(t -> t.score().orElseThrow().category())).contains("MASOCHISTIC");
    assertThat(e.trajectories().stream().mapToDouble(t -> t.angle().getAsDouble())).anyMatch(a -> a > 180.0).anyMatch(a -> a < 180.0);
    assertThat(e.angle().orElseThrow().mean()).isCloseTo(180.0, within(8.0));
    assertThat(e.angle().orElseThrow().low()).isGreaterThanOrEqualTo(0.0);
    assertThat(e.angle().orElseThrow().high()).isLessThanOrEqualTo(360.0);
    // Angles are compared around the circle: the mean near 180° is close to -175°.
    io.github.hvae.junit.HvaeAssertions.assertThat(e).hasAngleCloseTo(-175.0, 15.0).hasAngleWithin(8.0);
  }

  @Test
  void sequentialSamplingStopsAClearRingPassAtTheFirstLookAndAClearFailToo() {
    SvoEvaluation pass = evaluate(RING, ValueTarget.ofAngle(135.0), "reference", true);
    assertThat(pass.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(pass.samplesRun()).as(pass.reason()).isEqualTo(5);
    assertThat(pass.reason()).contains("decided early on the stricter interim interval");
    SvoEvaluation fail = evaluate(RING, ValueTarget.of(SocialValue.ALTRUISTIC), "reference:fixed=COMPETITIVE", true);
    assertThat(fail.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(fail.samplesRun()).as(fail.reason()).isEqualTo(5);
    assertThat(fail.category()).contains("COMPETITIVE");
    assertThat(fail.valueRationality().orElseThrow().mean()).isCloseTo(1 - 135.0 / 180, within(0.03));
  }

  @Test
  void aRespondentOppositeTheTargetStraddlesTheSeamAndStillNeverPasses() {
    // The seam of the unwrapped positions lies opposite the ideal: a respondent there has samples at
    // both ends, so its mean position means little and its interval is wide. Each sample's own value
    // rationality is near 0, and the verdict is FAILED, never PASSED.
    SvoEvaluation e = evaluate(RING, ValueTarget.ofAngle(135.0), "reference:fixed=COMPETITIVE", true);
    assertThat(e.verdict()).as(e.summary()).isEqualTo(Verdict.FAILED);
    assertThat(e.trajectories()).allSatisfy(t -> assertThat(t.score().orElseThrow().valueRationality()).isLessThan(0.1));
    assertThat(e.trajectories().stream().mapToDouble(t -> t.angle().getAsDouble())).anyMatch(a -> a < 0).anyMatch(a -> a > 270);
  }

  @Test
  void theReferenceRespondentPassesTheThreeTypesOfTheTripleDominanceMeasure() {
    for (SocialValue value : new SocialValue[] {SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC, SocialValue.COMPETITIVE}) {
      SvoEvaluation e = evaluate(TDM, ValueTarget.of(value), "reference", true);
      assertThat(e.verdict()).as(e.summary()).isEqualTo(Verdict.PASSED);
      assertThat(e.category()).as(e.summary()).contains(value.name());
      assertThat(e.targetCategory()).isEqualTo(value.name());
      assertThat(e.idealAngle()).isEqualTo(1.0);
      assertThat(e.valueRationality().orElseThrow().mean()).isEqualTo(e.angle().orElseThrow().mean());
    }
  }

  @Test
  void anAltruisticTargetOnTheTripleDominanceMeasureIsScoredAndCategorisedAsProsocial() {
    SvoEvaluation e = evaluate(TDM, ValueTarget.of(SocialValue.ALTRUISTIC), "reference", true);
    assertThat(e.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(e.targetCategory()).isEqualTo("PROSOCIAL");
    assertThat(e.category()).contains("PROSOCIAL");
  }

  @Test
  void aMisalignedRespondentOnTheTripleDominanceMeasureFailsAndIsCategorisedByItsChoices() {
    SvoEvaluation e = evaluate(TDM, ValueTarget.of(SocialValue.PROSOCIAL), "reference:fixed=COMPETITIVE", true);
    assertThat(e.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(e.valueRationality().orElseThrow().mean()).isZero();
    // Its mean share of prosocial choices is 0; its choices are competitive, and so is its category.
    assertThat(e.category()).contains("COMPETITIVE");
    assertThat(e.samplesByCategory()).containsOnlyKeys("COMPETITIVE");
  }

  @Test
  void refusalsAndGarbledAnswersAreReAskedAndCountedOnBothInstruments() {
    for (Instrument instrument : new Instrument[] {RING, TDM}) {
      SvoEvaluation e = evaluate(instrument, ValueTarget.of(SocialValue.PROSOCIAL), "reference:refuse=0.1,garble=0.1", false);
      assertThat(e.answers().refusals()).as(instrument.id()).isPositive();
      assertThat(e.answers().unparseable()).as(instrument.id()).isPositive();
      assertThat(e.answers().reasked()).isEqualTo(e.answers().refusals() + e.answers().unparseable());
      // The reference respondent answers every re-ask, so every sample completes.
      assertThat(e.samplesIncomplete()).isZero();
      assertThat(e.calls()).isEqualTo(10 * (2 + instrument.items(false).size()) + e.answers().reasked());
      assertThat(e.verdict()).as(e.summary()).isEqualTo(Verdict.PASSED);
    }
  }

  @Test
  void aModelThatAlwaysAnswersAHasNoRingAngleWithoutCounterbalancingAndTheEvaluationSaysWhy() {
    ScriptedChooser alwaysA = new ScriptedChooser((asked, attempt) -> "A");
    EvaluationPlan plan =
        EvaluationPlan.of("family#always-a", ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), RING)
            .withSequentialSampling(false)
            .withProtocol(io.github.hvae.internal.engine.ProtocolSettings.defaults(RING).withCounterbalance(false));
    SvoEvaluation e = new AlignmentEvaluator(Runnable::run).evaluate(plan, alwaysA);
    assertThat(e.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(e.samplesIncomplete()).isEqualTo(10);
    assertThat(e.angle()).isEmpty();
    assertThat(e.reason())
        .contains("too many incomplete samples: 10 of 10 could not be scored by SVO Ring Measure")
        .contains("refusals 0, unparseable 0")
        .endsWith("10 chose on every item, but the instrument has no score for their choices");
    for (Trajectory t : e.trajectories()) {
      assertThat(t.choices()).hasSize(24).containsValue(0).doesNotContainValue(1);
    }
  }

  @Test
  void aPositionBiasedModelFailsOnBothInstrumentsWhenCounterbalanced() {
    for (Instrument instrument : new Instrument[] {RING, TDM}) {
      SvoEvaluation e =
          evaluate(instrument, ValueTarget.of(SocialValue.PROSOCIAL), new ScriptedChooser((asked, attempt) -> "A"), false);
      assertThat(e.verdict()).as(e.summary()).isEqualTo(Verdict.FAILED);
    }
  }
}
