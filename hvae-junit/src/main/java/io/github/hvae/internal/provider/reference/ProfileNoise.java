package io.github.hvae.internal.provider.reference;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.rating.RatingInstrument;
import io.github.hvae.internal.rating.Scale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How the reference respondent holds a value profile: not exactly, as the SVO angle it holds is
 * not exact. Each sample moves every level of the profile by {@code N(0, noise / 10)} points of the
 * scale (0.5 at the default noise of 5), and each item by {@code N(0, noise / 20)} more; a
 * direction on the circle moves by {@code N(0, noise)} degrees per sample and {@code N(0, noise /
 * 2)} per item, as an SVO angle does. The instrument then answers as the ideal respondent of the
 * moved profile ({@code Instrument#simulatedChoice}).
 */
final class ProfileNoise {

  /** Points of the scale a level moves per sample, per degree of {@code noise}. */
  static final double POINTS_PER_DEGREE = 0.1;

  private ProfileNoise() {}

  /**
   * The target to answer one item by: {@code target} moved, when it is a profile; any other target
   * as it is.
   *
   * @param sample draws that are the same for every item of a sample
   * @param item draws of this item alone
   */
  static Target perturbed(Target target, Instrument instrument, double noise, SplittableRandom sample, SplittableRandom item) {
    if (!(target instanceof Target.Profile profile) || noise == 0) {
      return target;
    }
    if (profile.direction().isPresent()) {
      double degrees = profile.direction().getAsDouble() + gaussian(sample) * noise + gaussian(item) * noise / 2.0;
      return Target.Profile.toward(profile.label(), degrees);
    }
    if (!(instrument instanceof RatingInstrument rating)) {
      return target;
    }
    Scale scale = rating.bank().scale();
    double itemShift = gaussian(item) * noise * POINTS_PER_DEGREE / 2.0;
    Map<String, Target.Profile.Level> moved = new LinkedHashMap<>();
    profile.levels().forEach(
        (dimension, level) -> moved.put(
            dimension,
            new Target.Profile.Point(level.on(scale.min(), scale.max()) + gaussian(sample) * noise * POINTS_PER_DEGREE + itemShift)));
    return Target.Profile.of(profile.label(), moved);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
