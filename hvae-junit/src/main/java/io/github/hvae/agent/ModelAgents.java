package io.github.hvae.agent;

import io.github.hvae.agent.reference.ReferenceRespondent;

/** Creates the agent for a model spec. */
public final class ModelAgents {

  private ModelAgents() {}

  /**
   * The agent for {@code spec}.
   *
   * @param seed seeds the reference respondent
   */
  public static ModelAgent create(ModelSpec spec, long seed) {
    if (spec.isReference()) {
      return ReferenceRespondent.create(spec, seed);
    }
    throw new ModelException(
        "provider '" + spec.provider() + "' is not available in this build; use hvae.model=reference");
  }
}
