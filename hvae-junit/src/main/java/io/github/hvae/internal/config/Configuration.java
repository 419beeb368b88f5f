package io.github.hvae.internal.config;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The effective configuration: every key of {@link HvaeKeys#ALL} parsed once, with typed per-test
 * overrides. Immutable; {@link #with} returns a copy.
 */
public final class Configuration {

  private final Map<Key<?>, Object> values;
  private final Map<Key<?>, String> written;

  private Configuration(Map<Key<?>, Object> values, Map<Key<?>, String> written) {
    this.values = Collections.unmodifiableMap(values);
    this.written = Collections.unmodifiableMap(written);
  }

  /**
   * Parses every key from a lookup of parameter text (JUnit configuration parameters, a map in
   * tests). Blank text counts as unset.
   *
   * @throws InvalidConfigurationException naming the first key whose value is invalid
   */
  public static Configuration read(Function<String, Optional<String>> parameters) {
    Map<Key<?>, Object> values = new HashMap<>();
    Map<Key<?>, String> written = new HashMap<>();
    for (Key<?> key : HvaeKeys.ALL) {
      Optional<String> text = parameters.apply(key.name()).map(String::strip).filter(v -> !v.isEmpty());
      text.ifPresent(t -> written.put(key, t));
      Optional<String> effective = text.or(key::fallback);
      if (effective.isPresent()) {
        Object value = key.parse(effective.get());
        if (value != null) {
          values.put(key, value);
        }
      }
    }
    return new Configuration(values, written);
  }

  /** Every key at its default. */
  public static Configuration defaults() {
    return read(k -> Optional.empty());
  }

  /** The value of a key that has a default (or was set). */
  public <T> T get(Key<T> key) {
    return find(key)
        .orElseThrow(() -> new IllegalStateException(key + " has no default; read it with find"));
  }

  /** The value of a key, empty when it is not set and has no default. */
  @SuppressWarnings("unchecked") // values are put only by parse(key), which returns the key's T
  public <T> Optional<T> find(Key<T> key) {
    return Optional.ofNullable((T) values.get(key));
  }

  /** True when the key was written (not just defaulted): the seed goes to models only then. */
  public boolean isSet(Key<?> key) {
    return written.containsKey(key);
  }

  /** A copy with {@code key} overridden, as a test's annotation does. */
  public <T> Configuration with(Key<T> key, T value) {
    Map<Key<?>, Object> copy = new HashMap<>(values);
    copy.put(key, value);
    Map<Key<?>, String> writtenCopy = new HashMap<>(written);
    writtenCopy.put(key, String.valueOf(value));
    return new Configuration(copy, writtenCopy);
  }

  /** The run settings the report carries, in {@link HvaeKeys#REPORTED}'s order. */
  public Map<String, Optional<Object>> reportedSettings() {
    Map<String, Optional<Object>> settings = new LinkedHashMap<>();
    for (Key<?> key : HvaeKeys.REPORTED) {
      settings.put(key.reportedAs().orElseThrow(), Optional.ofNullable(values.get(key)));
    }
    return settings;
  }

  /**
   * Fails on the first {@code hvae.*} key (in alphabetical order) that this version does not know,
   * naming where it was written and the known key it most resembles.
   *
   * @param keysInUse key -> where it was found ("a system property, -Dhvae.x", a file URL)
   */
  public static void rejectUnknownKeys(Map<String, String> keysInUse) {
    keysInUse.entrySet().stream()
        .filter(e -> e.getKey().startsWith(HvaeKeys.PREFIX) && HvaeKeys.named(e.getKey()).isEmpty())
        .min(Map.Entry.comparingByKey())
        .ifPresent(
            e -> {
              throw new InvalidConfigurationException(
                  "unknown configuration parameter " + e.getKey() + " (" + e.getValue()
                      + "); did you mean " + nearestKey(e.getKey()) + "? Known keys: "
                      + String.join(", ", knownKeys()));
            });
  }

  /** The known key with the least edit distance to {@code unknown}. */
  public static String nearestKey(String unknown) {
    return knownKeys().stream()
        .min(Comparator.comparingInt((String k) -> editDistance(unknown, k)).thenComparing(k -> k))
        .orElseThrow();
  }

  /** Every key name, sorted. */
  public static java.util.SortedSet<String> knownKeys() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    HvaeKeys.ALL.forEach(k -> names.add(k.name()));
    return Collections.unmodifiableSortedSet(names);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
