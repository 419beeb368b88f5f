package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelProvider;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's {@link ModelProvider.Context}: the environment and configuration parameters a provider may
 * read, and, for the built-in providers, the run's shared agent settings (timeouts, retries,
 * per-endpoint limits, token budget).
 *
 * @param standalone true outside a test run, where agents are made one model at a time (tests of
 *     the providers, benchmarks): the run-wide {@code hvae.base-url} and {@code HVAE_API_KEY} then
 *     belong to whichever model is made, as no {@code hvae.model} says which provider they are for
 */
public record SettingsContext(
    AgentSettings settings, Function<String, Optional<String>> parameters, boolean standalone)
    implements ModelProvider.Context {

  /** The context of a test run, whose configuration parameters {@code parameters} reads. */
  public SettingsContext(AgentSettings settings, Function<String, Optional<String>> parameters) {
    this(settings, parameters, false);
  }

  /** A standalone context with no configuration parameters besides {@code settings}. */
  public static SettingsContext of(AgentSettings settings) {
    return new SettingsContext(settings, key -> Optional.empty(), true);
  }

  /** A standalone context with configuration parameters, for tests of the providers. */
  public static SettingsContext of(AgentSettings settings, Map<String, String> parameters) {
    Map<String, String> copy = Map.copyOf(parameters);
    return new SettingsContext(settings, key -> Optional.ofNullable(copy.get(key)), true);
  }

  @Override
  public Optional<String> environmentVariable(String name) {
    return settings.environment().variable(name);
  }

  @Override
  public Optional<String> parameter(String key) {
    if (key.equals(HttpEndpoints.BASE_URL) && settings.baseUrl().isPresent()) {
      return settings.baseUrl();
    }
    return parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public long seed() {
    return settings.seed();
  }

  /** The agent settings behind a context, for the built-in providers. */
  public static AgentSettings settingsOf(ModelProvider.Context context) {
    if (context instanceof SettingsContext run) {
      return run.settings();
    }
    throw new IllegalArgumentException(
        "the built-in providers run only inside an HVAE run; got a " + context.getClass().getName());
  }
}
