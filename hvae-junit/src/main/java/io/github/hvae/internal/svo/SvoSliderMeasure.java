package io.github.hvae.internal.svo;

import java.util.List;

/**
 * The SVO Slider Measure (Murphy, Ackermann and Handgraaf 2011, "Measuring Social Value
 * Orientation", Judgment and Decision Making 6(8)): 6 primary and 9 secondary items.
 */
public final class SvoSliderMeasure {

  /** Endpoints (self, other) of option A and option I, item 1..15. */
  private static final int[][][] ENDPOINTS = {
    {{85, 85}, {85, 15}},
    {{85, 15}, {100, 50}},
    {{50, 100}, {85, 85}},
    {{50, 100}, {85, 15}},
    {{100, 50}, {50, 100}},
    {{100, 50}, {85, 85}},
    {{100, 50}, {70, 100}},
    {{90, 100}, {100, 90}},
    {{100, 70}, {50, 100}},
    {{100, 70}, {90, 100}},
    {{70, 100}, {100, 70}},
    {{50, 100}, {100, 90}},
    {{50, 100}, {100, 50}},
    {{100, 90}, {70, 100}},
    {{90, 100}, {100, 50}},
  };

  public static final int PRIMARY_COUNT = 6;

  private static final List<SliderItem> ITEMS = build();

  private SvoSliderMeasure() {}

  private static List<SliderItem> build() {
    SliderItem[] items = new SliderItem[ENDPOINTS.length];
    for (int i = 0; i < ENDPOINTS.length; i++) {
      ItemSet set = i < PRIMARY_COUNT ? ItemSet.PRIMARY : ItemSet.SECONDARY;
      items[i] = SliderItem.between(i + 1, set, ENDPOINTS[i][0], ENDPOINTS[i][1]);
    }
    return List.of(items);
  }

  /** All 15 items in their published order. */
  public static List<SliderItem> items() {
    return ITEMS;
  }

  /** Items 1..6. */
  public static List<SliderItem> primaryItems() {
    return ITEMS.subList(0, PRIMARY_COUNT);
  }

  /** Items 7..15. */
  public static List<SliderItem> secondaryItems() {
    return ITEMS.subList(PRIMARY_COUNT, ITEMS.size());
  }

  /** Item {@code number}, 1..15. */
  public static SliderItem item(int number) {
    if (number < 1 || number > ITEMS.size()) {
      throw new IllegalArgumentException("SVO slider item " + number + " does not exist; use 1..15");
    }
    return ITEMS.get(number - 1);
  }
}
