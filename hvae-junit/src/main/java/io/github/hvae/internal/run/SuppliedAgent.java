package io.github.hvae.internal.run;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.accounting.BudgetedAgent;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.http.ConcurrencyLimit;

/**
 * A model a test supplies, as the run uses it: reported under the name it was given, limited to the
 * run's requests in flight per model (an in-process model has no HTTP client to limit it), and
 * counted against the token budget. The test's own object is not closed: it belongs to the test.
 */
final class SuppliedAgent implements ModelAgent {

  private final ModelSpec name;
  private final ModelAgent model;
  private final ModelAgent budgeted;
  private final ConcurrencyLimit limit;

  SuppliedAgent(ModelSpec name, ModelAgent model, ConcurrencyLimit limit, TokenBudget budget) {
    this.name = name;
    this.model = model;
    this.budgeted = new BudgetedAgent(model, budget);
    this.limit = limit;
  }

  @Override
  public ModelSpec spec() {
    return name;
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    try (ConcurrencyLimit.Permit permit = limit.acquire()) {
      return budgeted.chat(request);
    } catch (ModelException e) {
      throw e;
    } catch (RuntimeException e) {
      // The team's own model failed: an ERROR verdict that names it and keeps the cause.
      throw new ModelException("the model " + name + " failed: " + e, e);
    }
  }

  @Override
  public boolean isSimulated() {
    return model.isSimulated();
  }
}
