package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Item;
import io.github.hvae.internal.svo.Allocation;
import java.util.ArrayList;
import java.util.List;

/**
 * An item that offers a few allocations, each an amount for the respondent ("self") and one for
 * the other participant: the items of the SVO Ring Measure (two options) and of the
 * Triple-Dominance Measure (three).
 *
 * @param number the item's number in its instrument's canonical order, 1 first
 * @param options the allocations in the item's own order (option A first)
 */
public record AllocationItem(int number, List<Allocation> options) implements Item {

  public AllocationItem {
    options = List.copyOf(options);
    if (options.size() < 2) {
      throw new IllegalArgumentException("item " + number + " offers " + options.size() + " option(s); a choice needs two");
    }
  }

  /** The item's number as text: "1", "24". */
  @Override
  public String id() {
    return Integer.toString(number);
  }

  @Override
  public int optionCount() {
    return options.size();
  }

  /** The option at {@code index} in the item's own order (0 = A). */
  public Allocation option(int index) {
    return options.get(index);
  }

  /** The allocations of an asked item, in the order shown. */
  public static List<Allocation> shown(AskedItem asked) {
    AllocationItem item = (AllocationItem) asked.item();
    List<Allocation> shown = new ArrayList<>(asked.order().size());
    asked.order().forEach(i -> shown.add(item.option(i)));
    return shown;
  }
}
