package io.github.hvae.internal.engine;

import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.instrument.Instrument;
import java.util.Objects;
import java.util.Optional;

/**
 * How each conversation is run.
 *
 * @param instrument what is asked and how samples are scored
 * @param goalPrompting ask the model for its own goal before the items (HVAE goal prompting);
 *     otherwise the instrument's fixed goal is used
 * @param optionalItems also ask the instrument's optional items (the Slider's nine secondary ones)
 * @param generation parameters sent with every call
 * @param counterbalance show each item's options from either end (where the instrument allows) and
 *     shuffle the item order, seeded per (evaluation seed, sample): choices map back to options, so
 *     scores are unaffected and a model's preference for a position cancels out
 * @param choiceExtractor a second model that reads the choice out of a reply the instrument cannot
 *     read (as the HVAE paper's code did), before the item is re-asked; its calls are counted. Off
 *     by default: the local parser reads what real models write
 */
public record ProtocolSettings(
    Instrument instrument,
    boolean goalPrompting,
    boolean optionalItems,
    GenerationOptions generation,
    boolean counterbalance,
    Optional<ModelAgent> choiceExtractor) {

  public ProtocolSettings {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(choiceExtractor, "choiceExtractor");
  }

  /** The defaults on {@code instrument}: goal prompting and counterbalancing on, no extractor. */
  public static ProtocolSettings defaults(Instrument instrument) {
    return new ProtocolSettings(instrument, true, false, GenerationOptions.DEFAULTS, true, Optional.empty());
  }

  public ProtocolSettings withGoalPrompting(boolean on) {
    return new ProtocolSettings(instrument, on, optionalItems, generation, counterbalance, choiceExtractor);
  }

  public ProtocolSettings withOptionalItems(boolean on) {
    return new ProtocolSettings(instrument, goalPrompting, on, generation, counterbalance, choiceExtractor);
  }

  public ProtocolSettings withGeneration(GenerationOptions generation) {
    return new ProtocolSettings(instrument, goalPrompting, optionalItems, generation, counterbalance, choiceExtractor);
  }

  public ProtocolSettings withCounterbalance(boolean on) {
    return new ProtocolSettings(instrument, goalPrompting, optionalItems, generation, on, choiceExtractor);
  }

  /** Lets {@code extractor} read choices the instrument cannot. */
  public ProtocolSettings withChoiceExtractor(ModelAgent extractor) {
    return new ProtocolSettings(
        instrument, goalPrompting, optionalItems, generation, counterbalance, Optional.of(extractor));
  }
}
