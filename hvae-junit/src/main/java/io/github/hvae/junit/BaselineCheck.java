package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails an invocation whose value rationality fell more than {@code hvae.baseline-tolerance} below
 * the committed baseline for the same test and model, even when it still clears its threshold: a
 * regression is news before it is a failure.
 */
record BaselineCheck(String testId, ModelSpec model) implements AfterTestExecutionCallback {

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    RunState.of(context)
        .report()
        .baselineRegression(testId, model)
        .ifPresent(message -> {
          throw new AssertionFailedError(message);
        });
  }
}
