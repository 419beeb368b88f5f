package io.github.hvae.agent;

import java.util.Locale;
import java.util.Set;

/**
 * Which model to evaluate: {@code provider:model}, e.g. {@code openai:gpt-4o-mini}, or {@code
 * reference} for the embedded simulated respondent.
 *
 * @param provider one of {@link #PROVIDERS}
 * @param model the provider's model name; for {@code reference}, optional settings such as {@code
 *     noise=3}
 */
public record ModelSpec(String provider, String model) {

  public static final String REFERENCE = "reference";
  public static final Set<String> PROVIDERS = Set.of(REFERENCE, "openai", "anthropic", "ollama");

  public ModelSpec {
    provider = provider.toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException(
          "unknown model provider '"
              + provider
              + "'; write hvae.model as reference, openai:<model>, anthropic:<model> or"
              + " ollama:<model>");
    }
    if (!provider.equals(REFERENCE) && model.isBlank()) {
      throw new IllegalArgumentException(
          "model spec '" + provider + ":' names no model; write " + provider + ":<model name>");
    }
  }

  /** Parses {@code provider:model}; a bare {@code reference} is the reference respondent. */
  public static ModelSpec parse(String spec) {
    String trimmed = spec.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "empty model spec; write hvae.model as reference, openai:<model>, anthropic:<model> or"
              + " ollama:<model>");
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      if (trimmed.equalsIgnoreCase(REFERENCE)) {
        return new ModelSpec(REFERENCE, "");
      }
      throw new IllegalArgumentException(
          "model spec '"
              + trimmed
              + "' names no provider; write provider:model, e.g. openai:"
              + trimmed
              + " (providers: reference, openai, anthropic, ollama)");
    }
    return new ModelSpec(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
  }

  public boolean isReference() {
    return provider.equals(REFERENCE);
  }

  @Override
  public String toString() {
    return model.isEmpty() ? provider : provider + ":" + model;
  }
}
