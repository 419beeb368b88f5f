package io.github.hvae.internal.svo;

import io.github.hvae.svo.SocialValue;

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
    Map<SocialValue, Double> points, List<Preference> edges, boolean transitive) {

  /** One primary item's verdict: {@code winner} was preferred to {@code loser}. */
  public record Preference(int item, SocialValue winner, SocialValue loser) {}

  /** Which ideal type sits at option A and at option I of each primary item. */
  private static final SocialValue[][] ENDPOINT_TYPES = {
    {SocialValue.PROSOCIAL, SocialValue.COMPETITIVE},
    {SocialValue.COMPETITIVE, SocialValue.INDIVIDUALISTIC},
    {SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL},
    {SocialValue.ALTRUISTIC, SocialValue.COMPETITIVE},
    {SocialValue.INDIVIDUALISTIC, SocialValue.ALTRUISTIC},
    {SocialValue.INDIVIDUALISTIC, SocialValue.PROSOCIAL},
  };

  public Transitivity {
    points = Map.copyOf(points);
    edges = List.copyOf(edges);
  }

  static Transitivity of(SvoChoices choices) {
    if (!choices.hasAllPrimary()) {
      throw new IllegalStateException("transitivity needs all six primary items");
    }
    Map<SocialValue, Double> points = new EnumMap<>(SocialValue.class);
    for (SocialValue value : SocialValue.values()) {
      points.put(value, 0.0);
    }
    List<Preference> edges = new ArrayList<>();
    for (SliderItem item : SvoSliderMeasure.primaryItems()) {
      Allocation chosen = choices.allocation(item.number()).orElseThrow();
      SocialValue atFirst = ENDPOINT_TYPES[item.number() - 1][0];
      SocialValue atLast = ENDPOINT_TYPES[item.number() - 1][1];
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
  public List<SocialValue> ranking() {
    return EnumSet.allOf(SocialValue.class).stream()
        .sorted(Comparator.comparingDouble((SocialValue v) -> -points.get(v)))
        .toList();
  }

  private static boolean hasCycle(List<Preference> edges) {
    Map<SocialValue, Set<SocialValue>> next = new EnumMap<>(SocialValue.class);
    for (SocialValue value : SocialValue.values()) {
      next.put(value, EnumSet.noneOf(SocialValue.class));
    }
    edges.forEach(edge -> next.get(edge.winner()).add(edge.loser()));
    // Kahn's algorithm: the graph is acyclic iff every node can be removed in topological order.
    Map<SocialValue, Integer> indegree = new EnumMap<>(SocialValue.class);
    next.keySet().forEach(v -> indegree.put(v, 0));
    next.values().forEach(targets -> targets.forEach(t -> indegree.merge(t, 1, Integer::sum)));
    List<SocialValue> ready = new ArrayList<>();
    indegree.forEach((v, d) -> {
      if (d == 0) {
        ready.add(v);
      }
    });
    int removed = 0;
    while (!ready.isEmpty()) {
      SocialValue v = ready.remove(ready.size() - 1);
      removed++;
      for (SocialValue t : next.get(v)) {
        if (indegree.merge(t, -1, Integer::sum) == 0) {
          ready.add(t);
        }
      }
    }
    return removed < SocialValue.values().length;
  }
}
