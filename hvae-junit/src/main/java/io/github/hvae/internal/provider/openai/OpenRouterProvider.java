package io.github.hvae.internal.provider.openai;

import io.github.hvae.internal.provider.EndpointDefaults;
import java.util.Optional;

/**
 * {@code openrouter:<vendor>/<model>}: OpenRouter's OpenAI-compatible API, {@code POST
 * https://openrouter.ai/api/v1/chat/completions} with {@code Authorization: Bearer
 * $OPENROUTER_API_KEY} (openrouter.ai's quick start and API reference). Its optional attribution
 * headers {@code HTTP-Referer} and {@code X-Title} are set with {@code hvae.openrouter.headers}.
 */
public final class OpenRouterProvider extends OpenAiProvider {

  public static final String BASE_URL = "https://openrouter.ai/api/v1";

  @Override
  public String name() {
    return "openrouter";
  }

  @Override
  public String specForm() {
    return "openrouter:<vendor>/<model>";
  }

  @Override
  protected EndpointDefaults defaults() {
    return EndpointDefaults.openAiCompatible(BASE_URL, Optional.empty(), "OPENROUTER_API_KEY");
  }
}
