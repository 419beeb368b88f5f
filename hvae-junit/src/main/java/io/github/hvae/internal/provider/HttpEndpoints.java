package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.ProviderContext;
import io.github.hvae.internal.http.ResilientJsonClient;
import java.util.Optional;

/** What the built-in HTTP providers share: resolving the endpoint and making its client. */
public final class HttpEndpoints {

  private HttpEndpoints() {}

  /** The endpoint of {@code spec} as the run's configuration and environment give it. */
  public static ModelEndpoint endpoint(ModelSpec spec, ProviderContext context) {
    AgentSettings settings = SettingsContext.settingsOf(context);
    return ModelEndpoint.resolve(spec, context.parameter("hvae.base-url"), settings.environment());
  }

  /** Why {@code spec}'s endpoint cannot be called: no key for a remote endpoint. */
  public static Optional<String> unavailableReason(ModelSpec spec, ProviderContext context) {
    return endpoint(spec, context).unavailableReason();
  }

  /**
   * The client of an endpoint: limited per endpoint, retried and timed out as the run's settings
   * say, authenticated with the endpoint's own key.
   */
  public static ResilientJsonClient client(ModelEndpoint endpoint, ProviderContext context) {
    endpoint.unavailableReason().ifPresent(reason -> {
      throw new ModelException(reason);
    });
    AgentSettings settings = SettingsContext.settingsOf(context);
    return new ResilientJsonClient(
        endpoint.spec().toString(),
        settings.timeouts(),
        settings.retry(),
        settings.limits().forEndpoint(endpoint.limitKey()),
        endpoint.apiKey());
  }
}
