package io.github.hvae.internal.provider.openai;

import io.github.hvae.internal.provider.EndpointDefaults;
import java.util.Optional;

/**
 * {@code mistral:<model>}: Mistral's chat completions, {@code POST
 * https://api.mistral.ai/v1/chat/completions} with {@code Authorization: Bearer $MISTRAL_API_KEY}
 * (docs.mistral.ai/api). Its request names the seed {@code random_seed}, not {@code seed} (the
 * {@code ChatCompletionRequest} of Mistral's own client, mistralai/client-python).
 */
public final class MistralProvider extends OpenAiProvider {

  public static final String BASE_URL = "https://api.mistral.ai/v1";

  @Override
  public String name() {
    return "mistral";
  }

  @Override
  protected EndpointDefaults defaults() {
    return EndpointDefaults.openAiCompatible(BASE_URL, Optional.empty(), "MISTRAL_API_KEY")
        .withSeedParameter("random_seed");
  }
}
