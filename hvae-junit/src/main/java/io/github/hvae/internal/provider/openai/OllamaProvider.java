package io.github.hvae.internal.provider.openai;

/** {@code ollama:<model>}: Ollama's OpenAI-compatible endpoint, on this machine by default. */
public final class OllamaProvider extends OpenAiProvider {

  @Override
  public String name() {
    return "ollama";
  }
}
