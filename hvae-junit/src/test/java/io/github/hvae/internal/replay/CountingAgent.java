package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes requests to another agent and counts them. */
final class CountingAgent implements ModelAgent {
  private final ModelAgent delegate;
  private final AtomicInteger calls = new AtomicInteger();

  CountingAgent(ModelAgent delegate) {
    this.delegate = delegate;
  }

  int calls() {
    return calls.get();
  }

  @Override
  public ModelSpec spec() {
    return delegate.spec();
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    calls.incrementAndGet();
    return delegate.chat(request);
  }

  @Override
  public boolean isSimulated() {
    return delegate.isSimulated();
  }
}
