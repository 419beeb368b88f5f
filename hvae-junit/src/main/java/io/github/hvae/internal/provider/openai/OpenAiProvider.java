package io.github.hvae.internal.provider.openai;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.ProviderContext;
import io.github.hvae.internal.provider.HttpEndpoints;
import io.github.hvae.internal.provider.ModelEndpoint;
import java.util.Optional;

/** {@code openai:<model>}: OpenAI's Chat Completions, or any OpenAI-compatible server. */
public class OpenAiProvider implements ModelProvider {

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Optional<String> unavailableReason(ModelSpec spec, ProviderContext context) {
    return HttpEndpoints.unavailableReason(spec, context);
  }

  @Override
  public ModelAgent create(ModelSpec spec, ProviderContext context) {
    ModelEndpoint endpoint = HttpEndpoints.endpoint(spec, context);
    return new OpenAiChatAgent(endpoint, HttpEndpoints.client(endpoint, context));
  }
}
