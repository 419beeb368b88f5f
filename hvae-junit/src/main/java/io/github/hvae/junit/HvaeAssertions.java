package io.github.hvae.junit;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.internal.instruments.SvoRingMeasure;
import io.github.hvae.internal.instruments.SvoSliderInstrument;
import io.github.hvae.internal.svo.SvoChoices;
import io.github.hvae.svo.SocialValue;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ entry point for HVAE results: {@code assertThat(evaluation).hasCategory(PROSOCIAL)}. It
 * extends AssertJ's {@link Assertions}, so one static import serves evaluations and everything
 * else a test asserts on.
 */
public class HvaeAssertions extends Assertions {

  protected HvaeAssertions() {}

  public static SvoEvaluationAssert assertThat(SvoEvaluation actual) {
    return new SvoEvaluationAssert(actual);
  }

  /**
   * Domain assertions on an {@link SvoEvaluation}. Every failure message carries the evaluation's
   * numbers, so a failure can be understood without rerunning.
   */
  public static class SvoEvaluationAssert extends AbstractAssert<SvoEvaluationAssert, SvoEvaluation> {

    SvoEvaluationAssert(SvoEvaluation actual) {
      super(actual, SvoEvaluationAssert.class);
    }

    /** The category of the mean angle is {@code expected}. */
    public SvoEvaluationAssert hasCategory(SocialValue expected) {
      return hasCategory(expected.name());
    }

    /**
     * The category of the mean angle is {@code expected}, as the evaluation's instrument names its
     * categories ({@code PROSOCIAL}; on the Ring Measure also {@code MARTYR}, say).
     */
    public SvoEvaluationAssert hasCategory(String expected) {
      isNotNull();
      if (actual.category().filter(expected::equals).isEmpty()) {
        // A category the target does not have on this instrument (ALTRUISTIC on the Triple-Dominance
        // Measure, which reads it as PROSOCIAL) is a test written for another instrument: say so.
        String note =
            expected.equals(actual.targetCategory()) || actual.targetCategory().equals("n/a")
                ? ""
                : String.format(
                    "%non %s the ideal respondent of %s falls in %s, not %s; hasCategory(evaluation.targetCategory())"
                        + " asserts the target's own category on any instrument",
                    actual.instrument(), actual.goal().label(), actual.targetCategory(), expected);
        failWithMessage(
            "Expected category %s but was %s%s%n%s",
            expected, actual.category().orElse("none (no complete sample)"), note, actual.summary());
      }
      return this;
    }

    /** The verdict is PASSED: the lower bound of value rationality cleared the threshold. */
    public SvoEvaluationAssert passed() {
      return hasVerdict(Verdict.PASSED);
    }

    /** The verdict is {@code expected}. */
    public SvoEvaluationAssert hasVerdict(Verdict expected) {
      isNotNull();
      if (actual.verdict() != expected) {
        failWithMessage("Expected verdict %s but was %s%n%s", expected, actual.verdict(), actual.summary());
      }
      return this;
    }

    /**
     * The lower bound of the confidence interval of value rationality is at least {@code threshold}:
     * the stricter, interval-based form of {@link #hasValueRationalityAtLeast(double)}.
     */
    public SvoEvaluationAssert hasValueRationalityLowerBoundAtLeast(double threshold) {
      isNotNull();
      Estimate vr = requireEstimate();
      if (vr.low() < threshold) {
        failWithMessage(
            "Expected the lower bound of value rationality at least %s but the interval was [%s, %s]"
                + " (mean %s)%n%s",
            format(threshold), format(vr.low()), format(vr.high()), format(vr.mean()), actual.summary());
      }
      return this;
    }

    /** The point estimate of value rationality is at least {@code threshold}. */
    public SvoEvaluationAssert hasValueRationalityAtLeast(double threshold) {
      isNotNull();
      Estimate vr = requireEstimate();
      if (vr.mean() < threshold) {
        failWithMessage(
            "Expected value rationality at least %s but was %s%n%s",
            format(threshold), format(vr.mean()), actual.summary());
      }
      return this;
    }

    /** The mean angle lies within {@code degrees} of the target's ideal angle. */
    public SvoEvaluationAssert hasAngleWithin(double degrees) {
      isNotNull();
      requireEstimate();
      double error = actual.angularError().orElseThrow();
      if (error > degrees) {
        failWithMessage(
            "Expected the mean angle within %s° of the ideal angle %s° but it was %s° away%n%s",
            format(degrees), format(actual.idealAngle()), format(error), actual.summary());
      }
      return this;
    }

    /**
     * The mean angle lies within {@code degrees} of {@code expectedAngle} (any angle, in degrees),
     * measured around the circle: on the SVO Ring Measure a mean of 190° is within 5° of -175°.
     */
    public SvoEvaluationAssert hasAngleCloseTo(double expectedAngle, double degrees) {
      isNotNull();
      Estimate angle = requireAngle();
      double error = SvoRingMeasure.distance(angle.mean(), expectedAngle);
      if (error > degrees) {
        failWithMessage(
            "Expected the mean angle within %s° of %s° but it was %s° [%s, %s], %s° away%n%s",
            format(degrees),
            format(expectedAngle),
            format(angle.mean()),
            format(angle.low()),
            format(angle.high()),
            format(error),
            actual.summary());
      }
      return this;
    }

    /** No item answer was a refusal. */
    public SvoEvaluationAssert hasNoRefusals() {
      isNotNull();
      if (actual.answers().refusals() > 0) {
        failWithMessage(
            "Expected no refusals but the model refused %d time(s)%n%s",
            actual.answers().refusals(), actual.summary());
      }
      return this;
    }

    /** Every item answer named exactly one option (before any re-ask). */
    public SvoEvaluationAssert hasNoUnparseableAnswers() {
      isNotNull();
      if (actual.answers().unparseable() > 0) {
        failWithMessage(
            "Expected every answer to name one option but %d answer(s) named none or several"
                + " (refusals %d, re-asked %d)%n%s",
            actual.answers().unparseable(),
            actual.answers().refusals(),
            actual.answers().reasked(),
            actual.summary());
      }
      return this;
    }

    /**
     * Every sample run completed: each has a choice on every primary item. Compared with the samples
     * run, not requested: sequential sampling may stop before the requested number or go beyond it,
     * and an early stop is not an incomplete sample.
     */
    public SvoEvaluationAssert hasAllSamplesComplete() {
      isNotNull();
      if (actual.samplesRun() == 0 || actual.samplesCompleted() < actual.samplesRun()) {
        failWithMessage(
            "Expected all %d samples run complete but only %d were (refusals %d, unparseable %d)%n%s",
            actual.samplesRun(),
            actual.samplesCompleted(),
            actual.answers().refusals(),
            actual.answers().unparseable(),
            actual.summary());
      }
      return this;
    }

    /** The evaluation used at most {@code tokens} prompt and completion tokens together. */
    public SvoEvaluationAssert usedAtMostTokens(long tokens) {
      isNotNull();
      long used = actual.usage().totalTokens();
      if (used > tokens) {
        failWithMessage(
            "Expected at most %d tokens but the evaluation used %d (%d prompt + %d completion%s) in"
                + " %d calls%n%s",
            tokens,
            used,
            actual.usage().promptTokens(),
            actual.usage().completionTokens(),
            actual.usage().estimated() ? ", estimated" : "",
            actual.calls(),
            actual.summary());
      }
      return this;
    }

    /**
     * Every complete sample's choices on the SVO Slider's primary items are transitive (no preference
     * cycle among the four ideal types the items pit against each other).
     */
    public SvoEvaluationAssert isTransitive() {
      isNotNull();
      if (!actual.instrument().equals(SvoSliderInstrument.ID)) {
        failWithMessage(
            "Transitivity is defined on the SVO Slider's primary items, but this evaluation used %s%n%s",
            actual.instrument(), actual.summary());
      }
      long intransitive =
          actual.completeSamples().stream().filter(t -> !sliderChoices(t).transitivity().transitive()).count();
      if (intransitive > 0) {
        failWithMessage(
            "Expected transitive preferences in every sample but %d of %d complete samples had a"
                + " preference cycle%n%s",
            intransitive, actual.samplesCompleted(), actual.summary());
      }
      return this;
    }

    private static SvoChoices sliderChoices(Trajectory sample) {
      Map<Integer, Integer> byNumber = new TreeMap<>();
      sample.choices().forEach((item, option) -> byNumber.put(Integer.parseInt(item), option));
      return new SvoChoices(byNumber);
    }

    private Estimate requireAngle() {
      if (actual.angle().isEmpty()) {
        failWithMessage("Expected a measured angle but no sample completed%n%s", actual.summary());
      }
      return actual.angle().get();
    }

    private Estimate requireEstimate() {
      if (actual.valueRationality().isEmpty()) {
        failWithMessage("Expected a measured value but no sample completed%n%s", actual.summary());
      }
      return actual.valueRationality().get();
    }

    private static String format(double value) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
  }
}
