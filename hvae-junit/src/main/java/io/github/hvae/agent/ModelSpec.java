package io.github.hvae.agent;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which model to evaluate: {@code provider:model}, e.g. {@code openai:gpt-4o-mini}; {@code
 * reference} (with optional settings, {@code reference:noise=3}) for the embedded simulated
 * respondent; or a bare name that a test supplies with {@code @HvaeModel("support-bot")}. Which
 * providers exist is up to the installed {@link ModelProvider}s, checked at discovery.
 *
 * @param provider the provider's name (lower case), or the bare name
 * @param model the provider's model name, with its settings; empty for a bare name
 */
public record ModelSpec(String provider, String model) {

  public static final String REFERENCE = "reference";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public ModelSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (!NAME.matcher(provider).matches()) {
      throw new IllegalArgumentException(
          "model spec '" + provider + (model.isEmpty() ? "" : ":" + model) + "' has no valid provider"
              + " name; write provider:model, e.g. openai:gpt-4o-mini, or the name of an @HvaeModel");
    }
  }

  /**
   * Parses {@code provider:model} (the provider lower-cased) or a bare name ({@code reference}, or
   * an {@code @HvaeModel} name, kept as written).
   *
   * @throws IllegalArgumentException for an empty spec or one whose model part is empty
   */
  public static ModelSpec parse(String spec) {
    String trimmed = spec.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "empty model spec; write reference, openai:<model>, anthropic:<model>, ollama:<model> or"
              + " the name of an @HvaeModel");
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      return new ModelSpec(trimmed.equalsIgnoreCase(REFERENCE) ? REFERENCE : trimmed, "");
    }
    String provider = trimmed.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String model = trimmed.substring(colon + 1).strip();
    if (model.isEmpty() && !provider.equals(REFERENCE)) {
      throw new IllegalArgumentException(
          "model spec '" + trimmed + "' names no model; write " + provider + ":<model name>");
    }
    return new ModelSpec(provider, model);
  }

  /** True for a spec without a model part: {@code reference} or an {@code @HvaeModel} name. */
  public boolean isBareName() {
    return model.isEmpty();
  }

  public boolean isReference() {
    return provider.equals(REFERENCE);
  }

  @Override
  public String toString() {
    return model.isEmpty() ? provider : provider + ":" + model;
  }
}
