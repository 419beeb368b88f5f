package io.github.hvae.internal.svo;


import java.util.ArrayList;
import java.util.List;

/**
 * The respondent who holds a target angle θ* exactly: on each item it picks the option maximising
 * {@code U = self·cos θ* + other·sin θ*}. Where options tie exactly it counts the mean allocation of
 * the tied options, so that, for example, a prosocial respondent (θ* = 45°) facing item 5 (every
 * option sums to 150) lands on (75, 75) rather than on an arbitrary end.
 */
public final class IdealRespondent {

  /**
   * Utilities are sums of at most 200 coins times a cosine; options whose utilities differ by less
   * than this are the same up to floating point (cos 45° and sin 45° differ in the last bit).
   */
  private static final double TIE_TOLERANCE = 1e-9;

  private final double targetAngle;
  private final double cos;
  private final double sin;

  public IdealRespondent(double targetAngleDegrees) {
    if (!Double.isFinite(targetAngleDegrees)) {
      throw new IllegalArgumentException("target angle must be finite, got " + targetAngleDegrees);
    }
    this.targetAngle = targetAngleDegrees;
    this.cos = Math.cos(Math.toRadians(targetAngleDegrees));
    this.sin = Math.sin(Math.toRadians(targetAngleDegrees));
  }

  public double targetAngle() {
    return targetAngle;
  }

  /** The utility of an allocation for this respondent. */
  public double utility(Allocation allocation) {
    return allocation.self() * cos + allocation.other() * sin;
  }

  /** Indices (0 = A .. 8 = I) of the options with the highest utility, ties included. */
  public List<Integer> bestOptions(SliderItem item) {
    return bestAmong(item.options());
  }

  /** Indices, in the given order, of the allocations with the highest utility, ties included. */
  public List<Integer> bestAmong(List<Allocation> options) {
    double best = Double.NEGATIVE_INFINITY;
    for (Allocation option : options) {
      best = Math.max(best, utility(option));
    }
    List<Integer> tied = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      if (best - utility(options.get(i)) <= TIE_TOLERANCE) {
        tied.add(i);
      }
    }
    return List.copyOf(tied);
  }

  /** The allocation this respondent counts on an item: the best option, or the mean of tied ones. */
  public Allocation choose(SliderItem item) {
    List<Integer> tied = bestOptions(item);
    double self = 0;
    double other = 0;
    for (int index : tied) {
      self += item.option(index).self();
      other += item.option(index).other();
    }
    return new Allocation(self / tied.size(), other / tied.size());
  }

  /** The angle this respondent reaches on the primary items: the ideal angle of its target. */
  public double idealAngle() {
    return SvoAngle.of(SvoSliderMeasure.primaryItems().stream().map(this::choose).toList());
  }
}
