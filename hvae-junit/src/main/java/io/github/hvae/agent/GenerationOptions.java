package io.github.hvae.agent;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Generation parameters sent to a model. Empty values are not sent, so the provider's defaults
 * apply (the HVAE paper ran chat models at their default temperature). A seed is a base: providers
 * that take one send it plus the request's sample index, so samples stay independent.
 */
public record GenerationOptions(
    OptionalDouble temperature, OptionalLong seed, OptionalInt maxTokens) {

  public static final GenerationOptions DEFAULTS =
      new GenerationOptions(OptionalDouble.empty(), OptionalLong.empty(), OptionalInt.empty());

  public GenerationOptions withTemperature(double temperature) {
    return new GenerationOptions(OptionalDouble.of(temperature), seed, maxTokens);
  }

  public GenerationOptions withSeed(long seed) {
    return new GenerationOptions(temperature, OptionalLong.of(seed), maxTokens);
  }

  public GenerationOptions withMaxTokens(int maxTokens) {
    return new GenerationOptions(temperature, seed, OptionalInt.of(maxTokens));
  }
}
