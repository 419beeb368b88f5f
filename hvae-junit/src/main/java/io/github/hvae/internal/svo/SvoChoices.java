package io.github.hvae.internal.svo;


import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A respondent's chosen options, by item number (1..15), as option indices (0 = A .. 8 = I). A
 * sample is scorable when all six primary items have a choice; the secondary items are optional.
 */
public record SvoChoices(Map<Integer, Integer> optionByItem) {

  public SvoChoices {
    TreeMap<Integer, Integer> copy = new TreeMap<>();
    optionByItem.forEach(
        (item, option) -> {
          SvoSliderMeasure.item(item);
          if (option < 0 || option >= SliderItem.OPTION_COUNT) {
            throw new IllegalArgumentException(
                "item " + item + ": option index " + option + " is outside 0..8 (A..I)");
          }
          copy.put(item, option);
        });
    optionByItem = Collections.unmodifiableMap(copy);
  }

  /** Choices from option labels, item 1 first: {@code fromLabels("AIAIAI")}. */
  public static SvoChoices fromLabels(String labels) {
    TreeMap<Integer, Integer> map = new TreeMap<>();
    for (int i = 0; i < labels.length(); i++) {
      map.put(i + 1, SliderItem.indexOf(labels.charAt(i)));
    }
    return new SvoChoices(map);
  }

  public Optional<Allocation> allocation(int item) {
    Integer option = optionByItem.get(item);
    return option == null
        ? Optional.empty()
        : Optional.of(SvoSliderMeasure.item(item).option(option));
  }

  public boolean hasAllPrimary() {
    return SvoSliderMeasure.primaryItems().stream()
        .allMatch(item -> optionByItem.containsKey(item.number()));
  }

  public boolean hasAllSecondary() {
    return SvoSliderMeasure.secondaryItems().stream()
        .allMatch(item -> optionByItem.containsKey(item.number()));
  }

  /** The SVO angle in degrees; requires all six primary choices. */
  public double angle() {
    if (!hasAllPrimary()) {
      throw new IllegalStateException(
          "the SVO angle needs all six primary items, have items " + optionByItem.keySet());
    }
    return SvoAngle.of(
        SvoSliderMeasure.primaryItems().stream()
            .map(item -> item.option(optionByItem.get(item.number())))
            .toList());
  }

  public Transitivity transitivity() {
    return Transitivity.of(this);
  }

  /** The inequality-aversion index, when all secondary items were answered and it is defined. */
  public InequalityAversion inequalityAversion() {
    return InequalityAversion.of(this);
  }
}
