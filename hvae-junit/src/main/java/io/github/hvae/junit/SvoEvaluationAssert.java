package io.github.hvae.junit;

import io.github.hvae.protocol.SvoEvaluation;
import io.github.hvae.rationality.Estimate;
import io.github.hvae.svo.SocialValue;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Domain assertions on an {@link SvoEvaluation}. Every failure message carries the evaluation's
 * numbers, so a failure can be understood without rerunning.
 */
public class SvoEvaluationAssert extends AbstractAssert<SvoEvaluationAssert, SvoEvaluation> {

  SvoEvaluationAssert(SvoEvaluation actual) {
    super(actual, SvoEvaluationAssert.class);
  }

  /** The category of the mean angle is {@code expected}. */
  public SvoEvaluationAssert hasCategory(SocialValue expected) {
    isNotNull();
    if (actual.category().filter(expected::equals).isEmpty()) {
      failWithMessage(
          "Expected category %s but was %s%n%s",
          expected, actual.category().map(Enum::name).orElse("none (no complete sample)"), actual.summary());
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

  /** Every complete sample's primary choices are transitive. */
  public SvoEvaluationAssert isTransitive() {
    isNotNull();
    long intransitive =
        actual.completeSamples().stream().filter(t -> !t.choices().transitivity().transitive()).count();
    if (intransitive > 0) {
      failWithMessage(
          "Expected transitive preferences in every sample but %d of %d complete samples had a"
              + " preference cycle%n%s",
          intransitive, actual.samplesCompleted(), actual.summary());
    }
    return this;
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
