package io.github.hvae.svo;

import io.github.hvae.instrument.Target;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.text.Numbers;
import io.github.hvae.svo.SocialValue;
import java.util.Optional;

/**
 * What a model is asked to value: one of the four named values, or any angle θ* on the SVO ring in
 * (-180°, 180°] (a heterogeneous value). Its ideal angle is what the ideal respondent of θ* reaches
 * on the primary items.
 *
 * @param value the named value, empty for a bare angle target
 * @param angle θ* in degrees
 */
public record ValueTarget(Optional<SocialValue> value, double angle) implements Target {

  public ValueTarget {
    if (!Double.isFinite(angle) || angle <= -180.0 || angle > 180.0) {
      throw new IllegalArgumentException(
          "target angle " + angle + "° is outside (-180°, 180°]; give an angle on the SVO ring");
    }
    value.ifPresent(
        v -> {
          if (v.ringAngle() != angle) {
            throw new IllegalArgumentException(
                v + " sits at " + v.ringAngle() + "°, not " + angle + "°");
          }
        });
  }

  public static ValueTarget of(SocialValue value) {
    return new ValueTarget(Optional.of(value), value.ringAngle());
  }

  public static ValueTarget ofAngle(double degrees) {
    return new ValueTarget(Optional.empty(), degrees);
  }

  /** The angle the ideal respondent of this target reaches on the SVO Slider's primary items. */
  public double idealAngle() {
    return new IdealRespondent(angle).idealAngle();
  }

  /**
   * The category the ideal respondent of this target falls in on the SVO Slider. Other instruments
   * may place it elsewhere; an evaluation's {@code targetCategory()} is its own instrument's.
   */
  public SocialValue category() {
    return SocialValue.categoryOf(idealAngle());
  }

  /** "PROSOCIAL" for a named value, "30°" for an angle. */
  @Override
  public String label() {
    return value.map(Enum::name).orElseGet(() -> Numbers.compact(angle) + "°");
  }


  @Override
  public String toString() {
    return label();
  }
}
