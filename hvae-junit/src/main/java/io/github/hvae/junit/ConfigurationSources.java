package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where users write {@code hvae.*} keys, for the unknown-key check: JUnit cannot list its
 * configuration parameters, so this reads system properties ({@code -D}, which Surefire fills from
 * the Maven command line) and the {@code junit-platform.properties} on the test class path.
 */
final class ConfigurationSources {

  private ConfigurationSources() {}

  /** Key -> where it was found. */
  static Map<String, String> keysInUse() {
    Map<String, String> found = new LinkedHashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ConfigurationSources.class.getClassLoader();
    }
    try {
      // JUnit reads only the first junit-platform.properties it finds; so does this check.
      URL file = loader.getResource("junit-platform.properties");
      if (file != null) {
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
          properties.load(in);
        }
        properties.stringPropertyNames().forEach(k -> found.put(k, "in " + file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read junit-platform.properties", e);
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(HvaeKeys.PREFIX))
        .forEach(k -> found.put(k, "a system property, -D" + k));
    return found;
  }
}
