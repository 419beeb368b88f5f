package io.github.hvae.junit;

import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.replay.Cassettes;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Disables an alignment test whose model needs an API key that the environment lacks, with the
 * reason, like Testcontainers without Docker: a contributor without keys still gets a green build,
 * and the skipped test says which variable to set. Reads the configuration the way the extension
 * does, so both agree on the model and endpoint.
 *
 * <p>Registered on the annotations it checks the configured model ({@code hvae.model}); each
 * invocation of a {@link ValueAlignmentTest} that names its own {@code models} carries an instance
 * for its model. Strict replay ({@code hvae.cassette=replay}) needs no key, so it never disables.
 */
final class ModelAvailableCondition implements ExecutionCondition {

  private final Optional<ModelSpec> model;

  ModelAvailableCondition() {
    this(Optional.empty());
  }

  ModelAvailableCondition(Optional<ModelSpec> model) {
    this.model = model;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    HvaeConfiguration configuration;
    try {
      configuration = HvaeConfiguration.of(context);
    } catch (ExtensionConfigurationException invalid) {
      // Left to the extension, which reports it as the test's configuration error rather than as
      // a failed condition.
      return ConditionEvaluationResult.enabled("configuration is invalid: " + invalid.getMessage());
    }
    if (Cassettes.servesWithoutNetwork(configuration.cassette())) {
      return ConditionEvaluationResult.enabled("hvae.cassette=replay needs no model access");
    }
    if (model.isEmpty() && namesItsOwnModels(context)) {
      return ConditionEvaluationResult.enabled("each invocation checks its own model");
    }
    ModelSpec spec = model.orElse(configuration.model());
    Optional<String> reason;
    try {
      reason =
          ModelAgents.unavailableReason(spec, configuration.baseUrl(), RunState.environment(context));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    return reason
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("model " + spec + " is available"));
  }

  private static boolean namesItsOwnModels(ExtensionContext context) {
    return context
        .getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, ValueAlignmentTest.class))
        .map(a -> a.models().length > 0)
        .orElse(false);
  }
}
