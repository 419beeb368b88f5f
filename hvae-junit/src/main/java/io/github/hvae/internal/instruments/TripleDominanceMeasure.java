package io.github.hvae.internal.instruments;

import io.github.hvae.internal.svo.Allocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Triple-Dominance Measure (Van Lange, Otten, De Bruin and Joireman 1997, "Development of
 * prosocial, individualistic, and competitive orientations", JPSP 73(4)): nine decomposed games of
 * three allocations of points between the respondent and an unknown other. In every item one option
 * is prosocial (the largest joint payoff, split equally), one individualistic (the largest own
 * payoff), one competitive (the largest own-minus-other difference). A respondent with at least 6
 * of 9 choices of one type is classified as that type, otherwise unclassified.
 *
 * <p>Provenance of the table (see {@code docs/instruments/triple-dominance.md}): the article's
 * appendix could not be read here, so the values rest on independent implementations. The 480-point
 * values, item order and option order below agree cell by cell with yuyuxu/auction-war-solo's
 * table (54 of 54 payoffs; item blocks 4–6 and 7–9 swapped there) and with dimaba/svotree's
 * (MIT; 0–100 scale, {@code x/5 − 16}) on 77 of 81 cells; svotree has 550 where this table has 560
 * (item 2 A self, item 4 B self, item 7 B self) and 100 for 120 (item 3 B other). The 480-point
 * values are adopted: they are that scale's own, and they keep the design regular (competitive
 * own − other = 400 in items 1–8). The choice affects no named target. The numbers are facts about a
 * published instrument (© APA for the article), bundled with a citation; the wording shown to models
 * is this project's own. The test table {@code triple-dominance-items.csv} is checked against this
 * class cell by cell.
 */
public final class TripleDominanceMeasure {

  /** The motive an option dominates on. */
  public enum Type {
    PROSOCIAL,
    INDIVIDUALISTIC,
    COMPETITIVE
  }

  /** The category of a respondent no type reaches 6 of 9 choices for. */
  public static final String UNCLASSIFIED = "UNCLASSIFIED";

  /** Choices of one type that classify a respondent: 6 of 9, a strict majority, so one type at most. */
  public static final int CLASSIFIED_AT = 6;

  /** (self, other) of options A, B, C of items 1..9, in points. */
  private static final int[][][] OPTIONS = {
    {{480, 80}, {540, 280}, {480, 480}},
    {{560, 300}, {500, 500}, {500, 100}},
    {{520, 520}, {520, 120}, {580, 320}},
    {{500, 100}, {560, 300}, {490, 490}},
    {{560, 300}, {500, 500}, {490, 90}},
    {{500, 500}, {500, 100}, {570, 300}},
    {{510, 510}, {560, 300}, {510, 110}},
    {{550, 300}, {500, 100}, {500, 500}},
    {{480, 100}, {490, 490}, {540, 300}},
  };

  private static final Type P = Type.PROSOCIAL;
  private static final Type I = Type.INDIVIDUALISTIC;
  private static final Type C = Type.COMPETITIVE;

  /** The type of options A, B, C of items 1..9. */
  private static final Type[][] TYPES = {
    {C, I, P}, {I, P, C}, {P, C, I}, {C, I, P}, {I, P, C}, {P, C, I}, {P, I, C}, {I, C, P}, {C, P, I},
  };

  private static final List<AllocationItem> ITEMS = build();

  private TripleDominanceMeasure() {}

  private static List<AllocationItem> build() {
    List<AllocationItem> items = new ArrayList<>(OPTIONS.length);
    for (int i = 0; i < OPTIONS.length; i++) {
      List<Allocation> options = new ArrayList<>(3);
      for (int[] option : OPTIONS[i]) {
        options.add(new Allocation(option[0], option[1]));
      }
      items.add(new AllocationItem(i + 1, options));
    }
    return List.copyOf(items);
  }

  /** The nine items in the published order. */
  public static List<AllocationItem> items() {
    return ITEMS;
  }

  /** Item {@code number}, 1..9. */
  public static AllocationItem item(int number) {
    if (number < 1 || number > ITEMS.size()) {
      throw new IllegalArgumentException("Triple-Dominance item " + number + " does not exist; use 1..9");
    }
    return ITEMS.get(number - 1);
  }

  /** The type of option {@code option} (0 = A) of item {@code number}. */
  public static Type type(int number, int option) {
    item(number);
    return TYPES[number - 1][option];
  }

  /** Choices per type, every type present. */
  public static Map<Type, Integer> count(Collection<Type> choices) {
    Map<Type, Integer> counts = new EnumMap<>(Type.class);
    for (Type type : Type.values()) {
      counts.put(type, 0);
    }
    choices.forEach(type -> counts.merge(type, 1, Integer::sum));
    return counts;
  }

  /**
   * The type of a respondent: the type of at least two thirds of the choices (6 of 9 for one
   * respondent), empty when no type reaches it.
   */
  public static Optional<Type> classify(Collection<Type> choices) {
    Map<Type, Integer> counts = count(choices);
    for (Map.Entry<Type, Integer> entry : counts.entrySet()) {
      if (3L * entry.getValue() >= 2L * choices.size() && !choices.isEmpty()) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** The category name of a classification: the type's name, or {@link #UNCLASSIFIED}. */
  public static String category(Optional<Type> type) {
    return type.map(Enum::name).orElse(UNCLASSIFIED);
  }
}
