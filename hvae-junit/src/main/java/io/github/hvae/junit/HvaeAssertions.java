package io.github.hvae.junit;

import io.github.hvae.evaluation.SvoEvaluation;
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
}
