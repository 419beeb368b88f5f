package io.github.hvae.junit;

import io.github.hvae.protocol.SvoEvaluation;

/** AssertJ entry point for HVAE results: {@code assertThat(evaluation).hasCategory(PROSOCIAL)}. */
public final class HvaeAssertions {

  private HvaeAssertions() {}

  public static SvoEvaluationAssert assertThat(SvoEvaluation actual) {
    return new SvoEvaluationAssert(actual);
  }
}
