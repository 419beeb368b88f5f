package io.github.hvae.internal.config;

import io.github.hvae.internal.text.EditDistance;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The effective configuration: every key of {@link HvaeKeys#ALL} parsed once, with typed per-test
 * overrides, and the members of the key families ({@link HvaeKeys#FAMILIES}) read by member.
 * Immutable; {@link #with} returns a copy.
 */
public final class Configuration {

  private final Map<Key<?>, Object> values;
  private final Map<Key<?>, String> written;
  private final Function<String, Optional<String>> parameters;

  private Configuration(
      Map<Key<?>, Object> values, Map<Key<?>, String> written, Function<String, Optional<String>> parameters) {
    this.values = Collections.unmodifiableMap(values);
    this.written = Collections.unmodifiableMap(written);
    this.parameters = parameters;
  }

  /**
   * Parses every key from a lookup of parameter text (JUnit configuration parameters, a map in
   * tests). Blank text counts as unset.
   *
   * @throws InvalidConfigurationException naming the first key whose value is invalid, or a value
   *     that contradicts another key's
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
    Configuration configuration = new Configuration(values, written, parameters);
    configuration.checkAcrossKeys();
    return configuration;
  }

  /**
   * Reads the configuration as {@link #read} does, after refusing unknown keys among those in use
   * ({@link #rejectUnknownKeys}), and parses every member of a key family among them, so that a bad
   * price fails the run at its start, not when the report is written.
   *
   * @param keysInUse key -> where it was found; the keys JUnit's own parameters hold beside them
   *     are read on first use
   */
  public static Configuration read(Function<String, Optional<String>> parameters, Map<String, String> keysInUse) {
    rejectUnknownKeys(keysInUse);
    Configuration configuration = read(parameters);
    for (String key : new java.util.TreeSet<>(keysInUse.keySet())) {
      HvaeKeys.familyOf(key).ifPresent(family -> configuration.find(family, family.memberOf(key)));
    }
    return configuration;
  }

  private void checkAcrossKeys() {
    if (written.containsKey(HvaeKeys.INITIAL_CONCURRENCY)
        && get(HvaeKeys.INITIAL_CONCURRENCY) > get(HvaeKeys.CONCURRENCY)) {
      throw new InvalidConfigurationException(
          "configuration parameter " + HvaeKeys.INITIAL_CONCURRENCY.name() + "='"
              + written.get(HvaeKeys.INITIAL_CONCURRENCY) + "' is above " + HvaeKeys.CONCURRENCY.name()
              + "=" + get(HvaeKeys.CONCURRENCY) + ", the most requests in flight per endpoint; lower it,"
              + " or raise " + HvaeKeys.CONCURRENCY.name());
    }
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

  /**
   * The value of one member of a key family, e.g. {@code find(HvaeKeys.PRICE, "openai:gpt-4o-mini")}
   * for {@code hvae.price.openai:gpt-4o-mini}; empty when it is not set.
   *
   * @throws InvalidConfigurationException naming the key when its value is invalid
   */
  public <T> Optional<T> find(KeyFamily<T> family, String member) {
    String key = family.key(member);
    return parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty()).map(text -> family.parse(key, text));
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
    return new Configuration(copy, writtenCopy, parameters);
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
        .filter(e -> e.getKey().startsWith(HvaeKeys.PREFIX) && !HvaeKeys.isKnown(e.getKey()))
        .filter(e -> !HvaeKeys.MAVEN_GOALS_ONLY.contains(e.getKey()))
        .min(Map.Entry.comparingByKey())
        .ifPresent(
            e -> {
              throw new InvalidConfigurationException(
                  "unknown configuration parameter " + e.getKey() + " (" + e.getValue()
                      + "); did you mean " + nearestKey(e.getKey()) + "? Known keys: "
                      + String.join(", ", knownKeys()));
            });
  }

  /**
   * The known key with the least edit distance to {@code unknown}. A key family is compared by its
   * prefix with as many of the unknown key's leading segments, and suggested with the unknown key's
   * own member: {@code hvae.prise.openai:m} gives {@code hvae.price.openai:m}.
   */
  public static String nearestKey(String unknown) {
    Map<String, Integer> candidates = new HashMap<>();
    HvaeKeys.ALL.forEach(k -> candidates.put(k.name(), EditDistance.between(unknown, k.name())));
    for (KeyFamily<?> family : HvaeKeys.FAMILIES) {
      int segments = family.prefix().split("\\.", -1).length - 1;
      int end = -1;
      for (int i = 0; i < segments && end < unknown.length(); i++) {
        int dot = unknown.indexOf('.', end + 1);
        end = dot < 0 ? unknown.length() : dot;
      }
      String head = unknown.substring(0, Math.min(end + 1, unknown.length()));
      String member = end + 1 < unknown.length() ? unknown.substring(end + 1) : family.member();
      candidates.merge(family.key(member), EditDistance.between(head, family.prefix()), Math::min);
    }
    return candidates.entrySet().stream()
        .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  /** Every key name, and every key family as {@code hvae.price.<model spec>}, sorted. */
  public static java.util.SortedSet<String> knownKeys() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    HvaeKeys.ALL.forEach(k -> names.add(k.name()));
    HvaeKeys.FAMILIES.forEach(f -> names.add(f.pattern()));
    return Collections.unmodifiableSortedSet(names);
  }
}
