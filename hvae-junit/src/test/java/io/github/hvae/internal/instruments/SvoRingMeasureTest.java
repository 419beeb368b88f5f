package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.internal.svo.Allocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SvoRingMeasureTest {

  private static final String TABLE = "/instruments/svo-ring-items.csv";

  @Test
  void everyOneOfThe288CellsEqualsTheReferenceTable() {
    List<String[]> rows = ItemTables.rows(TABLE, "item,option,label,self,other,angle_deg");
    assertThat(rows).hasSize(48);
    int cells = 0;
    for (String[] row : rows) {
      AllocationItem item = SvoRingMeasure.item(Integer.parseInt(row[0]));
      int option = Integer.parseInt(row[1]) - 1;
      String where = "item " + row[0] + " option " + row[2];
      assertThat(item.number()).as(where).isEqualTo(Integer.parseInt(row[0]));
      assertThat(option).as(where).isBetween(0, 1);
      assertThat(String.valueOf((char) ('A' + option))).as(where).isEqualTo(row[2]);
      assertThat(item.option(option).self()).as(where + " self").isEqualTo(Double.parseDouble(row[3]));
      assertThat(item.option(option).other()).as(where + " other").isEqualTo(Double.parseDouble(row[4]));
      // The nominal angle of the point: its rounded coordinates are within 0.054° of it.
      double nominal = Double.parseDouble(row[5]);
      double actual = Math.toDegrees(Math.atan2(item.option(option).other(), item.option(option).self()));
      assertThat(SvoRingMeasure.distance(actual, nominal)).as(where + " angle").isLessThan(0.055);
      assertThat(nominal).as(where + " angle").isEqualTo(((item.number() - 1 + option) % 24) * 15.0);
      cells += 6;
    }
    assertThat(cells).isEqualTo(288);
  }

  @Test
  void the24ItemsAreThe24PairsOfNeighbouringPointsEachPointOfferedTwice() {
    Set<Allocation> points = new HashSet<>();
    List<Allocation> offered = new ArrayList<>();
    for (AllocationItem item : SvoRingMeasure.items()) {
      assertThat(item.optionCount()).isEqualTo(2);
      assertThat(item.option(0)).isEqualTo(SvoRingMeasure.point(item.number() - 1));
      assertThat(item.option(1)).isEqualTo(SvoRingMeasure.point(item.number() % 24));
      offered.addAll(item.options());
      points.addAll(item.options());
    }
    assertThat(points).hasSize(24);
    assertThat(offered).hasSize(48);
    points.forEach(p -> assertThat(offered.stream().filter(p::equals)).hasSize(2));
  }

  @Test
  void amountsAreSignedAndZeroHasNoSign() {
    assertThat(SvoRingMeasure.point(8)).isEqualTo(new Allocation(-7.5, 13.0)); // 120°
    assertThat(SvoRingMeasure.point(18)).isEqualTo(new Allocation(0.0, -15.0)); // 270°
    assertThat(Double.doubleToRawLongBits(SvoRingMeasure.point(6).self())).isEqualTo(0L); // +0.0, not -0.0
    assertThat(SvoRingInstrument.signed(14.5)).isEqualTo("+14.5");
    assertThat(SvoRingInstrument.signed(-3.9)).isEqualTo("-3.9");
    assertThat(SvoRingInstrument.signed(0.0)).isEqualTo("0.0");
  }

  @Test
  void alwaysAAndAlwaysBSumToTheZeroVectorWhichHasNoAngle() {
    List<Allocation> alwaysA = SvoRingMeasure.items().stream().map(i -> i.option(0)).toList();
    List<Allocation> alwaysB = SvoRingMeasure.items().stream().map(i -> i.option(1)).toList();
    assertThat(SvoRingMeasure.angleOf(alwaysA)).isEmpty();
    assertThat(SvoRingMeasure.angleOf(alwaysB)).isEmpty();
  }

  @Test
  void anglesAreOnTheFullCircleWithMinus180ReadAs180() {
    assertThat(SvoRingMeasure.angleOf(List.of(new Allocation(-15, 0))).getAsDouble()).isEqualTo(180.0);
    assertThat(SvoRingMeasure.angleOf(List.of(new Allocation(-10.6, -10.6))).getAsDouble()).isCloseTo(-135.0, within(1e-9));
    assertThat(SvoRingMeasure.normalise(-180)).isEqualTo(180);
    assertThat(SvoRingMeasure.normalise(190)).isEqualTo(-170);
    assertThat(SvoRingMeasure.normalise(-540)).isEqualTo(180);
    assertThat(SvoRingMeasure.distance(175, -175)).isCloseTo(10, within(1e-9));
    assertThat(SvoRingMeasure.unwrap(-175, 180)).isCloseTo(185, within(1e-9));
  }

  @Test
  void eightSectorsOf45DegreesUpperInclusiveNamedAsTheSliderNamesTheCommonFour() {
    assertThat(RingCategory.of(0)).isEqualTo(RingCategory.INDIVIDUALISTIC);
    assertThat(RingCategory.of(22.5)).isEqualTo(RingCategory.INDIVIDUALISTIC);
    assertThat(RingCategory.of(22.5001)).isEqualTo(RingCategory.PROSOCIAL);
    assertThat(RingCategory.of(67.5)).isEqualTo(RingCategory.PROSOCIAL);
    assertThat(RingCategory.of(90)).isEqualTo(RingCategory.ALTRUISTIC);
    assertThat(RingCategory.of(135)).isEqualTo(RingCategory.MARTYR);
    assertThat(RingCategory.of(157.5)).isEqualTo(RingCategory.MARTYR);
    assertThat(RingCategory.of(170)).isEqualTo(RingCategory.MASOCHISTIC);
    assertThat(RingCategory.of(180)).isEqualTo(RingCategory.MASOCHISTIC);
    assertThat(RingCategory.of(-170)).isEqualTo(RingCategory.MASOCHISTIC);
    assertThat(RingCategory.of(-157.5)).isEqualTo(RingCategory.MASOCHISTIC);
    assertThat(RingCategory.of(-157.4)).isEqualTo(RingCategory.SADOMASOCHISTIC);
    assertThat(RingCategory.of(-90)).isEqualTo(RingCategory.AGGRESSIVE);
    assertThat(RingCategory.of(-67.5)).isEqualTo(RingCategory.AGGRESSIVE);
    assertThat(RingCategory.of(-45)).isEqualTo(RingCategory.COMPETITIVE);
    assertThat(RingCategory.of(-22.5)).isEqualTo(RingCategory.COMPETITIVE);
    assertThat(RingCategory.of(190)).isEqualTo(RingCategory.MASOCHISTIC);
    for (String common : List.of("ALTRUISTIC", "PROSOCIAL", "INDIVIDUALISTIC", "COMPETITIVE")) {
      assertThat(io.github.hvae.svo.SocialValue.valueOf(common).ringAngle())
          .as(common).isEqualTo(RingCategory.valueOf(common).centre());
    }
  }
}
