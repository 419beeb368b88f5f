package io.github.hvae.instrument;

import java.util.List;

/**
 * An item as one conversation asks it: which item, the order its options are shown in, their
 * labels, and where it falls among the items asked.
 *
 * @param item the item
 * @param order the item's option indices in the order shown: {@code order.get(0)} is shown first,
 *     with {@code labels.get(0)}; counterbalancing may reverse it
 * @param labels the labels shown, in order
 * @param position 1-based position among the items asked
 * @param count how many items the conversation asks
 */
public record AskedItem(Item item, List<Integer> order, List<String> labels, int position, int count) {

  public AskedItem {
    order = List.copyOf(order);
    labels = List.copyOf(labels);
    if (order.size() != item.optionCount() || labels.size() != item.optionCount()) {
      throw new IllegalArgumentException(
          "item " + item.id() + " has " + item.optionCount() + " options, shown " + order.size()
              + " with " + labels.size() + " labels");
    }
  }

  /** The item's own index of the option shown at {@code shownIndex}. */
  public int option(int shownIndex) {
    return order.get(shownIndex);
  }

  /** Where the item's option {@code option} is shown. */
  public int shownIndexOf(int option) {
    return order.indexOf(option);
  }

  /** True when the options are shown in the item's own order. */
  public boolean inOwnOrder() {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i) != i) {
        return false;
      }
    }
    return true;
  }
}
