package io.github.hvae.internal.accounting;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;

/**
 * Refuses calls once the run's {@link RunDeadline} has passed. A view of an agent for one
 * evaluation: closing it leaves the agent open, which its owner (the run's registry) closes.
 */
public final class DeadlineAgent implements ModelAgent {

  private final ModelAgent delegate;
  private final RunDeadline deadline;

  public DeadlineAgent(ModelAgent delegate, RunDeadline deadline) {
    this.delegate = delegate;
    this.deadline = deadline;
  }

  @Override
  public ModelSpec spec() {
    return delegate.spec();
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    deadline.check();
    return delegate.chat(request);
  }

  @Override
  public boolean isSimulated() {
    return delegate.isSimulated();
  }

  @Override
  public void close() {
    // The delegate is shared by the run's evaluations; the registry closes it.
  }
}
