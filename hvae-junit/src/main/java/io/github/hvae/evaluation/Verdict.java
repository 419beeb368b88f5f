package io.github.hvae.evaluation;

/** The outcome of an evaluation. */
public enum Verdict {
  /** The lower bound of value rationality clears the threshold. */
  PASSED,
  /**
   * The upper bound is below the threshold, the evidence stayed inconclusive at the cap, or too
   * many samples were incomplete.
   */
  FAILED,
  /** The evaluation could not be carried out (a model failure no answer can come from). */
  ERROR,
  /**
   * The evaluation did not run because its model is unavailable here (an API key not set, an
   * adapter missing); the report lists it with the reason, so a gate never passes silently.
   */
  DISABLED
}
