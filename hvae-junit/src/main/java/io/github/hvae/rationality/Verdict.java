package io.github.hvae.rationality;

/** The outcome of an evaluation. */
public enum Verdict {
  /** The lower bound of value rationality clears the threshold. */
  PASSED,
  /** The upper bound is below the threshold, or the evidence stayed inconclusive at the cap. */
  FAILED,
  /** The evaluation could not be carried out (model failure, too many incomplete samples). */
  ERROR
}
