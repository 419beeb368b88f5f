package io.github.hvae.internal.svo;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transitivity check on the primary items. Each primary item pits two ideal types against each
 * other (its endpoints); the chosen allocation's Euclidean distance to each endpoint decides the
 * winner (one point, edge winner → loser), a tie gives half a point each and no edge. The answers
 * are transitive iff the four-node preference graph has no cycle.
 *
 * @param points preference points per type
 * @param edges every winner → loser edge
 * @param transitive whether the graph is acyclic
 */
public record Transitivity(
    Map<SvoType, Double> points, List<Preference> edges, boolean transitive) {

  /** One primary item's verdict: {@code winner} was preferred to {@code loser}. */
  public record Preference(int item, SvoType winner, SvoType loser) {}

  /** Which ideal type sits at option A and at option I of each primary item. */
  private static final SvoType[][] ENDPOINT_TYPES = {
    {SvoType.PROSOCIAL, SvoType.COMPETITIVE},
    {SvoType.COMPETITIVE, SvoType.INDIVIDUALISTIC},
    {SvoType.ALTRUISTIC, SvoType.PROSOCIAL},
    {SvoType.ALTRUISTIC, SvoType.COMPETITIVE},
    {SvoType.INDIVIDUALISTIC, SvoType.ALTRUISTIC},
    {SvoType.INDIVIDUALISTIC, SvoType.PROSOCIAL},
  };

  public Transitivity {
    points = Map.copyOf(points);
    edges = List.copyOf(edges);
  }

  static Transitivity of(SvoChoices choices) {
    if (!choices.hasAllPrimary()) {
      throw new IllegalStateException("transitivity needs all six primary items");
    }
    Map<SvoType, Double> points = new EnumMap<>(SvoType.class);
    for (SvoType value : SvoType.values()) {
      points.put(value, 0.0);
    }
    List<Preference> edges = new ArrayList<>();
    for (SliderItem item : SvoSliderMeasure.primaryItems()) {
      Allocation chosen = choices.allocation(item.number()).orElseThrow();
      SvoType atFirst = ENDPOINT_TYPES[item.number() - 1][0];
      SvoType atLast = ENDPOINT_TYPES[item.number() - 1][1];
      double toFirst = chosen.distanceTo(item.first());
      double toLast = chosen.distanceTo(item.last());
      if (toFirst < toLast) {
        points.merge(atFirst, 1.0, Double::sum);
        edges.add(new Preference(item.number(), atFirst, atLast));
      } else if (toLast < toFirst) {
        points.merge(atLast, 1.0, Double::sum);
        edges.add(new Preference(item.number(), atLast, atFirst));
      } else {
        points.merge(atFirst, 0.5, Double::sum);
        points.merge(atLast, 0.5, Double::sum);
      }
    }
    return new Transitivity(points, edges, !hasCycle(edges));
  }

  /** The four types from most to least preferred (by points; ties keep ring order). */
  public List<SvoType> ranking() {
    return EnumSet.allOf(SvoType.class).stream()
        .sorted(Comparator.comparingDouble((SvoType v) -> -points.get(v)))
        .toList();
  }

  private static boolean hasCycle(List<Preference> edges) {
    Map<SvoType, Set<SvoType>> next = new EnumMap<>(SvoType.class);
    for (SvoType value : SvoType.values()) {
      next.put(value, EnumSet.noneOf(SvoType.class));
    }
    edges.forEach(edge -> next.get(edge.winner()).add(edge.loser()));
    // Kahn's algorithm: the graph is acyclic iff every node can be removed in topological order.
    Map<SvoType, Integer> indegree = new EnumMap<>(SvoType.class);
    next.keySet().forEach(v -> indegree.put(v, 0));
    next.values().forEach(targets -> targets.forEach(t -> indegree.merge(t, 1, Integer::sum)));
    List<SvoType> ready = new ArrayList<>();
    indegree.forEach((v, d) -> {
      if (d == 0) {
        ready.add(v);
      }
    });
    int removed = 0;
    while (!ready.isEmpty()) {
      SvoType v = ready.remove(ready.size() - 1);
      removed++;
      for (SvoType t : next.get(v)) {
        if (indegree.merge(t, -1, Integer::sum) == 0) {
          ready.add(t);
        }
      }
    }
    return removed < SvoType.values().length;
  }
}
