package io.github.hvae.internal.provider;

import io.github.hvae.agent.ProviderContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's {@link ProviderContext}: the environment and configuration parameters a provider may
 * read, and, for the built-in providers, the run's shared agent settings (timeouts, retries,
 * per-endpoint limits, token budget).
 */
public record SettingsContext(AgentSettings settings, Function<String, Optional<String>> parameters)
    implements ProviderContext {

  /** A context with no configuration parameters besides {@code settings}. */
  public static SettingsContext of(AgentSettings settings) {
    return new SettingsContext(settings, key -> Optional.empty());
  }

  @Override
  public Optional<String> environmentVariable(String name) {
    return settings.environment().variable(name);
  }

  @Override
  public Optional<String> parameter(String key) {
    if (key.equals("hvae.base-url") && settings.baseUrl().isPresent()) {
      return settings.baseUrl();
    }
    return parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public long seed() {
    return settings.seed();
  }

  /** The agent settings behind a context, for the built-in providers. */
  public static AgentSettings settingsOf(ProviderContext context) {
    if (context instanceof SettingsContext run) {
      return run.settings();
    }
    throw new IllegalArgumentException(
        "the built-in providers run only inside an HVAE run; got a " + context.getClass().getName());
  }
}
