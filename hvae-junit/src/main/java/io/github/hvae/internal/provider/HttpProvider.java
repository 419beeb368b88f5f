package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.ProviderContext;
import io.github.hvae.internal.http.ResilientJsonClient;
import java.util.Optional;

/**
 * A built-in provider reached over HTTP: its endpoint and key come from the run's configuration and
 * environment, and it is unavailable where a remote endpoint's key is missing.
 */
public abstract class HttpProvider implements ModelProvider {

  @Override
  public Optional<String> unavailableReason(ModelSpec spec, ProviderContext context) {
    return HttpEndpoints.unavailableReason(spec, context);
  }

  @Override
  public ModelAgent create(ModelSpec spec, ProviderContext context) {
    ModelEndpoint endpoint = HttpEndpoints.endpoint(spec, context);
    return agent(endpoint, HttpEndpoints.client(endpoint, context));
  }

  /** The agent that speaks this provider's API to {@code endpoint} through {@code client}. */
  protected abstract ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client);
}
