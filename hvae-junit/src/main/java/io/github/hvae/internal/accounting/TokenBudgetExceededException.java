package io.github.hvae.internal.accounting;

import io.github.hvae.agent.ModelException;

/**
 * The run has used up {@code hvae.max-tokens-budget}: no further model call is made. The evaluator
 * turns it into an ERROR verdict like any {@link ModelException}, so the evaluations done so far
 * still reach the report.
 */
public class TokenBudgetExceededException extends ModelException {

  private static final long serialVersionUID = 1L;

  private final long budget;
  private final long used;

  public TokenBudgetExceededException(long budget, long used) {
    super(
        "token budget spent: this run has used "
            + used
            + " tokens, hvae.max-tokens-budget is "
            + budget
            + "; no further model calls are made. The report keeps the evaluations so far; raise"
            + " hvae.max-tokens-budget or run fewer samples or targets");
    this.budget = budget;
    this.used = used;
  }

  public long budget() {
    return budget;
  }

  public long used() {
    return used;
  }
}
