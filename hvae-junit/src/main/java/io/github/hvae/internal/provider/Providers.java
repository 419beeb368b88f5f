package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The installed model providers, found with {@link ServiceLoader} like any user's, by name. */
public final class Providers {

  private static final class Holder {
    static final Map<String, ModelProvider> BY_NAME = load();
  }

  private Providers() {}

  /** The provider of {@code spec}, empty when none is installed under its name. */
  public static Optional<ModelProvider> of(ModelSpec spec) {
    return Optional.ofNullable(Holder.BY_NAME.get(spec.provider()));
  }

  /** Every installed provider by name. */
  public static Map<String, ModelProvider> all() {
    return Holder.BY_NAME;
  }

  /** "reference, openai:&lt;model&gt;, anthropic:&lt;model&gt;, ...", for messages. */
  public static String forms() {
    return String.join(", ", all().values().stream().map(ModelProvider::specForm).toList());
  }

  /** The providers that adapt objects of {@code type}. */
  public static Optional<ModelProvider> adapting(Class<?> type) {
    return all().values().stream().filter(p -> p.adapts(type)).findFirst();
  }

  private static Map<String, ModelProvider> load() {
    Map<String, ModelProvider> byName = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (ModelProvider provider :
        ServiceLoader.load(ModelProvider.class, loader != null ? loader : Providers.class.getClassLoader())) {
      ModelProvider other = byName.putIfAbsent(provider.name(), provider);
      if (other != null && other.getClass() != provider.getClass()) {
        throw new IllegalStateException(
            "two model providers are named '" + provider.name() + "': " + other.getClass().getName()
                + " and " + provider.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
