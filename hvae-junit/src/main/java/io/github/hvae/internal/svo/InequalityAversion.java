package io.github.hvae.internal.svo;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The inequality-aversion index from the secondary items (7..15). For each ideal type, {@code D} is
 * the mean over its defined items of {@code |chosen - ideal| / 8} (options numbered 1..9). When the
 * inequality-averse and joint-gain distances are the two smallest, the index is {@code D_IA / (D_IA
 * + D_JM)}: 0 is purely inequality averse, 1 purely joint-gain maximising; otherwise it is
 * undefined.
 *
 * @param distances {@code D} per type
 * @param index the index, empty when undefined
 */
public record InequalityAversion(Map<Type, Double> distances, OptionalDouble index) {

  /** The four ideal types of the secondary items. */
  public enum Type {
    INEQUALITY_AVERSE,
    JOINT_GAIN,
    INDIVIDUALIST,
    ALTRUIST
  }

  /**
   * Ideal option (1 = A .. 9 = I) per type on items 7..15; 0 where undefined (items 8, 11 and 13
   * have a constant joint sum, so the joint-gain ideal does not exist there).
   */
  private static final int[][] IDEAL = {
    {6, 5, 4, 7, 5, 8, 5, 3, 2},
    {9, 0, 1, 9, 0, 9, 0, 1, 1},
    {1, 9, 1, 1, 9, 9, 9, 1, 9},
    {9, 1, 9, 9, 1, 1, 1, 9, 1},
  };

  public InequalityAversion {
    distances = Map.copyOf(distances);
  }

  static InequalityAversion of(SvoChoices choices) {
    if (!choices.hasAllSecondary()) {
      throw new IllegalStateException(
          "inequality aversion needs all nine secondary items (7..15), have items "
              + choices.optionByItem().keySet());
    }
    Map<Type, Double> distances = new EnumMap<>(Type.class);
    for (Type type : Type.values()) {
      int[] ideal = IDEAL[type.ordinal()];
      double sum = 0;
      int defined = 0;
      for (int i = 0; i < ideal.length; i++) {
        if (ideal[i] == 0) {
          continue;
        }
        int chosen = choices.optionByItem().get(i + 7) + 1;
        sum += Math.abs(chosen - ideal[i]) / 8.0;
        defined++;
      }
      distances.put(type, sum / defined);
    }
    double ia = distances.get(Type.INEQUALITY_AVERSE);
    double jm = distances.get(Type.JOINT_GAIN);
    double others = Math.min(distances.get(Type.INDIVIDUALIST), distances.get(Type.ALTRUIST));
    // "The two smallest": both prosocial distances must be strictly below every other type's.
    boolean defined = Math.max(ia, jm) < others;
    // ia + jm > 0 always: the two types' ideals differ on item 7.
    return new InequalityAversion(
        distances, defined ? OptionalDouble.of(ia / (ia + jm)) : OptionalDouble.empty());
  }
}
