package io.github.hvae.internal.provider;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Type checks by name, which load no class of the library the name belongs to: the adapters ask
 * whether a handed-in object is a LangChain4j or Spring AI type without needing that library.
 */
public final class TypeNames {

  private TypeNames() {}

  /** True when {@code type} is, extends or implements the class or interface named {@code name}. */
  public static boolean isA(Class<?> type, String name) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next.getName().equals(name)) {
        return true;
      }
      if (next.getSuperclass() != null) {
        pending.add(next.getSuperclass());
      }
      pending.addAll(List.of(next.getInterfaces()));
    }
    return false;
  }
}
