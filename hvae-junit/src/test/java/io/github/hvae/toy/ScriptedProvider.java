package io.github.hvae.toy;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import java.util.Optional;

/**
 * A toy model provider, written as a user would write one: {@code scripted:<answer>} answers every
 * question asking for a choice with {@code <answer>}, and everything else with "Understood.".
 * {@code scripted:locked} is unavailable, as a hosted model without its key would be.
 */
public final class ScriptedProvider implements ModelProvider {

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public String specForm() {
    return "scripted:<answer>";
  }

  @Override
  public Optional<String> unavailableReason(ModelSpec spec, ModelProvider.Context context) {
    return spec.model().equals("locked")
        ? Optional.of("scripted:locked needs SCRIPTED_KEY, which is not set")
        : Optional.empty();
  }

  @Override
  public ModelAgent create(ModelSpec spec, ModelProvider.Context context) {
    return new ModelAgent() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public ModelReply chat(ChatRequest request) {
        boolean asksForAChoice = request.turn().flatMap(ChatRequest.Turn::item).isPresent();
        return ModelReply.answered(asksForAChoice ? spec.model() : "Understood.", new TokenUsage(5, 1, false));
      }
    };
  }
}
