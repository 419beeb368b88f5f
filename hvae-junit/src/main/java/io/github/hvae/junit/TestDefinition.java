package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.config.InvalidConfigurationException;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.provider.Providers;
import io.github.hvae.svo.ValueTarget;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What a {@link ValueAlignmentTest} method's annotations say, read and checked once, at discovery:
 * a misconfigured test fails before any model is called, with a message that names the attribute
 * and says what to write.
 *
 * @param id the test's id without its target: {@code class#method}
 * @param name the name shown (the method's, or its {@code @DisplayName})
 * @param targets the targets, each once
 * @param threshold least value rationality to pass
 * @param models the models, each once
 * @param supplied the models the test class supplies with {@code @HvaeModel}, by name
 * @param goalOverride goal prompting as the annotation sets it
 * @param instrument the instrument the test uses
 * @param configuration the run's configuration with the annotation's overrides (samples, goal
 *     prompting, instrument); the model is set per invocation
 * @param unservable why the instrument cannot run the test for a target, by target label: only
 *     when the instrument comes from {@code hvae.instrument} (a test that names its own instrument
 *     fails at discovery instead), and then the invocation is disabled with that reason
 */
record TestDefinition(
    String id,
    String name,
    List<Target> targets,
    Threshold threshold,
    List<ModelSpec> models,
    Map<String, SuppliedModels.Supplied> supplied,
    Optional<Boolean> goalOverride,
    Instrument instrument,
    Configuration configuration,
    Map<String, String> unservable) {

  TestDefinition {
    unservable = Map.copyOf(unservable);
  }

  /** Why the instrument cannot run this test for {@code target}; empty when it can. */
  Optional<String> unservable(Target target) {
    return Optional.ofNullable(unservable.get(target.label()));
  }

  static TestDefinition read(ExtensionContext context, Configuration run) {
    Method method = context.getRequiredTestMethod();
    ValueAlignmentTest test = AnnotationSupport.findAnnotation(method, ValueAlignmentTest.class).orElseThrow();
    Instrument instrument = instrument(test, method, run);
    // An instrument the test names is part of the test: what it cannot do is a mistake in the test.
    // One chosen for the whole run by hvae.instrument runs the tests it can and skips the others.
    Map<String, String> unservable = new LinkedHashMap<>();
    Optional<Map<String, String>> skip = test.instrument().isBlank() ? Optional.of(unservable) : Optional.empty();
    List<Target> targets = targets(method, instrument, skip);
    Threshold threshold = ValueRationalityAnnotation.threshold(context, method, instrument, targets, skip);
    ValueRationalityAnnotation.refuseThresholdsThatCannotFail(context, method, instrument, targets, threshold, unservable);
    Optional<Boolean> goalOverride =
        switch (test.goalPrompt()) {
          case CONFIGURED -> Optional.empty();
          case ON -> Optional.of(true);
          case OFF -> Optional.of(false);
        };
    Configuration configuration =
        run.with(HvaeKeys.SAMPLES, samples(test, method, run))
            .with(HvaeKeys.GOAL_PROMPT, goalOverride.orElse(run.get(HvaeKeys.GOAL_PROMPT)))
            .with(HvaeKeys.INSTRUMENT, instrument.id());
    Optional<Double> gate = ValueRationalityAnnotation.minInTargetCategory(context, method);
    if (gate.isPresent()) {
      configuration = configuration.with(HvaeKeys.MIN_IN_TARGET_CATEGORY, gate.get());
    }
    String name = AnnotationSupport.isAnnotated(method, DisplayName.class) ? context.getDisplayName() : method.getName();
    Map<String, SuppliedModels.Supplied> supplied = SuppliedModels.of(context.getRequiredTestClass());
    return new TestDefinition(
        id(context.getRequiredTestClass(), method), name, targets, threshold, models(test, method, run, supplied),
        supplied, goalOverride, instrument, configuration, unservable);
  }

  /**
   * {@code class#method}, the class being the one the test runs in (two subclasses of one abstract
   * test get two ids), with the parameter types added when the method name is overloaded.
   */
  static String id(Class<?> testClass, Method method) {
    // Every class up the hierarchy: an overload may be package-private in a superclass, which
    // neither getMethods() (public only) nor the subclass's getDeclaredMethods() lists.
    List<Method> methods = new ArrayList<>(Arrays.asList(testClass.getMethods()));
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      methods.addAll(Arrays.asList(c.getDeclaredMethods()));
    }
    long sameName =
        methods.stream()
            .filter(m -> m.getName().equals(method.getName()))
            .filter(m -> AnnotationSupport.isAnnotated(m, ValueAlignmentTest.class))
            .map(m -> Arrays.asList(m.getParameterTypes()))
            .distinct()
            .count();
    String parameters =
        sameName > 1
            ? "(" + String.join(",", Stream.of(method.getParameterTypes()).map(Class::getSimpleName).toList()) + ")"
            : "";
    return testClass.getName() + "#" + method.getName() + parameters;
  }

  private static Instrument instrument(ValueAlignmentTest test, Method method, Configuration run) {
    String id = test.instrument().isBlank() ? run.get(HvaeKeys.INSTRUMENT) : test.instrument().strip();
    try {
      return Instruments.byId(id);
    } catch (InvalidConfigurationException e) {
      String where =
          test.instrument().isBlank()
              ? HvaeKeys.INSTRUMENT.name()
              : "@ValueAlignmentTest(instrument = \"" + test.instrument() + "\") on " + describe(method);
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
  }

  private static int samples(ValueAlignmentTest test, Method method, Configuration run) {
    if (test.samples() < 0 || test.samples() > 1000) {
      throw new ExtensionConfigurationException(
          "@ValueAlignmentTest(samples = " + test.samples() + ") on " + describe(method)
              + " is outside 1..1000; write samples = 10, or leave it out to use hvae.samples");
    }
    return test.samples() > 0 ? test.samples() : run.get(HvaeKeys.SAMPLES);
  }

  private static List<ModelSpec> models(
      ValueAlignmentTest test, Method method, Configuration run, Map<String, SuppliedModels.Supplied> supplied) {
    if (test.models().length == 0) {
      ModelSpec model = run.get(HvaeKeys.MODEL);
      knownModel(model, supplied, method)
          .ifPresent(
              problem -> {
                throw new ExtensionConfigurationException(
                    "configuration parameter " + HvaeKeys.MODEL.name() + "='" + model + "' is invalid: " + problem);
              });
      return List.of(model);
    }
    Set<ModelSpec> models = new LinkedHashSet<>();
    for (String spec : test.models()) {
      ModelSpec model;
      try {
        model = ModelSpec.parse(spec);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            "@ValueAlignmentTest(models = \"" + spec + "\") on " + describe(method) + ": " + e.getMessage()
                + "; or leave models out to use hvae.model");
      }
      knownModel(model, supplied, method)
          .ifPresent(
              problem -> {
                throw new ExtensionConfigurationException(
                    "@ValueAlignmentTest(models = \"" + spec + "\") on " + describe(method) + ": " + problem);
              });
      if (!models.add(model)) {
        throw new ExtensionConfigurationException(
            "@ValueAlignmentTest(models) on " + describe(method) + " lists \"" + model
                + "\" twice; name each model once");
      }
    }
    return List.copyOf(models);
  }

  /**
   * What is wrong with a model that neither an installed provider serves nor the test class supplies
   * with {@code @HvaeModel}; empty when one of them does.
   */
  private static Optional<String> knownModel(
      ModelSpec model, Map<String, SuppliedModels.Supplied> supplied, Method method) {
    if (model.isBareName() && supplied.containsKey(model.provider())) {
      return Optional.empty();
    }
    if (Providers.of(model).isPresent()) {
      return Optional.empty();
    }
    if (model.isBareName()) {
      return Optional.of(
          "'" + model + "' names no model: " + method.getDeclaringClass().getSimpleName() + " supplies "
              + (supplied.isEmpty() ? "none" : String.join(", ", supplied.keySet()))
              + " with @HvaeModel, and no provider of that name is installed (" + Providers.forms()
              + "); add @HvaeModel(\"" + model + "\") to a static field or method, or write provider:model");
    }
    return Optional.of(
        "unknown model provider '" + model.provider() + "'; installed: " + Providers.forms()
            + " (a provider of your own is one class plus a line in"
            + " META-INF/services/io.github.hvae.agent.ModelProvider)");
  }

  /**
   * @param skip where to note a target the run-wide instrument cannot score, instead of failing;
   *     empty when the test names its instrument
   */
  private static List<Target> targets(Method method, Instrument instrument, Optional<Map<String, String>> skip) {
    List<Target> targets = new ArrayList<>();
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
    targets.addAll(ProfileTargets.of(method));
    if (targets.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@ValueAlignmentTest " + describe(method) + " has no target value; add @TargetValue(PROSOCIAL) or"
              + " @TargetAngle(30.0), or on a rating-scale instrument @TargetProfile({\"agreeableness=high\"})");
    }
    Set<String> labels = new LinkedHashSet<>();
    for (Target target : targets) {
      if (!labels.add(target.label())) {
        throw new ExtensionConfigurationException(
            "target " + target.label() + " is given twice on " + describe(method)
                + "; list each target value or angle once");
      }
      try {
        instrument.scoring(target);
      } catch (IllegalArgumentException e) {
        if (skip.isPresent()) {
          skip.get().put(target.label(), runWide(instrument) + " cannot measure target " + target.label() + ": " + e.getMessage());
          continue;
        }
        throw new ExtensionConfigurationException(
            "target " + target.label() + " on " + describe(method) + " cannot be measured with " + instrument.name()
                + ": " + e.getMessage());
      }
    }
    return List.copyOf(targets);
  }

  /** How a skip reason names an instrument the run chose: "Triple-Dominance Measure (hvae.instrument=triple-dominance)". */
  static String runWide(Instrument instrument) {
    return instrument.name() + " (" + HvaeKeys.INSTRUMENT.name() + "=" + instrument.id() + ")";
  }

  static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
