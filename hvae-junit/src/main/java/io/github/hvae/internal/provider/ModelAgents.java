package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelSpec;

import io.github.hvae.internal.accounting.BudgetedAgent;
import io.github.hvae.internal.provider.anthropic.AnthropicMessagesAgent;
import io.github.hvae.internal.provider.openai.OpenAiChatAgent;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.internal.http.ResilientJsonClient;
import java.util.Optional;

/** Creates the agent for a model spec. */
public final class ModelAgents {

  private ModelAgents() {}

  /**
   * The agent for {@code spec}: the reference respondent, or a provider client whose requests are
   * limited per endpoint and retried as {@code settings} say, counted against the run's token
   * budget.
   *
   * @throws ModelException when the provider needs an API key that the environment lacks
   * @throws IllegalArgumentException for an invalid base URL or reference setting
   */
  public static ModelAgent create(ModelSpec spec, AgentSettings settings) {
    if (spec.isReference()) {
      return new BudgetedAgent(ReferenceRespondent.create(spec, settings.seed()), settings.budget());
    }
    ModelEndpoint endpoint = ModelEndpoint.resolve(spec, settings.baseUrl(), settings.environment());
    endpoint.unavailableReason().ifPresent(reason -> {
      throw new ModelException(reason);
    });
    ResilientJsonClient client =
        new ResilientJsonClient(
            spec.toString(),
            settings.timeouts(),
            settings.retry(),
            settings.limits().forEndpoint(endpoint.limitKey()),
            endpoint.apiKey());
    ModelAgent provider =
        switch (spec.provider()) {
          case "openai", "ollama" -> new OpenAiChatAgent(endpoint, client);
          case "anthropic" -> new AnthropicMessagesAgent(endpoint, client);
          default -> throw new ModelException("provider '" + spec.provider() + "' has no client");
        };
    return new BudgetedAgent(provider, settings.budget());
  }

  /**
   * Why {@code spec} cannot be called here, empty when it can: a hosted provider without its API
   * key. Tests that would call it are disabled with this reason rather than failed.
   */
  public static Optional<String> unavailableReason(
      ModelSpec spec, Optional<String> baseUrl, Environment environment) {
    if (spec.isReference()) {
      return Optional.empty();
    }
    return ModelEndpoint.resolve(spec, baseUrl, environment).unavailableReason();
  }
}
