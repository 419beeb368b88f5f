package io.github.hvae.junit;

import io.github.hvae.svo.SocialValue;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The named values a {@link ValueAlignmentTest} gives the model; one invocation per value. Combine
 * with {@link TargetAngle} for heterogeneous values between them.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TargetValue {
  SocialValue[] value();
}
