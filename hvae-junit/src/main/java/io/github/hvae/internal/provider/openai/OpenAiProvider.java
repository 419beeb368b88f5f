package io.github.hvae.internal.provider.openai;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.http.ResilientJsonClient;
import io.github.hvae.internal.provider.HttpProvider;
import io.github.hvae.internal.provider.ModelEndpoint;

/** {@code openai:<model>}: OpenAI's Chat Completions, or any OpenAI-compatible server. */
public class OpenAiProvider extends HttpProvider {

  @Override
  public String name() {
    return "openai";
  }

  @Override
  protected ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client) {
    return new OpenAiChatAgent(endpoint, client);
  }
}
