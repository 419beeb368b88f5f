package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.engine.Unavailable;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables an invocation that the instrument chosen for the whole run ({@code hvae.instrument})
 * cannot run — a target it cannot score, a threshold in degrees on an instrument without an angle —
 * with the reason, and lists it in the report as DISABLED: {@code -Dhvae.instrument=...} runs every
 * test it can and says which it skipped and why. A test that names its instrument on the annotation
 * never gets here: what that instrument cannot do fails it at discovery ({@link TestDefinition}).
 */
record InstrumentCondition(AlignmentInvocation invocation) implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> reason = invocation.definition().unservable(invocation.target());
    if (reason.isEmpty()) {
      return ConditionEvaluationResult.enabled(invocation.definition().instrument().name() + " can run it");
    }
    RunState.of(context)
        .report()
        .record(
            Unavailable.evaluation(
                invocation.testId(), invocation.model(), invocation.definition().instrument(), invocation.target(),
                invocation.definition().threshold(), invocation.configuration().get(HvaeKeys.SAMPLES), reason.get()));
    return ConditionEvaluationResult.disabled(reason.get());
  }
}
