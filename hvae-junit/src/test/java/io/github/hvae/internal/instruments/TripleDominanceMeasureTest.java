package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.instruments.TripleDominanceMeasure.Type;
import io.github.hvae.internal.svo.Allocation;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TripleDominanceMeasureTest {

  private static final String TABLE = "/instruments/triple-dominance-items.csv";

  @Test
  void everyOneOfThe162CellsEqualsTheReferenceTable() {
    List<String[]> rows = ItemTables.rows(TABLE, "item,option,label,self,other,type");
    assertThat(rows).hasSize(27);
    for (String[] row : rows) {
      int number = Integer.parseInt(row[0]);
      int option = Integer.parseInt(row[1]) - 1;
      String where = "item " + row[0] + " option " + row[2];
      AllocationItem item = TripleDominanceMeasure.item(number);
      assertThat(item.id()).as(where).isEqualTo(row[0]);
      assertThat(String.valueOf((char) ('A' + option))).as(where).isEqualTo(row[2]);
      assertThat(item.option(option).self()).as(where + " self").isEqualTo(Double.parseDouble(row[3]));
      assertThat(item.option(option).other()).as(where + " other").isEqualTo(Double.parseDouble(row[4]));
      assertThat(TripleDominanceMeasure.type(number, option).name().toLowerCase(Locale.ROOT)).as(where + " type").isEqualTo(row[5]);
    }
    assertThat(TripleDominanceMeasure.items()).hasSize(9).allMatch(i -> i.optionCount() == 3);
  }

  @Test
  void eachItemHasOneOptionDominatingOnEachMotive() {
    for (AllocationItem item : TripleDominanceMeasure.items()) {
      assertThat(uniqueBest(item, a -> a.self() + a.other())).as("joint, item %s", item.id()).contains(Type.PROSOCIAL);
      assertThat(uniqueBest(item, Allocation::self)).as("own, item %s", item.id()).contains(Type.INDIVIDUALISTIC);
      assertThat(uniqueBest(item, a -> a.self() - a.other())).as("own - other, item %s", item.id()).contains(Type.COMPETITIVE);
      int prosocial = List.of(0, 1, 2).stream().filter(o -> TripleDominanceMeasure.type(item.number(), o) == Type.PROSOCIAL).findFirst().orElseThrow();
      assertThat(item.option(prosocial).self()).as("equal split, item %s", item.id()).isEqualTo(item.option(prosocial).other());
    }
  }

  private static Optional<Type> uniqueBest(AllocationItem item, java.util.function.ToDoubleFunction<Allocation> motive) {
    double best = item.options().stream().mapToDouble(motive).max().orElseThrow();
    List<Integer> at = List.of(0, 1, 2).stream().filter(o -> motive.applyAsDouble(item.option(o)) == best).toList();
    return at.size() == 1 ? Optional.of(TripleDominanceMeasure.type(item.number(), at.get(0))) : Optional.empty();
  }

  @Test
  void sixOfNineChoicesOfOneTypeClassifyFiveDoNot() {
    List<Type> six = new java.util.ArrayList<>(Collections.nCopies(6, Type.COMPETITIVE));
    six.addAll(List.of(Type.PROSOCIAL, Type.PROSOCIAL, Type.INDIVIDUALISTIC));
    assertThat(TripleDominanceMeasure.classify(six)).contains(Type.COMPETITIVE);
    List<Type> five = new java.util.ArrayList<>(Collections.nCopies(5, Type.PROSOCIAL));
    five.addAll(Collections.nCopies(4, Type.INDIVIDUALISTIC));
    assertThat(TripleDominanceMeasure.classify(five)).isEmpty();
    assertThat(TripleDominanceMeasure.category(TripleDominanceMeasure.classify(five))).isEqualTo("UNCLASSIFIED");
    assertThat(TripleDominanceMeasure.classify(List.of())).isEmpty();
  }
}
