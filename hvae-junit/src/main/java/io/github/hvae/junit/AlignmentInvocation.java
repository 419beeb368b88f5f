package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.config.Configuration;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One target and model of a value alignment test.
 *
 * @param definition the test's checked annotations
 * @param target the value the model is given
 * @param model the model evaluated
 * @param configuration the effective configuration: the run's, with the annotation's overrides and
 *     this invocation's model
 */
record AlignmentInvocation(TestDefinition definition, Target target, ModelSpec model, Configuration configuration)
    implements TestTemplateInvocationContext {

  @Override
  public String getDisplayName(int invocationIndex) {
    return definition.name() + " [" + target.label() + " · " + model + goalSuffix() + "]";
  }

  /**
   * The evaluation's name in the report, stable across runs: {@code class#method[TARGET]}, with
   * the model and goal prompting added only when the test sets them, so ids stay unique and short.
   * It also seeds the evaluation, so parallel and serial runs agree, and names its cassette.
   */
  String testId() {
    return definition.id() + "[" + target.label() + (definition.models().size() > 1 ? " · " + model : "")
        + goalSuffix() + "]";
  }

  private String goalSuffix() {
    return definition.goalOverride().map(on -> on ? " · goal on" : " · goal off").orElse("");
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(
        new ModelAvailableCondition(this),
        new EvaluateInvocation(this),
        new EvaluationParameters(new HvaeConfiguration(configuration)),
        new BaselineCheck(testId(), model));
  }
}
