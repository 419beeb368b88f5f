package io.github.hvae.internal.provider.anthropic;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.ProviderContext;
import io.github.hvae.internal.provider.HttpEndpoints;
import io.github.hvae.internal.provider.ModelEndpoint;
import java.util.Optional;

/** {@code anthropic:<model>}: Anthropic's Messages API. */
public final class AnthropicProvider implements ModelProvider {

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public Optional<String> unavailableReason(ModelSpec spec, ProviderContext context) {
    return HttpEndpoints.unavailableReason(spec, context);
  }

  @Override
  public ModelAgent create(ModelSpec spec, ProviderContext context) {
    ModelEndpoint endpoint = HttpEndpoints.endpoint(spec, context);
    return new AnthropicMessagesAgent(endpoint, HttpEndpoints.client(endpoint, context));
  }
}
