package io.github.hvae.internal.config;

/**
 * A configuration value or combination that cannot be used; its message names the key or
 * attribute and says what to write. The JUnit layer turns it into JUnit's {@code
 * ExtensionConfigurationException}, so the engine below stays free of JUnit.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }
}
