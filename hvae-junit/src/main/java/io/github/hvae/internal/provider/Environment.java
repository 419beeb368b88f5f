package io.github.hvae.internal.provider;

import java.util.Map;
import java.util.Optional;

/**
 * Where API keys come from: the process environment, and nothing else. Injectable so that tests
 * can supply a fake environment instead of mutating the real one.
 */
@FunctionalInterface
public interface Environment {

  /** The value of an environment variable; empty when it is unset or blank. */
  Optional<String> variable(String name);

  /** The process environment. */
  static Environment system() {
    return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** A fixed environment, for tests. */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isBlank());
  }
}
