package io.github.hvae.internal.provider.reference;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;

/**
 * {@code reference[:settings]}: the embedded simulated respondent. Offline, no key; its results are
 * labelled simulated everywhere.
 */
public final class ReferenceProvider implements ModelProvider {

  @Override
  public String name() {
    return ModelSpec.REFERENCE;
  }

  @Override
  public String specForm() {
    return "reference[:settings]";
  }

  @Override
  public ModelAgent create(ModelSpec spec, ModelProvider.Context context) {
    return ReferenceRespondent.create(spec, context.seed());
  }
}
