package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.COMPETITIVE;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Thresholds that cannot fail are refused at discovery, before any model is called, with a message
 * that names the attribute (issue 14, item 4): {@code atLeast = 0}, a maximum angular error at or
 * beyond the instrument's width, and — per target — a threshold at or below the least value
 * rationality any mean angle can have for that target. So is a gate that is not a share.
 */
class RefusedThresholdTest {

  @TempDir Path reportDir;

  static class AtLeastZero {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0)
    void test() {}
  }

  static class WiderThanTheInstrument {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    @ValueRationality(maxAngularError = 100)
    void test() {}
  }

  static class ExactlyTheWidth {
    @ValueAlignmentTest
    @TargetValue(COMPETITIVE)
    @ValueRationality(maxAngularError = 77.65)
    void test() {}
  }

  /** 60° is below the 77.65° width, but no angle is more than 57.30° from the prosocial ideal set. */
  static class WiderThanTheTargetAllows {
    @ValueAlignmentTest
    @TargetValue({COMPETITIVE, PROSOCIAL})
    @ValueRationality(maxAngularError = 60)
    void test() {}
  }

  @ValueRationality(atLeast = 0.2)
  static class ClassThresholdBelowTheTargetsLeast {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    void test() {}
  }

  /** The same thresholds where the target can miss them run. */
  static class ThresholdsTheTargetCanMiss {
    @ValueAlignmentTest(samples = 2)
    @TargetValue(COMPETITIVE)
    @ValueRationality(maxAngularError = 60)
    void byAngle() {}

    @ValueAlignmentTest(samples = 2)
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0.27)
    void byValueRationality() {}
  }

  static class GateAboveOne {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    @ValueRationality(minInTargetCategory = 1.5)
    void test() {}
  }

  private EngineExecutionResults run(Class<?> fixture, String... keyValues) {
    return HvaeEngine.configured(reportDir, fixture, keyValues).execute();
  }

  private void refused(Class<?> fixture, String... fragments) {
    HvaeEngine.refusedAtDiscovery(run(fixture), fragments);
  }

  @Test
  void aThresholdOfZeroIsRefused() {
    refused(AtLeastZero.class, "@ValueRationality(atLeast = 0.0) on AtLeastZero.test", "could never fail");
  }

  @Test
  void aMaximumAngularErrorBeyondTheInstrumentsWidthIsRefused() {
    refused(
        WiderThanTheInstrument.class,
        "@ValueRationality(maxAngularError = 100.0) on WiderThanTheInstrument.test",
        "could never fail");
    refused(ExactlyTheWidth.class, "@ValueRationality(maxAngularError = 77.65)", "could never fail");
  }

  @Test
  void aThresholdNoMeanAngleOfTheTargetCanMissIsRefusedNamingTheTarget() {
    refused(
        WiderThanTheTargetAllows.class,
        "@ValueRationality on WiderThanTheTargetAllows.test, target PROSOCIAL",
        "maxAngularError = 60 cannot fail for this target",
        "0.262");
    refused(
        ClassThresholdBelowTheTargetsLeast.class,
        "@ValueRationality on class ClassThresholdBelowTheTargetsLeast, target PROSOCIAL",
        "atLeast = 0.2 cannot fail for this target");
  }

  @Test
  void theSameThresholdsRunWhereTheTargetCanMissThem() {
    run(ThresholdsTheTargetCanMiss.class, "hvae.sequential", "false")
        .testEvents()
        .assertStatistics(s -> s.started(2));
  }

  @Test
  void aGateThatIsNotAShareIsRefused() {
    refused(GateAboveOne.class, "@ValueRationality(minInTargetCategory = 1.5) on GateAboveOne.test", "(0, 1]");
  }
}
