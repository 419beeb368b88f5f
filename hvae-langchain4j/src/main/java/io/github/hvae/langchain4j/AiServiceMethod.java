package io.github.hvae.langchain4j;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one method of a LangChain4j AI service interface that the adapter calls: it takes the user
 * message ({@code @UserMessage String}), optionally a memory id ({@code @MemoryId}) and a {@code
 * ChatRequestParameters}, and returns {@code String} or {@code Result<String>}. Found by annotation
 * and type names, so that looking loads nothing of LangChain4j.
 *
 * @param method the interface method
 * @param userMessage the index of the {@code @UserMessage} parameter
 * @param memoryId the index of the {@code @MemoryId} parameter, -1 without one
 * @param parameters the index of the {@code ChatRequestParameters} parameter, -1 without one
 * @param result true when it returns {@code Result<String>} (with finish reason and token usage)
 */
record AiServiceMethod(Method method, int userMessage, int memoryId, int parameters, boolean result) {

  static final String USER_MESSAGE = "dev.langchain4j.service.UserMessage";
  static final String MEMORY_ID = "dev.langchain4j.service.MemoryId";
  static final String PARAMETERS = "dev.langchain4j.model.chat.request.ChatRequestParameters";
  static final String RESULT = "dev.langchain4j.service.Result";

  /** The AI service method of {@code type} (an AI service interface, or the proxy of one). */
  static Optional<AiServiceMethod> find(Class<?> type) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    collect(type, interfaces);
    List<AiServiceMethod> found = new ArrayList<>();
    for (Class<?> service : interfaces) {
      for (Method method : service.getDeclaredMethods()) {
        if (Modifier.isAbstract(method.getModifiers())) {
          of(method).ifPresent(found::add);
        }
      }
    }
    // Two candidates leave no way to tell which one is the assistant.
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static void collect(Class<?> type, Set<Class<?>> interfaces) {
    if (type.isInterface() && !interfaces.add(type)) {
      return;
    }
    for (Class<?> parent : type.getInterfaces()) {
      collect(parent, interfaces);
    }
    if (type.getSuperclass() != null) {
      collect(type.getSuperclass(), interfaces);
    }
  }

  private static Optional<AiServiceMethod> of(Method method) {
    boolean result;
    if (method.getReturnType() == String.class) {
      result = false;
    } else if (method.getReturnType().getName().equals(RESULT)
        && method.getGenericReturnType() instanceof ParameterizedType generic
        && generic.getActualTypeArguments()[0] == String.class) {
      result = true;
    } else {
      return Optional.empty();
    }
    int userMessage = -1;
    int memoryId = -1;
    int parameters = -1;
    Parameter[] all = method.getParameters();
    for (int i = 0; i < all.length; i++) {
      Parameter parameter = all[i];
      if (annotated(parameter, USER_MESSAGE) && parameter.getType() == String.class && userMessage < 0) {
        userMessage = i;
      } else if (annotated(parameter, MEMORY_ID) && memoryId < 0) {
        memoryId = i;
      } else if (parameter.getType().getName().equals(PARAMETERS) && parameters < 0) {
        parameters = i;
      } else {
        return Optional.empty();
      }
    }
    return userMessage < 0
        ? Optional.empty()
        : Optional.of(new AiServiceMethod(method, userMessage, memoryId, parameters, result));
  }

  private static boolean annotated(Parameter parameter, String annotation) {
    for (Annotation present : parameter.getAnnotations()) {
      if (present.annotationType().getName().equals(annotation)) {
        return true;
      }
    }
    return false;
  }

  /**
   * This method, when it takes a memory id a String can be: without one, an AI service keeps a
   * single memory, which every sample of every evaluation would share.
   *
   * @throws IllegalArgumentException saying what to write
   */
  AiServiceMethod requireMemoryId() {
    String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    if (memoryId < 0) {
      throw new IllegalArgumentException(
          "the AI service method " + where + " takes no @MemoryId, so all samples would share one chat"
              + " memory and see each other's answers; give it a memory id, e.g. Result<String>"
              + " chat(@MemoryId String conversation, @UserMessage String message), and build the"
              + " service with chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(40))");
    }
    Class<?> type = method.getParameterTypes()[memoryId];
    if (!type.isAssignableFrom(String.class)) {
      throw new IllegalArgumentException(
          "the @MemoryId parameter of the AI service method " + where + " is a " + type.getName()
              + "; the adapter gives each sample its own id as a String, so declare it String or Object");
    }
    return this;
  }

  String describe() {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
