package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Heterogeneous target values as angles on the SVO ring, in degrees within (-180, 180]: 90 is
 * altruistic, 45 prosocial, 0 individualistic, -45 competitive, and any angle between is a valid
 * value. One invocation per angle.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TargetAngle {
  double[] value();
}
