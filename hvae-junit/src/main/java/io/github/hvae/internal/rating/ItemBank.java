package io.github.hvae.internal.rating;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rating-scale instrument as an item bank file ({@code hvae-item-bank/1}, see {@code
 * docs/instruments/item-bank-format.md}) describes it: statements rated on one scale, each keyed
 * to a dimension, forward or reverse.
 *
 * @param id the instrument's id
 * @param name its name for people
 * @param source where the items come from and on what terms they are used
 * @param instructions shown before the items, verbatim
 * @param scale the response scale of every item
 * @param dimensions the dimensions scored, in report order
 * @param items the items in the order administered
 * @param origin where the bank was read from (a resource path, or the path given with {@code file:})
 */
public record ItemBank(
    String id,
    String name,
    Source source,
    String instructions,
    Scale scale,
    List<Dimension> dimensions,
    List<RatingItem> items,
    String origin) {

  public ItemBank {
    dimensions = List.copyOf(dimensions);
    items = List.copyOf(items);
  }

  /**
   * @param citation the reference(s) for the items and their keys
   * @param url where the items were taken from
   * @param licence the terms of use
   */
  public record Source(String citation, Optional<String> url, String licence) {}

  /**
   * @param id the id items and profile targets use
   * @param name the name for people
   * @param angle the position on a circumplex, in degrees, when the bank has one
   */
  public record Dimension(String id, String name, OptionalDouble angle) {}

  /** The dimension with {@code id}. */
  public Optional<Dimension> dimension(String id) {
    return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** True when every dimension lies on a circle, so a profile may be a direction. */
  public boolean circumplex() {
    return dimensions.stream().allMatch(d -> d.angle().isPresent());
  }

  /** The items keyed to each dimension, dimensions in report order. */
  public Map<String, List<RatingItem>> itemsByDimension() {
    Map<String, List<RatingItem>> byDimension =
        items.stream().collect(Collectors.groupingBy(RatingItem::dimension, java.util.LinkedHashMap::new, Collectors.toList()));
    return dimensions.stream()
        .collect(Collectors.toMap(Dimension::id, d -> byDimension.getOrDefault(d.id(), List.of()), (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  /** Items by id. */
  public Map<String, RatingItem> itemsById() {
    return items.stream().collect(Collectors.toMap(RatingItem::id, Function.identity()));
  }
}
