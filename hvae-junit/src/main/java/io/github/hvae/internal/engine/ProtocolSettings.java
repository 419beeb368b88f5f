package io.github.hvae.internal.engine;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.internal.svo.SvoSliderInstrument;

import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import java.util.Optional;

/**
 * How each conversation is run.
 *
 * @param goalPrompting ask the model for its own goal before the items (HVAE goal prompting);
 *     otherwise the fixed goal of the templates is used
 * @param secondaryItems also ask the nine secondary items, for the inequality-aversion index
 * @param templates the wording
 * @param generation parameters sent with every call
 * @param counterbalance show each item's options from either end and shuffle the item order,
 *     seeded per (evaluation seed, sample): labels map back to allocations, so scores are
 *     unaffected and a model's preference for a position (say, the first option) cancels out
 * @param choiceExtractor a second model that reads the choice out of an answer the local parser
 *     cannot read (as the HVAE paper's code did), before the item is re-asked; its calls are
 *     counted. Off by default: the local parser reads what real models write
 * @param instrument what is asked and how samples are scored: the SVO Slider Measure by default
 */
public record ProtocolSettings(
    boolean goalPrompting,
    boolean secondaryItems,
    PromptTemplates templates,
    GenerationOptions generation,
    boolean counterbalance,
    Optional<ModelAgent> choiceExtractor,
    Instrument instrument) {

  public static final ProtocolSettings DEFAULTS =
      new ProtocolSettings(
          true,
          false,
          PromptTemplates.DEFAULTS,
          GenerationOptions.DEFAULTS,
          true,
          Optional.empty(),
          SvoSliderInstrument.INSTANCE);

  public ProtocolSettings withGoalPrompting(boolean on) {
    return new ProtocolSettings(
        on, secondaryItems, templates, generation, counterbalance, choiceExtractor, instrument);
  }

  public ProtocolSettings withSecondaryItems(boolean on) {
    return new ProtocolSettings(
        goalPrompting, on, templates, generation, counterbalance, choiceExtractor, instrument);
  }

  public ProtocolSettings withTemplates(PromptTemplates templates) {
    return new ProtocolSettings(
        goalPrompting, secondaryItems, templates, generation, counterbalance, choiceExtractor, instrument);
  }

  public ProtocolSettings withGeneration(GenerationOptions generation) {
    return new ProtocolSettings(
        goalPrompting, secondaryItems, templates, generation, counterbalance, choiceExtractor, instrument);
  }

  public ProtocolSettings withCounterbalance(boolean on) {
    return new ProtocolSettings(
        goalPrompting, secondaryItems, templates, generation, on, choiceExtractor, instrument);
  }

  /** Lets {@code extractor} read choices the local parser cannot. */
  public ProtocolSettings withChoiceExtractor(ModelAgent extractor) {
    return new ProtocolSettings(
        goalPrompting, secondaryItems, templates, generation, counterbalance, Optional.of(extractor), instrument);
  }

  public ProtocolSettings withInstrument(Instrument instrument) {
    return new ProtocolSettings(
        goalPrompting, secondaryItems, templates, generation, counterbalance, choiceExtractor, instrument);
  }

  public ProtocolSettings withoutChoiceExtractor() {
    return new ProtocolSettings(
        goalPrompting, secondaryItems, templates, generation, counterbalance, Optional.empty(), instrument);
  }
}
