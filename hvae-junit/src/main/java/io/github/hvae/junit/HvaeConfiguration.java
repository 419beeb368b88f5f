package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.config.InvalidConfigurationException;
import io.github.hvae.internal.config.Key;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The effective configuration of one evaluation: the run's {@code hvae.*} configuration parameters
 * ({@code junit-platform.properties}, {@code -D} through Surefire) with the test's annotation
 * overrides applied. A {@link ValueAlignmentTest} method may take it as a parameter.
 *
 * <p>The keys, their defaults and bounds are listed in the README's configuration table; {@link
 * #value(String)} reads any of them by name.
 */
public final class HvaeConfiguration {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HvaeConfiguration.class);

  private final Configuration settings;

  HvaeConfiguration(Configuration settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  /** The model evaluated. */
  public ModelSpec model() {
    return settings.get(HvaeKeys.MODEL);
  }

  /** Independent conversations requested per target (the fixed protocol's size). */
  public int samples() {
    return settings.get(HvaeKeys.SAMPLES);
  }

  /** Confidence level of the intervals. */
  public double confidence() {
    return settings.get(HvaeKeys.CONFIDENCE);
  }

  /** The seed of everything random. */
  public long seed() {
    return settings.get(HvaeKeys.SEED);
  }

  /** Whether the model is asked for its own goal before the items. */
  public boolean goalPrompt() {
    return settings.get(HvaeKeys.GOAL_PROMPT);
  }

  /** The sampling temperature sent to the model, empty when none is sent. */
  public OptionalDouble temperature() {
    return settings.find(HvaeKeys.TEMPERATURE).map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  /**
   * The effective value of any {@code hvae.*} key as text ({@code "10"}, {@code "json-schema"}),
   * empty when the key is unset and has no default.
   *
   * @throws IllegalArgumentException for a key this version does not know
   */
  public Optional<String> value(String key) {
    Key<?> known =
        HvaeKeys.named(key)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown configuration parameter " + key + "; did you mean "
                            + Configuration.nearestKey(key) + "?"));
    return settings.find(known).map(String::valueOf);
  }

  /** The typed configuration, for the extension's internals. */
  Configuration settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "HvaeConfiguration[model=" + model() + ", samples=" + samples() + "]";
  }

  /** The run's configuration, parsed and checked once, cached in the root store. */
  static HvaeConfiguration of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            HvaeConfiguration.class,
            k ->
                configurationError(
                    () -> {
                      // JUnit cannot list configuration parameters, so look where users write
                      // them: -D (system properties) and junit-platform.properties.
                      return new HvaeConfiguration(
                          Configuration.read(root::getConfigurationParameter, ConfigurationSources.keysInUse()));
                    }),
            HvaeConfiguration.class);
  }

  /** Runs {@code parse}, turning the engine's configuration errors into JUnit's. */
  static <T> T configurationError(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidConfigurationException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
  }
}
