package io.github.hvae.internal.http;

import java.util.Objects;

/**
 * An API key read from the environment. Its {@link #toString()} never shows the key, so a key that
 * ends up in a log line, an exception message or a display name by accident shows as {@code
 * [redacted]}; only {@link #reveal()} gives the value, for the one header that needs it.
 */
public final class ApiKey {

  private final String value;
  private final String variable;

  public ApiKey(String value, String variable) {
    this.value = Objects.requireNonNull(value, "value").strip();
    this.variable = Objects.requireNonNull(variable, "variable");
    if (this.value.isEmpty()) {
      throw new IllegalArgumentException("empty API key from " + variable);
    }
  }

  /** The key itself, for the authentication header only. */
  public String reveal() {
    return value;
  }

  /** The environment variable it came from, e.g. {@code OPENAI_API_KEY}; safe to show. */
  public String variable() {
    return variable;
  }

  @Override
  public String toString() {
    return "ApiKey[" + variable + "=[redacted]]";
  }
}
