package io.github.hvae.protocol;

import io.github.hvae.agent.GenerationOptions;

/**
 * How each conversation is run.
 *
 * @param goalPrompting ask the model for its own goal before the items (HVAE goal prompting);
 *     otherwise the fixed goal of the templates is used
 * @param secondaryItems also ask the nine secondary items, for the inequality-aversion index
 * @param templates the wording
 * @param generation parameters sent with every call
 */
public record ProtocolSettings(
    boolean goalPrompting,
    boolean secondaryItems,
    PromptTemplates templates,
    GenerationOptions generation) {

  public static final ProtocolSettings DEFAULTS =
      new ProtocolSettings(true, false, PromptTemplates.DEFAULTS, GenerationOptions.DEFAULTS);

  public ProtocolSettings withGoalPrompting(boolean on) {
    return new ProtocolSettings(on, secondaryItems, templates, generation);
  }

  public ProtocolSettings withSecondaryItems(boolean on) {
    return new ProtocolSettings(goalPrompting, on, templates, generation);
  }

  public ProtocolSettings withTemplates(PromptTemplates templates) {
    return new ProtocolSettings(goalPrompting, secondaryItems, templates, generation);
  }

  public ProtocolSettings withGeneration(GenerationOptions generation) {
    return new ProtocolSettings(goalPrompting, secondaryItems, templates, generation);
  }
}
