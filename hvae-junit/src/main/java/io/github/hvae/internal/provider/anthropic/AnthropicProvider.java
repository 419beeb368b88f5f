package io.github.hvae.internal.provider.anthropic;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.http.ResilientJsonClient;
import io.github.hvae.internal.provider.HttpProvider;
import io.github.hvae.internal.provider.ModelEndpoint;

/** {@code anthropic:<model>}: Anthropic's Messages API. */
public final class AnthropicProvider extends HttpProvider {

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  protected ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client) {
    return new AnthropicMessagesAgent(endpoint, client);
  }
}
