package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgent;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Resolves {@link ModelAgent} and {@link HvaeConfiguration} for {@link ModelUnderTest}. */
final class ModelUnderTestExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    // A value alignment test injects the agent of its own invocation's model; answering too would
    // make JUnit report competing resolvers.
    boolean alignmentTest =
        parameter.getDeclaringExecutable() instanceof Method m
            && AnnotationSupport.isAnnotated(m, ValueAlignmentTest.class);
    return !alignmentTest && (type == ModelAgent.class || type == HvaeConfiguration.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == HvaeConfiguration.class) {
      return HvaeConfiguration.of(context);
    }
    return EvaluateInvocation.agentFor(
        RunState.of(context),
        SuppliedModels.of(context.getRequiredTestClass()),
        HvaeConfiguration.of(context).model(),
        testId(context));
  }

  /**
   * {@code class#method}, with the invocation index for templated tests (parameterized, repeated)
   * so each invocation has its own id (cassettes key on it).
   */
  static String testId(ExtensionContext context) {
    String id =
        context.getRequiredTestClass().getName()
            + context.getTestMethod().map(m -> "#" + m.getName()).orElse("");
    String uniqueId = context.getUniqueId();
    int invocation = uniqueId.lastIndexOf("-invocation:#");
    if (invocation >= 0 && context.getTestMethod().isPresent()) {
      id += "[" + uniqueId.substring(invocation + "-invocation:#".length(), uniqueId.length() - 1) + "]";
    }
    return id;
  }
}
