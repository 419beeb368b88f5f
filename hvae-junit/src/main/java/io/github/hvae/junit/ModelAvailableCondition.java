package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgents;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables an alignment test whose model needs an API key that the environment lacks, with the
 * reason, like Testcontainers without Docker: a contributor without keys still gets a green build,
 * and the skipped test says which variable to set. Reads the configuration the way the extension
 * does, so both agree on the model and endpoint.
 */
final class ModelAvailableCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    HvaeConfiguration configuration = HvaeConfiguration.of(context);
    Optional<String> reason;
    try {
      reason =
          ModelAgents.unavailableReason(
              configuration.model(), configuration.baseUrl(), RunState.environment(context));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    return reason
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("model " + configuration.model() + " is available"));
  }
}
