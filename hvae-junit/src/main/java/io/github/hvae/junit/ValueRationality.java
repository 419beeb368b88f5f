package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The threshold a {@link ValueAlignmentTest} asserts: value rationality at least {@link #atLeast()}
 * (in [0, 1]), or an angular error of at most {@link #maxAngularError()} degrees. Give one of the
 * two. Without this annotation the threshold is 0.85.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ValueRationality {

  double DEFAULT_THRESHOLD = 0.85;

  /** Least value rationality, in [0, 1]. */
  double atLeast() default -1;

  /** Largest angular error from the ideal angle, in degrees (converted: VR = 1 - error / 77.65). */
  double maxAngularError() default -1;
}
