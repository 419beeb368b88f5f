package io.github.hvae.internal.provider.openai;

import io.github.hvae.internal.provider.EndpointDefaults;
import java.util.Optional;

/**
 * {@code gemini:<model>}: Google's Gemini API through its OpenAI-compatible endpoint, {@code
 * POST https://generativelanguage.googleapis.com/v1beta/openai/chat/completions} with {@code
 * Authorization: Bearer $GEMINI_API_KEY}, as Google documents it
 * (ai.google.dev/gemini-api/docs/openai: base_url {@code .../v1beta/openai/}, api_key {@code
 * GEMINI_API_KEY}, model e.g. {@code gemini-2.5-flash}).
 */
public final class GeminiProvider extends OpenAiProvider {

  public static final String BASE_URL = "https://generativelanguage.googleapis.com/v1beta/openai";

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  protected EndpointDefaults defaults() {
    return EndpointDefaults.openAiCompatible(BASE_URL, Optional.empty(), "GEMINI_API_KEY");
  }
}
