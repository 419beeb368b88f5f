package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.Providers;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The models a test class supplies with {@link HvaeModel}, checked at discovery: every member
 * static, methods without parameters, names valid and unique, and types that are a {@link
 * ModelAgent} or adapted by an installed provider.
 */
final class SuppliedModels {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * One supplied model.
   *
   * @param name the name tests select it by
   * @param member the field or method that supplies it
   * @param key identifies the member across the run: the same member is one shared model
   */
  record Supplied(ModelSpec name, Member member, String key) {

    /** Reads the field or calls the method. */
    Object value() {
      Object value =
          member instanceof Field field
              ? ReflectionSupport.tryToReadFieldValue(field, null).getOrThrow(RuntimeException::new)
              : ReflectionSupport.invokeMethod((Method) member, null);
      if (value == null) {
        throw new IllegalStateException(
            "@HvaeModel(\"" + name + "\") " + describe(member) + " is null; give it a model");
      }
      return value;
    }
  }

  private SuppliedModels() {}

  /** Every model {@code testClass} (and its superclasses) supply, by name. */
  static Map<String, Supplied> of(Class<?> testClass) {
    Map<String, Supplied> byName = new LinkedHashMap<>();
    for (Field field :
        AnnotationSupport.findAnnotatedFields(testClass, HvaeModel.class, f -> true, HierarchyTraversalMode.TOP_DOWN)) {
      add(byName, field, field.getAnnotation(HvaeModel.class).value(), field.getType());
    }
    for (Method method :
        AnnotationSupport.findAnnotatedMethods(testClass, HvaeModel.class, HierarchyTraversalMode.TOP_DOWN)) {
      if (method.getParameterCount() != 0) {
        throw new ExtensionConfigurationException(
            "@HvaeModel method " + describe(method) + " takes parameters; write a static method without"
                + " parameters that returns the model");
      }
      add(byName, method, method.getAnnotation(HvaeModel.class).value(), method.getReturnType());
    }
    return byName;
  }

  private static void add(Map<String, Supplied> byName, Member member, String name, Class<?> type) {
    if (!Modifier.isStatic(member.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@HvaeModel(\"" + name + "\") " + describe(member) + " is not static; make it static (the"
              + " model is shared by the run, not made per test instance)");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ExtensionConfigurationException(
          "@HvaeModel(\"" + name + "\") on " + describe(member) + " is not a valid name; use letters,"
              + " digits, '.', '_' and '-', e.g. @HvaeModel(\"support-bot\")");
    }
    if (name.equalsIgnoreCase(ModelSpec.REFERENCE) || Providers.all().containsKey(name)) {
      throw new ExtensionConfigurationException(
          "@HvaeModel(\"" + name + "\") on " + describe(member) + " is the name of a model provider;"
              + " choose another name");
    }
    if (!ModelAgent.class.isAssignableFrom(type) && Providers.adapting(type).isEmpty()) {
      throw new ExtensionConfigurationException(
          "@HvaeModel(\"" + name + "\") " + describe(member) + " is a " + type.getName() + ", which no"
              + " installed provider adapts; give it a ModelAgent, or add the adapter module for its"
              + " type (io.github.hvae:hvae-langchain4j for a LangChain4j ChatModel,"
              + " io.github.hvae:hvae-spring-ai for a Spring AI ChatModel or ChatClient)");
    }
    Supplied earlier =
        byName.putIfAbsent(
            name,
            new Supplied(
                new ModelSpec(name, ""), member, member.getDeclaringClass().getName() + "#" + member.getName()));
    if (earlier != null) {
      throw new ExtensionConfigurationException(
          "@HvaeModel(\"" + name + "\") names both " + describe(earlier.member()) + " and " + describe(member)
              + "; give each model its own name");
    }
  }

  static String describe(Member member) {
    String kind = member instanceof Field ? "field " : "method ";
    return kind + member.getDeclaringClass().getSimpleName() + "." + member.getName()
        + (member instanceof Method ? "()" : "");
  }
}
