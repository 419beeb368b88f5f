package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.evaluation.SvoEvaluation;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the invocation's {@link SvoEvaluation}, the {@link ModelAgent} it was measured on (for
 * follow-up questions in the test body) and its effective {@link HvaeConfiguration}.
 */
record EvaluationParameters(HvaeConfiguration configuration) implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SvoEvaluation.class || type == ModelAgent.class || type == HvaeConfiguration.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == HvaeConfiguration.class) {
      return configuration;
    }
    Object value = context.getStore(EvaluateInvocation.NAMESPACE).get(type);
    if (value == null) {
      throw new ParameterResolutionException(
          "no HVAE evaluation ran for " + context.getDisplayName() + ", so there is no " + type.getSimpleName()
              + " to inject; take it as a parameter of the test method, not of a lifecycle method");
    }
    return value;
  }
}
