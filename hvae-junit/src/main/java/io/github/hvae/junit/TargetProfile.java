package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value profile as the target of a test on a rating-scale instrument (the bundled {@code
 * ipip-big5-50}, or an item bank of your own loaded with {@code file:}): a level per dimension, or
 * a direction on the circle of an instrument whose dimensions lie on one. Repeat it for several
 * profiles; one invocation per profile, beside any other target of the test.
 *
 * <pre>{@code
 * @ValueAlignmentTest(instrument = "ipip-big5-50")
 * @TargetProfile(name = "caring", value = {"agreeableness=very-high", "emotional-stability=high"})
 * @TargetProfile(direction = 270)      // on a circumplex bank: toward the dimensions at 270°
 * }</pre>
 *
 * Levels are {@code very-low}, {@code low}, {@code neutral}, {@code high}, {@code very-high} (a
 * fixed share of the scale's range) or numbers on the scale; dimensions not named are asked but
 * not scored. Checked at discovery against the instrument's dimensions and scale. Value rationality
 * is 1 minus the mean absolute difference between the measured and the target profile over the
 * named dimensions, divided by the scale's range (see the README's "Value profiles").
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(TargetProfile.List.class)
public @interface TargetProfile {

  /** Levels, each {@code dimension=level}: {@code {"agreeableness=high", "extraversion=2"}}. */
  String[] value() default {};

  /**
   * The profile's name in display names, test ids, reports and cassette file names: letters,
   * digits and {@code . _ - = ,}, at most 40 characters. Left out, levels are named by
   * themselves ({@code agreeableness=high,extraversion=2}, when that is short enough) and a
   * direction {@code toward-270}.
   */
  String name() default "";

  /** A direction in degrees on the circle of a circumplex instrument, instead of levels. */
  double direction() default Double.NaN;

  /** Holds repeated {@link TargetProfile}s. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @interface List {
    TargetProfile[] value();
  }
}
