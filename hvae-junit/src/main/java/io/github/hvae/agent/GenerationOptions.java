package io.github.hvae.agent;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Generation parameters sent to a model. Empty values are not sent, so the provider's defaults
 * apply (the HVAE paper ran chat models at their default temperature). A seed is a base: providers
 * that take one send it plus the request's sample index, so samples stay independent.
 *
 * @param constrainedAnswers how requests that expect a choice restrict the answer ({@code
 *     hvae.constrained-answers}); {@link ConstrainedAnswers#OFF} by default
 * @param choice present on requests whose answer is a choice among labelled options, and only when
 *     {@code constrainedAnswers} is on (see {@link #expectingChoice}), so that requests under {@code
 *     off} are exactly what they were without this feature
 */
public record GenerationOptions(
    OptionalDouble temperature,
    OptionalLong seed,
    OptionalInt maxTokens,
    ConstrainedAnswers constrainedAnswers,
    Optional<ChoiceConstraint> choice) {

  public static final GenerationOptions DEFAULTS =
      new GenerationOptions(
          OptionalDouble.empty(),
          OptionalLong.empty(),
          OptionalInt.empty(),
          ConstrainedAnswers.OFF,
          Optional.empty());

  public GenerationOptions {
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(maxTokens, "maxTokens");
    Objects.requireNonNull(constrainedAnswers, "constrainedAnswers");
    Objects.requireNonNull(choice, "choice");
    if (constrainedAnswers == ConstrainedAnswers.OFF && choice.isPresent()) {
      throw new IllegalArgumentException(
          "a choice constraint needs constrained answers on; use expectingChoice, which leaves"
              + " free-text options unchanged");
    }
  }

  public GenerationOptions withTemperature(double temperature) {
    return new GenerationOptions(
        OptionalDouble.of(temperature), seed, maxTokens, constrainedAnswers, choice);
  }

  public GenerationOptions withSeed(long seed) {
    return new GenerationOptions(
        temperature, OptionalLong.of(seed), maxTokens, constrainedAnswers, choice);
  }

  public GenerationOptions withMaxTokens(int maxTokens) {
    return new GenerationOptions(
        temperature, seed, OptionalInt.of(maxTokens), constrainedAnswers, choice);
  }

  public GenerationOptions withConstrainedAnswers(ConstrainedAnswers mode) {
    return new GenerationOptions(
        temperature, seed, maxTokens, mode, mode == ConstrainedAnswers.OFF ? Optional.empty() : choice);
  }

  /**
   * These options for a request whose answer is one of {@code choice}'s labels. Unchanged when
   * constrained answers are off: the marker exists only where a provider would act on it.
   */
  public GenerationOptions expectingChoice(ChoiceConstraint choice) {
    if (constrainedAnswers == ConstrainedAnswers.OFF) {
      return this;
    }
    return new GenerationOptions(
        temperature, seed, maxTokens, constrainedAnswers, Optional.of(choice));
  }
}
