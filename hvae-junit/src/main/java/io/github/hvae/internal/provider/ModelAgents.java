package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.accounting.BudgetedAgent;
import java.util.Optional;

/** Makes the agent of a model spec through its installed {@link ModelProvider}. */
public final class ModelAgents {

  private ModelAgents() {}

  /**
   * The agent for {@code spec}, counted against the run's token budget.
   *
   * @throws ModelException when the provider cannot serve it here (no key) or none is installed
   * @throws IllegalArgumentException for an invalid base URL or setting
   */
  public static ModelAgent create(ModelSpec spec, AgentSettings settings) {
    return create(spec, SettingsContext.of(settings));
  }

  /** The agent for {@code spec}, made by its provider in {@code context}, counted against the budget. */
  public static ModelAgent create(ModelSpec spec, SettingsContext context) {
    ModelProvider provider = provider(spec);
    provider.unavailableReason(spec, context).ifPresent(reason -> {
      throw new ModelException(reason);
    });
    return new BudgetedAgent(provider.create(spec, context), context.settings().budget());
  }

  /**
   * Why {@code spec} cannot be called here, empty when it can: a hosted provider without its API
   * key. Tests that would call it are disabled with this reason rather than failed.
   */
  public static Optional<String> unavailableReason(ModelSpec spec, ModelProvider.Context context) {
    return provider(spec).unavailableReason(spec, context);
  }

  /**
   * The base URL the run's configuration gives {@code spec} ({@code hvae.<provider>.base-url}, or
   * {@code hvae.base-url} for the run's own provider), empty for the provider's own endpoint: what
   * cassettes and the response cache are keyed on.
   */
  public static Optional<String> configuredBaseUrl(ModelSpec spec, ModelProvider.Context context) {
    return HttpEndpoints.configuredBaseUrl(spec, context);
  }

  private static ModelProvider provider(ModelSpec spec) {
    return Providers.of(spec)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown model provider '" + spec.provider() + "' in '" + spec + "'; installed: "
                        + Providers.forms() + " (or name a model supplied by @HvaeModel)"));
  }
}
