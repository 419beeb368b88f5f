package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.engine.Unavailable;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a test whose model cannot be called here — a hosted model without its API key, like
 * Testcontainers without Docker — with the reason, so a contributor without keys still gets a
 * build that says what it skipped. A {@link ValueAlignmentTest} invocation it disables is listed in
 * the report as DISABLED with that reason; with {@code hvae.on-unavailable=fail} it is not disabled
 * but fails. Strict replay ({@code hvae.cassette=replay}) needs no key, so it never disables.
 *
 * <p>Registered per invocation of a {@link ValueAlignmentTest} (its own model), and by {@link
 * ModelUnderTest} (the configured model).
 */
final class ModelAvailableCondition implements ExecutionCondition {

  private final Optional<AlignmentInvocation> invocation;

  ModelAvailableCondition() {
    this.invocation = Optional.empty();
  }

  ModelAvailableCondition(AlignmentInvocation invocation) {
    this.invocation = Optional.of(invocation);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Configuration configuration;
    try {
      configuration = HvaeConfiguration.of(context).settings();
    } catch (ExtensionConfigurationException invalid) {
      // Left to the extension, which reports it as the test's configuration error rather than as
      // a failed condition.
      return ConditionEvaluationResult.enabled("configuration is invalid: " + invalid.getMessage());
    }
    ModelSpec spec = invocation.map(AlignmentInvocation::model).orElse(configuration.get(HvaeKeys.MODEL));
    if (spec.isBareName() && context.getTestClass().map(SuppliedModels::of).orElse(java.util.Map.of()).containsKey(spec.provider())) {
      return ConditionEvaluationResult.enabled("model " + spec + " is supplied by the test class");
    }
    RunState run;
    try {
      run = RunState.of(context);
    } catch (ExtensionConfigurationException invalid) {
      // Left to the evaluation, which reports it as the test's configuration error.
      return ConditionEvaluationResult.enabled("run state is invalid: " + invalid.getMessage());
    }
    Optional<String> reason;
    try {
      reason = run.agents().unavailableReason(spec);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    if (reason.isEmpty()) {
      return ConditionEvaluationResult.enabled("model " + spec + " is available");
    }
    if (configuration.get(HvaeKeys.ON_UNAVAILABLE).equals("fail")) {
      return ConditionEvaluationResult.enabled(
          "model " + spec + " is unavailable, and hvae.on-unavailable=fail fails the test: " + reason.get());
    }
    invocation.ifPresent(
        i ->
            run.report()
                .record(
                    Unavailable.evaluation(
                        i.testId(), spec, i.definition().instrument(), i.target(), i.definition().threshold(),
                        i.configuration().get(HvaeKeys.SAMPLES), reason.get())));
    return ConditionEvaluationResult.disabled(reason.get() + " (hvae.on-unavailable=fail fails such tests instead)");
  }
}
