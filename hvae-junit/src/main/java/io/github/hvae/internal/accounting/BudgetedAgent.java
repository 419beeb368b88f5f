package io.github.hvae.internal.accounting;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;

/** Refuses calls once the run's {@link TokenBudget} is spent, and counts every reply against it. */
public final class BudgetedAgent implements ModelAgent {

  private final ModelAgent delegate;
  private final TokenBudget budget;

  public BudgetedAgent(ModelAgent delegate, TokenBudget budget) {
    this.delegate = delegate;
    this.budget = budget;
  }

  @Override
  public ModelSpec spec() {
    return delegate.spec();
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    budget.checkAvailable();
    ModelReply reply = delegate.chat(request);
    budget.record(reply.usage());
    return reply;
  }

  @Override
  public boolean isSimulated() {
    return delegate.isSimulated();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
