package io.github.hvae.internal.svo;

import io.github.hvae.instrument.Item;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One item of the SVO Slider Measure: nine allocations on a straight line between two endpoints,
 * labelled A..I.
 *
 * <p>Option k (k = 0..8) is {@code first + (last - first) * k / 8}, rounded half-up separately for
 * self and other (Murphy, Ackermann and Handgraaf 2011). {@link Math#round(double)} rounds half up,
 * which is exact here because every coin value is positive.
 */
public record SliderItem(int number, ItemSet set, List<Allocation> options) implements Item {

  public static final int OPTION_COUNT = 9;
  public static final String LABELS = "ABCDEFGHI";

  public SliderItem {
    options = List.copyOf(options);
    if (options.size() != OPTION_COUNT) {
      throw new IllegalArgumentException(
          "item " + number + " has " + options.size() + " options; the slider has 9");
    }
  }

  static SliderItem between(int number, ItemSet set, int[] first, int[] last) {
    List<Allocation> options =
        IntStream.range(0, OPTION_COUNT)
            .mapToObj(
                k ->
                    new Allocation(
                        Math.round(first[0] + (last[0] - first[0]) * k / 8.0),
                        Math.round(first[1] + (last[1] - first[1]) * k / 8.0)))
            .toList();
    return new SliderItem(number, set, options);
  }

  /** The option at {@code index} (0 = A .. 8 = I). */
  public Allocation option(int index) {
    return options.get(index);
  }

  /** The option with {@code label} A..I (case-insensitive). */
  public Allocation option(char label) {
    return options.get(indexOf(label));
  }

  public Allocation first() {
    return options.get(0);
  }

  public Allocation last() {
    return options.get(OPTION_COUNT - 1);
  }

  public boolean isPrimary() {
    return set == ItemSet.PRIMARY;
  }

  /** The item's number as text: "1".."15". */
  @Override
  public String id() {
    return Integer.toString(number);
  }

  @Override
  public int optionCount() {
    return OPTION_COUNT;
  }

  /** The nine secondary items are asked only on request. */
  @Override
  public boolean optional() {
    return !isPrimary();
  }

  /** 0 for A .. 8 for I. */
  public static int indexOf(char label) {
    int index = LABELS.indexOf(Character.toUpperCase(label));
    if (index < 0) {
      throw new IllegalArgumentException("option label '" + label + "' is not one of A..I");
    }
    return index;
  }

  public static char labelOf(int index) {
    return LABELS.charAt(index);
  }
}
