package io.github.hvae.internal.svo;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The respondent who holds a target angle θ* exactly: on each item it picks the option maximising
 * {@code U = self·cos θ* + other·sin θ*}. Where options tie exactly it counts the mean allocation of
 * the tied options, so that, for example, a prosocial respondent (θ* = 45°) facing item 5 (options
 * C and G both sum to 151) lands on (75.5, 75.5) rather than on either end: that is the reported
 * {@link #idealAngle() ideal angle}.
 *
 * <p>No single conversation can produce that averaged point when options tie: a respondent that
 * takes a best option on every item takes one of the tied ones. {@link #idealAngles()} is therefore
 * the <b>set</b> of angles such respondents can produce, against which value rationality measures
 * (tie-aware): nine angles from -7.82° to 7.82° at 0° (item 1: every option gives self 85), {41.04°,
 * 48.96°} at 45° (item 5: C and G), and the single ideal angle wherever no item ties.
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

  /**
   * Every angle that a respondent taking a best option on each primary item can produce, ascending,
   * without repeats: one angle per combination of tied best options (the product over the six
   * items), each computed exactly as a sample's angle is ({@link SvoAngle#of} over the options in
   * item order), so a sample that took best options equals one of these bit for bit. Without a tie
   * it is the single {@link #idealAngle()}.
   */
  public double[] idealAngles() {
    List<SliderItem> items = SvoSliderMeasure.primaryItems();
    List<List<Integer>> best = items.stream().map(this::bestOptions).toList();
    int combinations = 1;
    for (List<Integer> tied : best) {
      combinations *= tied.size();
    }
    double[] angles = new double[combinations];
    for (int c = 0; c < combinations; c++) {
      List<Allocation> choices = new ArrayList<>(items.size());
      int rest = c;
      for (int i = 0; i < items.size(); i++) {
        List<Integer> tied = best.get(i);
        choices.add(items.get(i).option(tied.get(rest % tied.size())));
        rest /= tied.size();
      }
      angles[c] = SvoAngle.of(choices);
    }
    return Arrays.stream(angles).sorted().distinct().toArray();
  }
}
