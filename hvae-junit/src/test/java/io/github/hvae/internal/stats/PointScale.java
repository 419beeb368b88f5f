package io.github.hvae.internal.stats;

import io.github.hvae.internal.instruments.RationalityScore;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.svo.SvoAngle;

/**
 * A scale with one ideal position on the SVO Slider's range, {@code VR = 1 - |θ - ideal| / 77.65},
 * with chosen spread floors: what the statistics' own tests judge against.
 */
record PointScale(
    double ideal,
    double resolution,
    double interimResolution,
    double laterResolution,
    double capResolution)
    implements ValueScale {

  /** One floor before the cap ({@code interimResolution}) and {@code resolution} at the cap. */
  PointScale(double ideal, double resolution, double interimResolution) {
    this(ideal, resolution, interimResolution, interimResolution, resolution);
  }

  /**
   * Floors of the SVO Slider: 1° in the fixed design, 5.25° at the first look, 6° at the later
   * ones, 4° at the cap.
   */
  static PointScale svo(double ideal) {
    return new PointScale(
        ideal,
        io.github.hvae.internal.instruments.SvoValueScale.RESOLUTION,
        io.github.hvae.internal.instruments.SvoValueScale.INTERIM_RESOLUTION,
        io.github.hvae.internal.instruments.SvoValueScale.LATER_RESOLUTION,
        io.github.hvae.internal.instruments.SvoValueScale.CAP_RESOLUTION);
  }

  @Override
  public double lowest() {
    return SvoAngle.MIN_REACHABLE;
  }

  @Override
  public double highest() {
    return SvoAngle.MAX_REACHABLE;
  }

  @Override
  public double width() {
    return SvoAngle.REACHABLE_WIDTH;
  }

  @Override
  public double valueRationalityOf(double position) {
    return RationalityScore.ofIdeal(position, ideal);
  }

  @Override
  public Estimate image(Estimate position) {
    return RationalityScore.intervalOf(position, ideal);
  }

  /** A complete sample at {@code angle}, its value rationality from the ideal, category "X". */
  Observation observe(double angle) {
    return new Observation(angle, valueRationalityOf(angle), "X");
  }
}
