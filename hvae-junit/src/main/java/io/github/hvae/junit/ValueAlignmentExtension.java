package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.protocol.AlignmentEvaluator;
import io.github.hvae.protocol.EvaluationPlan;
import io.github.hvae.protocol.ProtocolSettings;
import io.github.hvae.protocol.SvoEvaluation;
import io.github.hvae.rationality.Threshold;
import io.github.hvae.rationality.ValueTarget;
import io.github.hvae.rationality.Verdict;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/** Expands a {@link ValueAlignmentTest} into one evaluated invocation per target value. */
final class ValueAlignmentExtension implements TestTemplateInvocationContextProvider {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ValueAlignmentExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(m -> AnnotationSupport.isAnnotated(m, ValueAlignmentTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    ValueAlignmentTest test =
        AnnotationSupport.findAnnotation(method, ValueAlignmentTest.class).orElseThrow();
    HvaeConfiguration configuration = HvaeConfiguration.of(context);
    List<ValueTarget> targets = targets(method);
    Threshold threshold = threshold(context, method);
    if (test.samples() < 0) {
      throw new ExtensionConfigurationException(
          "@ValueAlignmentTest(samples = " + test.samples() + ") on " + method.getName()
              + " is negative; write samples = 10, or leave it out to use hvae.samples");
    }
    int samples = test.samples() > 0 ? test.samples() : configuration.samples();
    ModelSpec model = configuration.model();
    return targets.stream()
        .map(target -> new Invocation(method, target, model, threshold, samples));
  }

  private static List<ValueTarget> targets(Method method) {
    List<ValueTarget> targets = new ArrayList<>();
    AnnotationSupport.findAnnotation(method, TargetValue.class)
        .ifPresent(a -> Stream.of(a.value()).map(ValueTarget::of).forEach(targets::add));
    AnnotationSupport.findAnnotation(method, TargetAngle.class)
        .ifPresent(
            a -> {
              for (double angle : a.value()) {
                try {
                  targets.add(ValueTarget.ofAngle(angle));
                } catch (IllegalArgumentException e) {
                  throw new ExtensionConfigurationException(
                      "@TargetAngle(" + angle + ") on " + method.getName() + ": " + e.getMessage());
                }
              }
            });
    if (targets.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@ValueAlignmentTest "
              + method.getName()
              + " has no target value; add @TargetValue(PROSOCIAL) or @TargetAngle(30.0)");
    }
    return targets;
  }

  private static Threshold threshold(ExtensionContext context, Method method) {
    Optional<ValueRationality> annotation =
        AnnotationSupport.findAnnotation(method, ValueRationality.class)
            .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, ValueRationality.class)));
    if (annotation.isEmpty()) {
      return Threshold.atLeast(ValueRationality.DEFAULT_THRESHOLD);
    }
    ValueRationality vr = annotation.get();
    boolean atLeast = vr.atLeast() != -1;
    boolean maxError = vr.maxAngularError() != -1;
    if (atLeast == maxError) {
      throw new ExtensionConfigurationException(
          "@ValueRationality on "
              + method.getName()
              + " must give exactly one of atLeast or maxAngularError; write"
              + " @ValueRationality(atLeast = 0.85) or @ValueRationality(maxAngularError = 10)");
    }
    if (atLeast && !(vr.atLeast() >= 0 && vr.atLeast() <= 1)) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(atLeast = "
              + vr.atLeast()
              + ") on "
              + method.getName()
              + " is outside [0, 1]; value rationality runs from 0 (worst) to 1 (perfect), e.g."
              + " atLeast = 0.85");
    }
    if (maxError && !(vr.maxAngularError() >= 0)) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(maxAngularError = "
              + vr.maxAngularError()
              + ") on "
              + method.getName()
              + " is negative; give degrees, e.g. maxAngularError = 10");
    }
    return atLeast
        ? Threshold.atLeast(vr.atLeast())
        : Threshold.maxAngularError(vr.maxAngularError());
  }

  /** One target (and model) of a value alignment test. */
  private record Invocation(
      Method method, ValueTarget target, ModelSpec model, Threshold threshold, int samples)
      implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return method.getName() + " [" + target.label() + " · " + model + "]";
    }

    String testId() {
      return method.getDeclaringClass().getName()
          + "#"
          + method.getName()
          + "["
          + target.label()
          + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Evaluate(this), new Resolve(), new Judge());
    }
  }

  /** Runs the evaluation before the test body and records it for the report. */
  private record Evaluate(Invocation invocation) implements BeforeTestExecutionCallback {
    @Override
    public void beforeTestExecution(ExtensionContext context) {
      RunState run = RunState.of(context);
      HvaeConfiguration configuration = run.configuration();
      String test = invocation.testId();
      ModelAgent agent = run.agentFor(invocation.model(), test);
      EvaluationPlan plan =
          new EvaluationPlan(
              test,
              invocation.target(),
              invocation.samples(),
              invocation.threshold(),
              configuration.confidence(),
              // Each evaluation's randomness depends on the seed and its name only, so parallel and
              // serial runs agree.
              configuration.seed() * 31 + test.hashCode(),
              ProtocolSettings.DEFAULTS.withGoalPrompting(configuration.goalPrompt()));
      plan = withProtocolOptions(plan, configuration, run, test);
      SvoEvaluation evaluation = new AlignmentEvaluator(run.executor()).evaluate(plan, agent);
      run.record(evaluation);
      context.getStore(NAMESPACE).put(SvoEvaluation.class, evaluation);
      context.publishReportEntry(reportEntry(evaluation));
      if (evaluation.verdict() == Verdict.ERROR) {
        throw new AssertionFailedError("Value alignment ERROR — " + evaluation.summary());
      }
    }
  }

  /** Counterbalancing, sequential sampling, its cap and the choice extractor, as configured. */
  private static EvaluationPlan withProtocolOptions(
      EvaluationPlan plan, HvaeConfiguration configuration, RunState run, String test) {
    ProtocolSettings protocol = plan.protocol().withCounterbalance(configuration.counterbalance());
    if (configuration.choiceExtractor().isPresent()) {
      protocol =
          protocol.withChoiceExtractor(run.agentFor(configuration.choiceExtractor().get(), test));
    }
    EvaluationPlan configured =
        plan.withProtocol(protocol).withSequentialSampling(configuration.sequential());
    return configuration.maxSamples().isPresent()
        ? configured.withSampleCap(configuration.maxSamples().getAsInt())
        : configured;
  }

  static Map<String, String> reportEntry(SvoEvaluation e) {
    return Map.of(
        "hvae.verdict", e.verdict().name(),
        "hvae.angle", e.angle().map(a -> String.format(Locale.ROOT, "%.2f", a.mean())).orElse("n/a"),
        "hvae.valueRationality",
            e.valueRationality().map(v -> String.format(Locale.ROOT, "%.3f", v.mean())).orElse("n/a"),
        "hvae.target", e.target().label(),
        "hvae.model", e.model().toString());
  }

  /** Injects the invocation's {@link SvoEvaluation}. */
  private static final class Resolve implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SvoEvaluation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      SvoEvaluation evaluation = context.getStore(NAMESPACE).get(SvoEvaluation.class, SvoEvaluation.class);
      if (evaluation == null) {
        throw new ParameterResolutionException("no HVAE evaluation ran for " + context.getDisplayName());
      }
      return evaluation;
    }
  }

  /** Fails the invocation when the verdict is not PASSED, unless the body already failed it. */
  private static final class Judge implements AfterTestExecutionCallback {
    @Override
    public void afterTestExecution(ExtensionContext context) {
      SvoEvaluation evaluation = context.getStore(NAMESPACE).get(SvoEvaluation.class, SvoEvaluation.class);
      if (evaluation == null || context.getExecutionException().isPresent()) {
        return;
      }
      if (evaluation.verdict() != Verdict.PASSED) {
        throw new AssertionFailedError("Value alignment " + evaluation.summary());
      }
    }
  }
}
