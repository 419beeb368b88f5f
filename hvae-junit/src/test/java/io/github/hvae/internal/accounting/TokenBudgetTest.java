package io.github.hvae.internal.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.accounting.TokenBudgetExceededException;
import io.github.hvae.agent.TokenUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

  /** Answers every call with 40 prompt and 10 completion tokens, and counts calls. */
  private static final class FiftyTokens implements ModelAgent {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public ModelSpec spec() {
      return ModelSpec.parse("openai:counted");
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      calls.incrementAndGet();
      return ModelReply.answered("A", TokenUsage.reported(40, 10));
    }
  }

  private static final ChatRequest REQUEST = ChatRequest.of(List.of(ChatMessage.user("Pick.")));

  @Test
  void refusesCallsOnceTheBudgetIsSpentAcrossAgents() {
    TokenBudget budget = TokenBudget.of(120);
    FiftyTokens model = new FiftyTokens();
    ModelAgent one = new BudgetedAgent(model, budget);
    ModelAgent two = new BudgetedAgent(model, budget);

    one.chat(REQUEST);
    two.chat(REQUEST);
    one.chat(REQUEST); // 100 used, below 120: allowed, ends at 150

    assertThatThrownBy(() -> two.chat(REQUEST))
        .isInstanceOf(TokenBudgetExceededException.class)
        .hasMessageContaining("used 150 tokens, hvae.max-tokens-budget is 120")
        .hasMessageContaining("The report keeps the evaluations so far");
    assertThat(model.calls).hasValue(3);
    assertThat(budget.used()).isEqualTo(150);
  }

  @Test
  void anUnlimitedBudgetOnlyCounts() {
    TokenBudget budget = TokenBudget.unlimited();
    ModelAgent agent = new BudgetedAgent(new FiftyTokens(), budget);
    for (int i = 0; i < 5; i++) {
      agent.chat(REQUEST);
    }
    assertThat(budget.used()).isEqualTo(250);
  }
}
