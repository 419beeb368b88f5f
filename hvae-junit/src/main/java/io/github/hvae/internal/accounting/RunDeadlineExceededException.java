package io.github.hvae.internal.accounting;

import io.github.hvae.agent.ModelException;

/**
 * The run has used up {@code hvae.max-duration}. Like a spent token budget, the evaluator turns it
 * into an ERROR verdict, so the evaluations done so far still reach the report.
 */
public class RunDeadlineExceededException extends ModelException {

  private static final long serialVersionUID = 1L;

  public RunDeadlineExceededException(String message) {
    super(message);
  }
}
