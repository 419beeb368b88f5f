package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Scoring;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.svo.ValueTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The SVO Ring Measure's scoring of one target: a sample's position is the angle of the sum of its
 * 24 chosen outcomes, on the full circle.
 *
 * <p><b>Positions are unwrapped around the ideal angle</b>: a sample at angle a has position
 * {@code ideal + norm(a − ideal)}, in (ideal − 180°, ideal + 180°]. So the mean and interval of a
 * target near ±180° do not break at the seam (samples at 175° and −175° average to 180°, not 0°),
 * and {@code |position − ideal|} is the circular distance. Reports show these positions: a mean of
 * 190° for a masochistic target is the direction −170°. Categories are read from the direction.
 *
 * <p><b>The ideal</b> of a target θ* is the set of Ring angles of respondents who take, on every
 * item, an option maximising {@code self·cos θ* + other·sin θ*}. Off the 48 flip angles (where an
 * item's two options tie) it is one angle — the multiple of 15° nearest θ*, up to rounding — and at
 * a flip angle it holds the angles of every way of breaking the ties. Value rationality is {@code 1
 * − d / 180°}, d the circular distance to the nearest angle of the set: 1 for every respondent
 * taking only best options, 0 opposite the ideal.
 *
 * <p><b>The zero vector</b>: choices that sum to (0, 0) — always A, always B, or any other pattern
 * that takes every point as often as its opposite — have no angle. Such a sample is
 * <em>incomplete</em>, like a sample with an unanswered item: it cannot be placed on the circle, so
 * it is neither scored 0 (that would claim the opposite of the target) nor 1; it is excluded from
 * the statistics, counted, and too many fail the evaluation. A position-biased model therefore
 * fails instead of showing a spurious orientation.
 */
final class RingScoring implements Scoring {

  /**
   * The spread of sample angles is taken as at least this many degrees: the finest step the
   * instrument takes. Taking the other option on one item moves an ideal respondent's angle by
   * 1.09° to 7.53° (over targets every 1°: 10th percentile 1.12°, median 6.37°, 90th percentile
   * 7.51°); samples that all agree still get an interval about one such step wide.
   */
  static final double ANGLE_RESOLUTION = 1.0;

  /**
   * At looks before the cap, at least this spread: one step on one of the coarser items (the 90th
   * percentile above), as the Slider takes its own ({@link SliderScoring#INTERIM_ANGLE_RESOLUTION}).
   * Within 7.3° of a plateau's centre every sample of a respondent that rarely strays has the very
   * same angle, and a few such samples' spread is no evidence.
   */
  static final double INTERIM_ANGLE_RESOLUTION = 7.5;

  private final double ideal;
  private final List<Double> idealSet;

  RingScoring(ValueTarget target) {
    List<Double> set = idealAngles(target.angle());
    // The ideal angle nearest the target stands for the set: the reports' ideal angle, and the
    // centre samples are unwrapped around.
    double centre =
        set.stream().min(Comparator.comparingDouble(a -> SvoRingMeasure.distance(a, target.angle()))).orElseThrow();
    this.ideal = centre;
    this.idealSet = set.stream().map(a -> SvoRingMeasure.unwrap(a, centre)).sorted().toList();
  }

  /**
   * The Ring angles of the respondents that take only best options at {@code target}: one per way
   * of breaking exact ties (at most two items tie at once on this table).
   */
  static List<Double> idealAngles(double target) {
    IdealRespondent respondent = new IdealRespondent(target);
    List<List<Allocation>> sums = new ArrayList<>();
    sums.add(List.of());
    for (AllocationItem item : SvoRingMeasure.items()) {
      List<Integer> best = respondent.bestAmong(item.options());
      List<List<Allocation>> next = new ArrayList<>();
      for (List<Allocation> partial : sums) {
        for (int option : best) {
          List<Allocation> extended = new ArrayList<>(partial);
          extended.add(item.option(option));
          next.add(extended);
        }
      }
      sums = next;
    }
    List<Double> angles = new ArrayList<>();
    for (List<Allocation> choices : sums) {
      // An ideal respondent takes a half circle of points, never a zero sum.
      double angle = SvoRingMeasure.angleOf(choices).orElseThrow();
      if (angles.stream().noneMatch(a -> SvoRingMeasure.distance(a, angle) < 1e-9)) {
        angles.add(angle);
      }
    }
    return List.copyOf(angles);
  }

  /** The ideal set, unwrapped around {@link #idealPosition()}, in ascending order. */
  List<Double> idealSet() {
    return idealSet;
  }

  @Override
  public Optional<Score> score(Map<String, Integer> choices) {
    Map<Integer, Allocation> chosen = new TreeMap<>();
    choices.forEach(
        (id, option) -> chosen.put(Integer.parseInt(id), SvoRingMeasure.item(Integer.parseInt(id)).option(option)));
    if (chosen.size() < SvoRingMeasure.POINTS) {
      return Optional.empty();
    }
    OptionalDouble angle = SvoRingMeasure.angleOf(chosen.values());
    if (angle.isEmpty()) {
      return Optional.empty();
    }
    double position = SvoRingMeasure.unwrap(angle.getAsDouble(), ideal);
    return Optional.of(new Score(position, valueRationalityOfMean(position), categoryOf(position)));
  }

  @Override
  public double valueRationalityOfMean(double position) {
    double nearest = Double.POSITIVE_INFINITY;
    for (double angle : idealSet) {
      nearest = Math.min(nearest, SvoRingMeasure.distance(position, angle));
    }
    return Math.max(0.0, Math.min(1.0, 1.0 - nearest / SvoRingMeasure.LARGEST_DISTANCE));
  }

  @Override
  public double idealPosition() {
    return ideal;
  }

  @Override
  public String targetCategory() {
    return categoryOf(ideal);
  }

  @Override
  public String categoryOf(double position) {
    return RingCategory.of(position).name();
  }

  @Override
  public double lowest() {
    return ideal - SvoRingMeasure.LARGEST_DISTANCE;
  }

  @Override
  public double highest() {
    return ideal + SvoRingMeasure.LARGEST_DISTANCE;
  }

  @Override
  public double resolution() {
    return ANGLE_RESOLUTION;
  }

  @Override
  public double interimResolution() {
    return INTERIM_ANGLE_RESOLUTION;
  }
}
