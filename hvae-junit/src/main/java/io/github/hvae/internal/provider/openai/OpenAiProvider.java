package io.github.hvae.internal.provider.openai;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.http.ResilientJsonClient;
import io.github.hvae.internal.provider.EndpointDefaults;
import io.github.hvae.internal.provider.HttpProvider;
import io.github.hvae.internal.provider.ModelEndpoint;
import java.util.Optional;

/**
 * {@code openai:<model>}: OpenAI's Chat Completions, or any OpenAI-compatible server. The base URL
 * and key follow the OpenAI SDKs: {@code OPENAI_BASE_URL} (with {@code /v1}) and {@code
 * OPENAI_API_KEY}, sent as {@code Authorization: Bearer}.
 */
public class OpenAiProvider extends HttpProvider {

  @Override
  public String name() {
    return "openai";
  }

  @Override
  protected EndpointDefaults defaults() {
    return EndpointDefaults.openAiCompatible(
        ModelEndpoint.OPENAI_BASE_URL, Optional.of("OPENAI_BASE_URL"), "OPENAI_API_KEY");
  }

  @Override
  protected ModelAgent agent(ModelEndpoint endpoint, ResilientJsonClient client) {
    return new OpenAiChatAgent(endpoint, client);
  }
}
