package io.github.hvae.junit;

import io.github.hvae.evaluation.Threshold;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.stats.ThresholdRefusal;
import io.github.hvae.internal.stats.ValueScale;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What the nearest {@link ValueRationality} says for a test method, read and checked at discovery:
 * the threshold (the method's, else the nearest enclosing class's, else the default), the
 * consistency gate, and the refusal of a threshold no respondent could miss. Each attribute is
 * taken from the nearest annotation that gives it, so a class can set the threshold and a method
 * only the gate.
 */
final class ValueRationalityAnnotation {

  private ValueRationalityAnnotation() {}

  /**
   * The method's threshold, else the nearest enclosing class's, else the default.
   *
   * @param skip where to note, for every target, that the run-wide instrument cannot hold the
   *     threshold, instead of failing; empty when the test names its instrument
   */
  static Threshold threshold(
      ExtensionContext context, Method method, Instrument instrument, List<Target> targets,
      Optional<Map<String, String>> skip) {
    Optional<AnnotatedElement> where = nearest(context, method, ValueRationalityAnnotation::setsThreshold);
    if (where.isEmpty()) {
      return Threshold.atLeast(ValueRationality.DEFAULT_THRESHOLD);
    }
    AnnotatedElement element = where.get();
    String on = on(element);
    ValueRationality vr = AnnotationSupport.findAnnotation(element, ValueRationality.class).orElseThrow();
    boolean atLeast = vr.atLeast() != -1;
    boolean maxError = vr.maxAngularError() != -1;
    if (atLeast == maxError) {
      throw new ExtensionConfigurationException(
          "@ValueRationality on " + on + " must give exactly one of atLeast or maxAngularError;"
              + " write @ValueRationality(atLeast = 0.85) or @ValueRationality(maxAngularError = 10)");
    }
    if (atLeast) {
      if (!(vr.atLeast() > 0 && vr.atLeast() <= 1)) {
        throw new ExtensionConfigurationException(
            "@ValueRationality(atLeast = " + vr.atLeast() + ") on " + on + " is "
                + (vr.atLeast() == 0 ? "0, a threshold every evaluation clears, so the test could never fail"
                    : "outside (0, 1]; value rationality runs from 0 (worst) to 1 (perfect)")
                + "; write e.g. atLeast = 0.85");
      }
      return Threshold.atLeast(vr.atLeast());
    }
    OptionalDouble width = instrument.angularWidth();
    if (width.isEmpty() && skip.isPresent()) {
      for (Target target : targets) {
        skip.get().putIfAbsent(
            target.label(),
            TestDefinition.runWide(instrument) + " cannot hold @ValueRationality(maxAngularError = " + vr.maxAngularError() + ") on "
                + on + ": it measures no angle; write @ValueRationality(atLeast = 0.85), or name the instrument"
                + " the test needs, e.g. @ValueAlignmentTest(instrument = \"svo-slider\")");
      }
      // Never evaluated: the threshold is kept only to be reported beside the reason.
      return new Threshold(0.0, OptionalDouble.of(vr.maxAngularError()));
    }
    if (width.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(maxAngularError = " + vr.maxAngularError() + ") on " + on + ": " + instrument.name()
              + " measures no angle; write @ValueRationality(atLeast = 0.85)");
    }
    if (!(vr.maxAngularError() >= 0 && Double.isFinite(vr.maxAngularError()))) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(maxAngularError = " + vr.maxAngularError() + ") on " + on
              + " is not a distance; give degrees >= 0, e.g. maxAngularError = 10");
    }
    if (vr.maxAngularError() >= width.getAsDouble()) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(maxAngularError = " + vr.maxAngularError() + ") on " + on + " is at or beyond "
              + width.getAsDouble() + "°, the largest angular error " + instrument.name()
              + " can show, so the test could never fail; give fewer degrees, e.g. maxAngularError = 10");
    }
    return Threshold.maxAngularError(vr.maxAngularError(), width.getAsDouble());
  }

  /**
   * The method, else the nearest enclosing class, whose {@code @ValueRationality} {@code gives}
   * something. Every {@code @ValueRationality} on the way must give something.
   */
  private static Optional<AnnotatedElement> nearest(
      ExtensionContext context, Method method, Predicate<ValueRationality> gives) {
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(method);
    for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
      elements.add(type);
    }
    for (AnnotatedElement element : elements) {
      Optional<ValueRationality> vr = AnnotationSupport.findAnnotation(element, ValueRationality.class);
      if (vr.isEmpty()) {
        continue;
      }
      if (!setsThreshold(vr.get()) && vr.get().minInTargetCategory() == -1) {
        throw new ExtensionConfigurationException(
            "@ValueRationality on " + on(element) + " gives nothing; write @ValueRationality(atLeast = 0.85),"
                + " @ValueRationality(maxAngularError = 10) or @ValueRationality(minInTargetCategory = 0.9)");
      }
      if (gives.test(vr.get())) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  private static boolean setsThreshold(ValueRationality vr) {
    return vr.atLeast() != -1 || vr.maxAngularError() != -1;
  }

  private static String on(AnnotatedElement element) {
    return element instanceof Method m ? TestDefinition.describe(m) : "class " + ((Class<?>) element).getSimpleName();
  }

  /**
   * The consistency gate of the nearest {@code @ValueRationality} that gives {@code
   * minInTargetCategory} (0: none); empty when none does, and {@code hvae.min-in-target-category}
   * decides.
   */
  static Optional<Double> minInTargetCategory(ExtensionContext context, Method method) {
    Optional<AnnotatedElement> where = nearest(context, method, vr -> vr.minInTargetCategory() != -1);
    if (where.isEmpty()) {
      return Optional.empty();
    }
    double share =
        AnnotationSupport.findAnnotation(where.get(), ValueRationality.class).orElseThrow().minInTargetCategory();
    if (!(share >= 0 && share <= 1)) {
      throw new ExtensionConfigurationException(
          "@ValueRationality(minInTargetCategory = " + share + ") on " + on(where.get())
              + " is not a share; give one in (0, 1], e.g. minInTargetCategory = 0.9 (at most one of 10"
              + " samples outside the target's category), or 0 for no consistency gate");
    }
    return Optional.of(share);
  }

  /**
   * Refuses a threshold that no respondent can miss on a target: every mean the instrument can
   * produce has value rationality at or above it ({@link ThresholdRefusal}; on the SVO Slider a
   * prosocial target is never more than 57.30° from its ideal set, so {@code maxAngularError = 60},
   * below the 77.65° width, still passes everything there).
   */
  static void refuseThresholdsThatCannotFail(
      ExtensionContext context, Method method, Instrument instrument, List<Target> targets, Threshold threshold,
      Map<String, String> unservable) {
    if (!(threshold.valueRationality() > 0)) {
      // threshold() refuses 0 and angular errors beyond the width itself; a threshold of 0 that gets
      // here is only kept to be reported beside a reason the test does not run.
      return;
    }
    String unit = instrument.angularWidth().isPresent() ? "°" : "";
    for (Target target : targets) {
      if (unservable.containsKey(target.label())) {
        continue; // the run-wide instrument skips this test for the target, with its reason
      }
      Scoring scoring;
      try {
        scoring = instrument.scoring(target);
      } catch (IllegalArgumentException e) {
        continue; // a target the instrument cannot score is targets()'s to report
      }
      Optional<String> why =
          ThresholdRefusal.check(threshold, ValueScale.of(scoring, instrument.angularWidth()), unit);
      if (why.isPresent()) {
        String on = nearest(context, method, ValueRationalityAnnotation::setsThreshold).map(ValueRationalityAnnotation::on).orElse(TestDefinition.describe(method));
        throw new ExtensionConfigurationException(
            "@ValueRationality on " + on + ", target " + target.label() + " on " + instrument.name() + ": "
                + why.get());
      }
    }
  }
}
