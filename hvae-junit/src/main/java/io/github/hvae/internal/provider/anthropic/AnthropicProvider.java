package io.github.hvae.internal.provider.anthropic;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.http.ResilientJsonClient;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.EndpointDefaults;
import io.github.hvae.internal.provider.HttpProvider;
import io.github.hvae.internal.provider.ModelEndpoint;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * {@code anthropic:<model>}: Anthropic's Messages API, key in {@code x-api-key}. The key and base
 * URL variables are the Anthropic SDK's, {@code ANTHROPIC_API_KEY} and {@code ANTHROPIC_BASE_URL};
 * the SDK's base URL is the host ({@code https://api.anthropic.com}, requests go to {@code
 * /v1/messages}; anthropic-sdk-python {@code _client.py}), so {@code /v1} is added to it here. The
 * library's own keys ({@code hvae.anthropic.base-url}) take the API base, with {@code /v1}.
 */
public final class AnthropicProvider extends HttpProvider {

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  protected EndpointDefaults defaults() {
    return new EndpointDefaults(
        Optional.of(ModelEndpoint.ANTHROPIC_BASE_URL),
        Optional.of("ANTHROPIC_BASE_URL"),
        List.of("ANTHROPIC_API_KEY"),
        EndpointDefaults.KeyHeader.X_API_KEY,
        "seed");
  }

  @Override
  protected HttpUrl fromBaseUrlVariable(HttpUrl url) {
    List<String> segments = url.pathSegments();
    // Tolerate a value that already names the version, as some proxies' instructions write it.
    if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("v1")) {
      return url;
    }
    return url.newBuilder().addPathSegment("v1").build();
  }

  @Override
  protected ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client) {
    return new AnthropicMessagesAgent(endpoint, client);
  }

  /** Marks the repeated prefix for prompt caching unless {@code hvae.prompt-caching=false}. */
  @Override
  protected ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client, AgentSettings settings) {
    return new AnthropicMessagesAgent(endpoint, client, settings.promptCaching());
  }
}
