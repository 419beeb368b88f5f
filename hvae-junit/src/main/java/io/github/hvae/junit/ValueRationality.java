package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The threshold a {@link ValueAlignmentTest} asserts: value rationality at least {@link #atLeast()}
 * (in [0, 1]), or an angular error of at most {@link #maxAngularError()} degrees. Give one of the
 * two. On a method it applies to that test; on a class (or an enclosing class of a {@code @Nested}
 * one) it is the default for every test inside. Without it anywhere the threshold is 0.85.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface ValueRationality {

  double DEFAULT_THRESHOLD = 0.85;

  /** Least value rationality, in [0, 1]. */
  double atLeast() default -1;

  /** Largest angular error from the ideal angle, in degrees (converted: VR = 1 - error / 77.65). */
  double maxAngularError() default -1;
}
