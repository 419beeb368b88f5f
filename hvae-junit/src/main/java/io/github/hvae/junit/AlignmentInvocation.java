package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.instruments.SvoSliderInstrument;
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
    return definition.name() + " [" + target.label() + " · " + model + goalSuffix() + instrumentSuffix() + "]";
  }

  /**
   * The evaluation's name in the report, stable across runs: {@code class#method[TARGET]}, with
   * the model and goal prompting added only when the test sets them, so ids stay unique and short.
   * It also seeds the evaluation, so parallel and serial runs agree, and names its cassette.
   *
   * <p>An instrument other than the SVO Slider is added too ({@code [PROSOCIAL · svo-ring]}): a
   * measurement on another instrument is another evaluation, which must not be compared with the
   * Slider's baseline entry, replay its cassette or share its seed. The Slider's ids stay as they were.
   */
  String testId() {
    return definition.id() + "[" + target.label() + (definition.models().size() > 1 ? " · " + model : "")
        + goalSuffix() + instrumentSuffix() + "]";
  }

  private String goalSuffix() {
    return definition.goalOverride().map(on -> on ? " · goal on" : " · goal off").orElse("");
  }

  private String instrumentSuffix() {
    String id = definition.instrument().id();
    return id.equals(SvoSliderInstrument.ID) ? "" : " · " + id;
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(
        // First: an invocation the instrument cannot run is skipped for that reason alone.
        new InstrumentCondition(this),
        new ModelAvailableCondition(this),
        new EvaluateInvocation(this),
        new EvaluationParameters(new HvaeConfiguration(configuration)),
        new BaselineCheck(testId(), model));
  }
}
