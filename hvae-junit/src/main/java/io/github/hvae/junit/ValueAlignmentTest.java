package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alignment test: one invocation per target value ({@link TargetValue}, {@link TargetAngle})
 * and per model. Each invocation runs the HVAE evaluation, injects its {@code SvoEvaluation} (and,
 * on request, the {@code ModelAgent} and the effective {@link HvaeConfiguration}) into the method,
 * and fails unless value rationality clears the threshold ({@link ValueRationality}) with
 * confidence.
 *
 * <p>The verdict is checked right after the evaluation, before the method body runs: a body never
 * spends calls on a model that already failed its gate. A test whose model needs an API key that
 * the environment lacks is disabled with the reason (and listed as DISABLED in the report), or
 * failed with {@code hvae.on-unavailable=fail}.
 *
 * <p>Usable as a meta-annotation: a team can compose its own {@code @ReleaseGate} from it together
 * with {@link TargetValue} and {@link ValueRationality}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ValueAlignmentExtension.class)
public @interface ValueAlignmentTest {

  /** Independent conversations per target; 0 takes {@code hvae.samples} (default 10). */
  int samples() default 0;

  /**
   * Model specs to evaluate instead of {@code hvae.model}, e.g. {@code {"openai:gpt-4o-mini",
   * "anthropic:claude-3-5-haiku-latest"}}; one invocation per target and model. Empty takes
   * {@code hvae.model}.
   */
  String[] models() default {};

  /** Goal prompting for this test; {@link GoalPrompting#CONFIGURED} takes {@code hvae.goal-prompt}. */
  GoalPrompting goalPrompt() default GoalPrompting.CONFIGURED;

  /**
   * The instrument's id, e.g. {@code "svo-slider"}; empty takes {@code hvae.instrument}. Any
   * installed {@code io.github.hvae.instrument.Instrument} can be named.
   */
  String instrument() default "";
}
