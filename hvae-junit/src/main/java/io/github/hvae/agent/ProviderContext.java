package io.github.hvae.agent;

import java.util.Optional;

/**
 * What a {@link ModelProvider} may read while making an agent: environment variables (where API
 * keys come from, and nowhere else) and configuration parameters, both of the run.
 */
public interface ProviderContext {

  /** An environment variable of the run; empty when unset or blank. Keys are read only from here. */
  Optional<String> environmentVariable(String name);

  /** A configuration parameter of the run (e.g. {@code hvae.base-url}); empty when unset or blank. */
  Optional<String> parameter(String key);

  /** The run's seed ({@code hvae.seed}), for providers that simulate or sample. */
  long seed();
}
