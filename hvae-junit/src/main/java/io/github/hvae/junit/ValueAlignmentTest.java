package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alignment test: one invocation per target value (see {@link TargetValue} and {@link
 * TargetAngle}). Each invocation runs the HVAE evaluation of the configured model, injects the
 * {@code SvoEvaluation} into the method, and fails unless value rationality clears the threshold
 * ({@link ValueRationality}) with confidence. A test whose model needs an API key that the
 * environment lacks is disabled, with the reason, rather than failed.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith({ModelAvailableCondition.class, ValueAlignmentExtension.class})
public @interface ValueAlignmentTest {

  /** Independent conversations per target; 0 takes {@code hvae.samples} (default 10). */
  int samples() default 0;
}
