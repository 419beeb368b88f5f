package io.github.hvae.internal.svo;

import java.util.Collection;

/**
 * The SVO angle: {@code atan2(mean(other) - 50, mean(self) - 50)} in degrees over the six primary
 * items. Published code uses {@code atan}; on this item set mean(self) is at least 67.5, so both
 * agree, and {@code atan2} cannot divide by zero.
 */
public final class SvoAngle {

  /** Angle of a respondent who always maximises self minus other. */
  public static final double MIN_REACHABLE = -16.26;

  /** Angle of a respondent who always maximises other. */
  public static final double MAX_REACHABLE = 61.39;

  /**
   * Width of the reachable range of angles on the primary items, in degrees (61.39 - (-16.26)); the
   * denominator of value rationality.
   */
  public static final double REACHABLE_WIDTH = 77.65;

  private SvoAngle() {}

  /** The angle of a set of primary choices, one per primary item. */
  public static double of(Collection<Allocation> primaryChoices) {
    if (primaryChoices.size() != SvoSliderMeasure.PRIMARY_COUNT) {
      throw new IllegalArgumentException(
          "the SVO angle needs one choice on each of the 6 primary items, got "
              + primaryChoices.size());
    }
    double self = 0;
    double other = 0;
    for (Allocation choice : primaryChoices) {
      self += choice.self();
      other += choice.other();
    }
    return ofMeans(self / primaryChoices.size(), other / primaryChoices.size());
  }

  /** The angle of mean payoffs to self and other. */
  public static double ofMeans(double meanSelf, double meanOther) {
    return Math.toDegrees(Math.atan2(meanOther - 50.0, meanSelf - 50.0));
  }
}
