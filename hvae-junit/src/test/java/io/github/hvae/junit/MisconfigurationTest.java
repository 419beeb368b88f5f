package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Each misconfiguration fails the test before any model is called, with an {@link
 * ExtensionConfigurationException} that names the attribute or key and says what to write.
 */
@Isolated // one test sets a system property, which every engine run in this JVM would see
class MisconfigurationTest {

  @TempDir Path reportDir;

  private EngineExecutionResults containers(Class<?> fixture, String... keyValues) {
    return HvaeEngine.configured(reportDir, fixture, keyValues).execute();
  }

  private static void failsWith(EngineExecutionResults results, String... fragments) {
    HvaeEngine.refusedAtDiscovery(results, fragments);
  }

  static class ThresholdAboveOne {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 1.5)
    void test() {}
  }

  @Test
  void aThresholdOutsideZeroToOneNamesTheAttributeAndTheRange() {
    failsWith(
        containers(ThresholdAboveOne.class),
        "@ValueRationality(atLeast = 1.5) on ThresholdAboveOne.test is outside (0, 1]",
        "e.g. atLeast = 0.85");
  }

  static class BothThresholds {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0.8, maxAngularError = 10)
    void test() {}
  }

  @Test
  void bothThresholdFormsAtOnceSayWhichToWrite() {
    failsWith(
        containers(BothThresholds.class),
        "must give exactly one of atLeast or maxAngularError",
        "write @ValueRationality(atLeast = 0.85) or @ValueRationality(maxAngularError = 10)");
  }

  @ValueRationality
  static class EmptyClassThreshold {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    void test() {}
  }

  @Test
  void anEmptyThresholdOnTheClassNamesTheClass() {
    failsWith(
        containers(EmptyClassThreshold.class),
        "@ValueRationality on class EmptyClassThreshold gives nothing",
        "@ValueRationality(minInTargetCategory = 0.9)");
  }

  static class NegativeAngularError {
    @ValueAlignmentTest
    @TargetValue(PROSOCIAL)
    @ValueRationality(maxAngularError = -5)
    void test() {}
  }

  @Test
  void aNegativeAngularErrorAsksForDegrees() {
    failsWith(
        containers(NegativeAngularError.class),
        "@ValueRationality(maxAngularError = -5.0)",
        "give degrees >= 0, e.g. maxAngularError = 10");
  }

  static class NoTarget {
    @ValueAlignmentTest
    void test() {}
  }

  @Test
  void noTargetSaysWhichAnnotationToAdd() {
    failsWith(
        containers(NoTarget.class),
        "NoTarget.test has no target value; add @TargetValue(PROSOCIAL) or @TargetAngle(30.0)");
  }

  static class AngleOffTheRing {
    @ValueAlignmentTest
    @TargetAngle(200)
    void test() {}
  }

  @Test
  void anAngleOffTheRingNamesTheAngleAndTheRange() {
    failsWith(containers(AngleOffTheRing.class), "@TargetAngle(200.0) on AngleOffTheRing.test", "(-180°, 180°]");
  }

  static class TargetTwice {
    @ValueAlignmentTest
    @TargetValue({PROSOCIAL, PROSOCIAL})
    void test() {}
  }

  @Test
  void aTargetGivenTwiceIsRejected() {
    failsWith(containers(TargetTwice.class), "target PROSOCIAL is given twice on TargetTwice.test");
  }

  static class NegativeSamples {
    @ValueAlignmentTest(samples = -1)
    @TargetValue(PROSOCIAL)
    void test() {}
  }

  @Test
  void negativeSamplesSayWhatToWrite() {
    failsWith(containers(NegativeSamples.class), "@ValueAlignmentTest(samples = -1)", "write samples = 10");
  }

  static class UnknownProvider {
    @ValueAlignmentTest(models = "bard:pro")
    @TargetValue(PROSOCIAL)
    void test() {}
  }

  @Test
  void anUnknownProviderInModelsNamesTheAttributeAndTheProviders() {
    failsWith(
        containers(UnknownProvider.class),
        "@ValueAlignmentTest(models = \"bard:pro\") on UnknownProvider.test",
        "unknown model provider 'bard'",
        "openai:<model>");
  }

  static class ModelTwice {
    @ValueAlignmentTest(models = {"reference", "REFERENCE"})
    @TargetValue(PROSOCIAL)
    void test() {}
  }

  @Test
  void aModelNamedTwiceIsRejected() {
    failsWith(containers(ModelTwice.class), "lists \"reference\" twice");
  }

  static class Plain {
    @ValueAlignmentTest(samples = 2)
    @TargetValue(PROSOCIAL)
    void test() {}
  }

  @Test
  void anUnknownProviderInTheConfigurationNamesTheKey() {
    failsWith(
        containers(Plain.class, HvaeKeys.MODEL.name(), "bard:pro"),
        "configuration parameter hvae.model='bard:pro' is invalid",
        "unknown model provider 'bard'");
  }

  @Test
  void anUnknownConfigurationValueNamesTheKeyAndWhatIsExpected() {
    failsWith(
        containers(Plain.class, HvaeKeys.SAMPLES.name(), "ten"),
        "configuration parameter hvae.samples='ten' is invalid; expected a whole number from 1 to 1000");
    failsWith(
        containers(Plain.class, HvaeKeys.GOAL_PROMPT.name(), "maybe"),
        "hvae.goal-prompt='maybe'",
        "expected true or false");
    failsWith(
        containers(Plain.class, HvaeKeys.CONFIDENCE.name(), "95"),
        "hvae.confidence='95'",
        "strictly between 0 and 1");
  }

  @Test
  void anUnknownKeyGivenWithDashDNamesItAndTheNearestKnownKey() {
    System.setProperty("hvae.sample", "20");
    try {
      failsWith(
          containers(Plain.class),
          "unknown configuration parameter hvae.sample (a system property, -Dhvae.sample)",
          "did you mean hvae.samples?");
    } finally {
      System.clearProperty("hvae.sample");
    }
  }

  @Test
  void zeroSamplesInTheConfigurationAreRejected() {
    EngineExecutionResults results = containers(Plain.class, HvaeKeys.SAMPLES.name(), "0");
    failsWith(results, "hvae.samples='0' is invalid (must be between 1 and 1000)");
    assertThat(results.containerEvents().failed().count()).isEqualTo(1);
  }
}
