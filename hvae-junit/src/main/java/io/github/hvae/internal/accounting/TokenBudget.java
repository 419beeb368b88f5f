package io.github.hvae.internal.accounting;

import io.github.hvae.internal.accounting.TokenBudgetExceededException;
import io.github.hvae.agent.TokenUsage;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens the whole run may use ({@code hvae.max-tokens-budget}), shared by every agent. A call
 * is refused once the tokens used reach the budget; calls already in flight when it is reached
 * still complete and count, so a run may end a few calls past it.
 */
public final class TokenBudget {

  private final OptionalLong max;
  private final AtomicLong used = new AtomicLong();

  private TokenBudget(OptionalLong max) {
    this.max = max;
  }

  public static TokenBudget unlimited() {
    return new TokenBudget(OptionalLong.empty());
  }

  public static TokenBudget of(long maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException(
          "hvae.max-tokens-budget must be at least 1, was " + maxTokens);
    }
    return new TokenBudget(OptionalLong.of(maxTokens));
  }

  public static TokenBudget of(OptionalLong maxTokens) {
    return maxTokens.isPresent() ? of(maxTokens.getAsLong()) : unlimited();
  }

  public OptionalLong max() {
    return max;
  }

  public long used() {
    return used.get();
  }

  /** @throws TokenBudgetExceededException when the budget is spent */
  public void checkAvailable() {
    if (max.isPresent() && used.get() >= max.getAsLong()) {
      throw new TokenBudgetExceededException(max.getAsLong(), used.get());
    }
  }

  /** Counts a call's tokens, reported or estimated. */
  public void record(TokenUsage usage) {
    used.addAndGet(usage.totalTokens());
  }
}
