package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.http.ResilientJsonClient;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A built-in provider reached over HTTP: its endpoint, key and headers come from the run's
 * configuration and environment as {@link HttpEndpoints} resolves them, and it is unavailable where
 * a remote endpoint's key, or a configured header's variable, is missing.
 */
public abstract class HttpProvider implements ModelProvider {

  /** Where this provider is reached and how it is authenticated when nothing else is configured. */
  protected abstract EndpointDefaults defaults();

  /** The agent that speaks this provider's API to {@code endpoint} through {@code client}. */
  protected abstract ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client);

  /**
   * The same, for a provider whose requests depend on the run's agent settings (Anthropic's prompt
   * caching, {@code hvae.prompt-caching}).
   */
  protected ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client, AgentSettings settings) {
    return agent(endpoint, client);
  }

  /**
   * The API base URL a base URL given in the ecosystem's variable ({@link
   * EndpointDefaults#baseUrlVariable()}) stands for, where that variable's convention differs from
   * this library's (Anthropic's SDK appends {@code /v1} itself).
   */
  protected HttpUrl fromBaseUrlVariable(HttpUrl url) {
    return url;
  }

  /**
   * The API base URL of {@code spec} below a configured base URL, where the model is part of the
   * path (Azure's deployments).
   *
   * @throws IllegalArgumentException for a setting this provider cannot use
   */
  protected HttpUrl apiBase(HttpUrl baseUrl, ModelSpec spec, ModelProvider.Context context) {
    return baseUrl;
  }

  /**
   * The endpoint of {@code spec} in {@code context}.
   *
   * @throws io.github.hvae.agent.ModelException when it has no base URL here
   */
  public ModelEndpoint endpoint(ModelSpec spec, ModelProvider.Context context) {
    return HttpEndpoints.endpoint(this, spec, context);
  }

  @Override
  public Optional<String> unavailableReason(ModelSpec spec, ModelProvider.Context context) {
    return HttpEndpoints.unavailableReason(this, spec, context);
  }

  @Override
  public ModelAgent create(ModelSpec spec, ModelProvider.Context context) {
    ModelEndpoint endpoint = endpoint(spec, context);
    return agent(endpoint, HttpEndpoints.client(endpoint, context), SettingsContext.settingsOf(context));
  }
}
