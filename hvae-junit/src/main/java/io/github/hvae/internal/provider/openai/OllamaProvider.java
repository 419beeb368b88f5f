package io.github.hvae.internal.provider.openai;

import io.github.hvae.internal.provider.EndpointDefaults;
import io.github.hvae.internal.provider.ModelEndpoint;
import java.util.Optional;

/**
 * {@code ollama:<model>}: Ollama's OpenAI-compatible endpoint, on this machine by default (no key).
 * Ollama's cloud ({@code hvae.ollama.base-url=https://ollama.com/v1}) takes {@code OLLAMA_API_KEY}
 * as a Bearer token (docs.ollama.com/api/authentication). {@code OLLAMA_HOST} is not read: it is
 * also the address the server binds to ({@code 0.0.0.0}), which is no address to call.
 */
public final class OllamaProvider extends OpenAiProvider {

  @Override
  public String name() {
    return "ollama";
  }

  @Override
  protected EndpointDefaults defaults() {
    return EndpointDefaults.openAiCompatible(ModelEndpoint.OLLAMA_BASE_URL, Optional.empty(), "OLLAMA_API_KEY");
  }
}
