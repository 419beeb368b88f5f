package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.evaluation.Verdict;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
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

/**
 * Expands a {@link ValueAlignmentTest} into one evaluated invocation per target value and model.
 * Everything the annotations say is checked here, at discovery, so a misconfigured test fails
 * before any model is called, with a message that names the attribute and says what to write.
 */
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
    int samples = samples(test, method, configuration);
    List<ModelSpec> models = models(test, method, configuration);
    Optional<Boolean> goalOverride =
        switch (test.goalPrompt()) {
          case CONFIGURED -> Optional.empty();
          case ON -> Optional.of(true);
          case OFF -> Optional.of(false);
        };
    boolean goalPrompting = goalOverride.orElse(configuration.goalPrompt());
    String name =
        AnnotationSupport.isAnnotated(method, DisplayName.class)
            ? context.getDisplayName()
            : method.getName();
    List<TestTemplateInvocationContext> invocations = new ArrayList<>();
    for (ValueTarget target : targets) {
      for (ModelSpec model : models) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(HvaeConfiguration.MODEL, model.toString());
        overrides.put(HvaeConfiguration.SAMPLES, Integer.toString(samples));
        overrides.put(HvaeConfiguration.GOAL_PROMPT, Boolean.toString(goalPrompting));
        invocations.add(
            new Invocation(
                method,
                name,
                target,
                model,
                models.size() > 1,
                goalOverride,
                threshold,
                HvaeConfiguration.withOverrides(context, overrides)));
      }
    }
    return invocations.stream();
  }

  private static int samples(ValueAlignmentTest test, Method method, HvaeConfiguration configuration) {
    if (test.samples() < 0) {
      throw new ExtensionConfigurationException(
          "@ValueAlignmentTest(samples = " + test.samples() + ") on " + describe(method)
              + " is negative; write samples = 10, or leave it out to use hvae.samples");
    }
    return test.samples() > 0 ? test.samples() : configuration.samples();
  }

  private static List<ModelSpec> models(
      ValueAlignmentTest test, Method method, HvaeConfiguration configuration) {
    if (test.models().length == 0) {
      return List.of(configuration.model());
    }
    Set<ModelSpec> models = new LinkedHashSet<>();
    for (String spec : test.models()) {
      ModelSpec model;
      try {
        model = ModelSpec.parse(spec);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            "@ValueAlignmentTest(models = \"" + spec + "\") on " + describe(method) + ": "
                + e.getMessage().replace("write hvae.model as", "write each model as")
                + "; or leave models out to use hvae.model");
      }
      if (!models.add(model)) {
        throw new ExtensionConfigurationException(
            "@ValueAlignmentTest(models) on " + describe(method) + " lists \"" + model
                + "\" twice; name each model once");
      }
    }
    return List.copyOf(models);
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
                      "@TargetAngle(" + angle + ") on " + describe(method) + ": " + e.getMessage()
                          + ", e.g. @TargetAngle(30.0); 90 is altruistic, 45 prosocial, 0"
                          + " individualistic, -45 competitive");
                }
              }
            });
    if (targets.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@ValueAlignmentTest " + describe(method)
              + " has no target value; add @TargetValue(PROSOCIAL) or @TargetAngle(30.0)");
    }
    Set<String> labels = new LinkedHashSet<>();
    for (ValueTarget target : targets) {
      if (!labels.add(target.label())) {
        throw new ExtensionConfigurationException(
            "target " + target.label() + " is given twice on " + describe(method)
                + "; list each target value or angle once");
      }
    }
    return targets;
  }

  /** The method's threshold, else the nearest enclosing class's, else the default. */
  private static Threshold threshold(ExtensionContext context, Method method) {
    Optional<AnnotatedElement> where =
        AnnotationSupport.isAnnotated(method, ValueRationality.class)
            ? Optional.of(method)
            : Optional.empty();
    Class<?> type = context.getRequiredTestClass();
    while (where.isEmpty() && type != null) {
      if (AnnotationSupport.isAnnotated(type, ValueRationality.class)) {
        where = Optional.of(type);
      }
      type = type.getEnclosingClass();
    }
    if (where.isEmpty()) {
      return Threshold.atLeast(ValueRationality.DEFAULT_THRESHOLD);
    }
    AnnotatedElement element = where.get();
    String on =
        element instanceof Method m ? describe(m) : "class " + ((Class<?>) element).getSimpleName();
    ValueRationality vr =
        AnnotationSupport.findAnnotation(element, ValueRationality.class).orElseThrow();
    boolean atLeast = vr.atLeast() != -1;
    boolean maxError = vr.maxAngularError() != -1;
    if (atLeast == maxError) {
      throw new ExtensionConfigurationException(
          "@ValueRationality on " + on + " must give exactly one of atLeast or maxAngularError;"
              + " write @ValueRationality(atLeast = 0.85) or"
              + " @ValueRationality(maxAngularError = 10)");
    }
    if (atLeast && !(vr.atLeast() >= 0 && vr.atLeast() <= 1)) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(atLeast = " + vr.atLeast() + ") on " + on
              + " is outside [0, 1]; value rationality runs from 0 (worst) to 1 (perfect), e.g."
              + " atLeast = 0.85");
    }
    if (maxError && !(vr.maxAngularError() >= 0 && Double.isFinite(vr.maxAngularError()))) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(maxAngularError = " + vr.maxAngularError() + ") on " + on
              + " is not a distance; give degrees >= 0, e.g. maxAngularError = 10");
    }
    return atLeast
        ? Threshold.atLeast(vr.atLeast())
        : Threshold.maxAngularError(vr.maxAngularError());
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  /**
   * One target and model of a value alignment test.
   *
   * @param name the test's name as shown (its method name, or its {@code @DisplayName})
   * @param severalModels the test names more than one model, so the model is part of the test id
   * @param goalOverride goal prompting as the annotation set it; shown and part of the test id
   * @param configuration the effective configuration: the run's, with the annotation's overrides
   */
  private record Invocation(
      Method method,
      String name,
      ValueTarget target,
      ModelSpec model,
      boolean severalModels,
      Optional<Boolean> goalOverride,
      Threshold threshold,
      HvaeConfiguration configuration)
      implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return name + " [" + target.label() + " · " + model + goalSuffix() + "]";
    }

    /**
     * The evaluation's name in the report, stable across runs: {@code class#method[TARGET]}, with
     * the model and goal prompting added only when the test sets them, so ids stay unique and
     * short. It also seeds the evaluation, so parallel and serial runs agree.
     */
    String testId() {
      return method.getDeclaringClass().getName() + "#" + method.getName() + "["
          + target.label() + (severalModels ? " · " + model : "") + goalSuffix() + "]";
    }

    private String goalSuffix() {
      return goalOverride.map(on -> on ? " · goal on" : " · goal off").orElse("");
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(
          new ModelAvailableCondition(Optional.of(model)),
          new Evaluate(this),
          new Resolve(configuration),
          new Judge(),
          new BaselineCheck(testId(), model));
    }
  }

  /** Runs the evaluation before the test body, records it for the report and publishes it. */
  private record Evaluate(Invocation invocation) implements BeforeTestExecutionCallback {
    @Override
    public void beforeTestExecution(ExtensionContext context) {
      RunState run = RunState.of(context);
      HvaeConfiguration configuration = invocation.configuration();
      String test = invocation.testId();
      ModelAgent agent = run.agentFor(invocation.model(), test);
      ProtocolSettings protocol =
          ProtocolSettings.DEFAULTS
              .withGoalPrompting(configuration.goalPrompt())
              .withGeneration(configuration.generation());
      EvaluationPlan plan =
          new EvaluationPlan(
              test,
              invocation.target(),
              configuration.samples(),
              invocation.threshold(),
              configuration.confidence(),
              evaluationSeed(configuration.seed(), test),
              protocol);
      plan = withProtocolOptions(plan, configuration, run, test);
      ExtensionContext.Store store = context.getStore(NAMESPACE);
      store.put(ModelAgent.class, agent);
      SvoEvaluation evaluation = new AlignmentEvaluator(run.executor()).evaluate(plan, agent);
      run.record(evaluation);
      store.put(SvoEvaluation.class, evaluation);
      context.publishReportEntry(reportEntry(evaluation));
      if (evaluation.verdict() == Verdict.ERROR) {
        throw new AssertionFailedError("Value alignment ERROR — " + evaluation.summary());
      }
    }
  }

  /**
   * The seed of one evaluation: it depends on the configured seed and the evaluation's name only,
   * so parallel and serial runs agree. It fixes the counterbalancing (item order, reversed
   * options), so it is part of every request a cassette matches: whoever records an evaluation
   * outside the extension must seed it the same way for the extension to replay it.
   */
  static long evaluationSeed(long configuredSeed, String test) {
    return configuredSeed * 31 + test.hashCode();
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

  /**
   * What each invocation publishes: CI keeps these where the build writes report entries (JUnit's
   * Open Test Reporting XML; Surefire's XML drops them). Keys are stable.
   */
  static Map<String, String> reportEntry(SvoEvaluation e) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("hvae.test", e.test());
    entry.put("hvae.model", e.model() + (e.simulated() ? " (simulated)" : ""));
    entry.put("hvae.target", e.target().label());
    entry.put("hvae.angle", e.angle().map(a -> format("%.2f", a.mean())).orElse("n/a"));
    entry.put(
        "hvae.angle.interval",
        e.angle().map(a -> format("[%.2f, %.2f]", a.low(), a.high())).orElse("n/a"));
    entry.put("hvae.category", e.category().map(Enum::name).orElse("n/a"));
    entry.put(
        "hvae.valueRationality", e.valueRationality().map(v -> format("%.3f", v.mean())).orElse("n/a"));
    entry.put(
        "hvae.valueRationality.interval",
        e.valueRationality().map(v -> format("[%.3f, %.3f]", v.low(), v.high())).orElse("n/a"));
    entry.put("hvae.threshold", format("%.3f", e.threshold().valueRationality()));
    // Completed of run, like the console line: sequential sampling decides how many run.
    entry.put("hvae.samples", e.samplesCompleted() + "/" + e.samplesRun());
    entry.put("hvae.verdict", e.verdict().name());
    entry.put("hvae.reason", e.reason());
    return entry;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /**
   * Injects the invocation's {@link SvoEvaluation}, the {@link ModelAgent} it was measured on (for
   * follow-up questions in the test body) and its effective {@link HvaeConfiguration}.
   */
  private record Resolve(HvaeConfiguration configuration) implements ParameterResolver {
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
      Object value = context.getStore(NAMESPACE).get(type);
      if (value == null) {
        throw new ParameterResolutionException(
            "no HVAE evaluation ran for " + context.getDisplayName() + ", so there is no "
                + type.getSimpleName() + " to inject; take it as a parameter of the test method,"
                + " not of a lifecycle method");
      }
      return value;
    }
  }

  /** Fails the invocation when the verdict is not PASSED, unless the body already failed it. */
  private static final class Judge implements AfterTestExecutionCallback {
    @Override
    public void afterTestExecution(ExtensionContext context) {
      SvoEvaluation evaluation =
          context.getStore(NAMESPACE).get(SvoEvaluation.class, SvoEvaluation.class);
      if (evaluation == null || context.getExecutionException().isPresent()) {
        return;
      }
      if (evaluation.verdict() != Verdict.PASSED) {
        throw new AssertionFailedError("Value alignment " + evaluation.summary());
      }
    }
  }
}
