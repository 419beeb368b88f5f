package io.github.hvae.internal.svo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SvoSliderMeasureTest {

  /** The published item table, copied from the project's reference (svo-slider-items.csv). */
  private static List<String[]> referenceRows() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    SvoSliderMeasureTest.class.getResourceAsStream("/svo-slider-items.csv")),
                StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
      return rows;
    }
  }

  @Test
  void everyOneOfThe135OptionsEqualsThePublishedTable() throws IOException {
    List<String[]> rows = referenceRows();
    assertThat(rows).hasSize(135);
    for (String[] row : rows) {
      SliderItem item = SvoSliderMeasure.item(Integer.parseInt(row[0]));
      int option = Integer.parseInt(row[2]) - 1;
      assertThat(item.set().name().toLowerCase()).as("set of item %s", row[0]).isEqualTo(row[1]);
      assertThat(SliderItem.labelOf(option)).isEqualTo(row[3].charAt(0));
      assertThat(item.option(option))
          .as("item %s option %s", row[0], row[3])
          .isEqualTo(new Allocation(Double.parseDouble(row[4]), Double.parseDouble(row[5])));
    }
  }

  @Test
  void hasSixPrimaryAndNineSecondaryItemsOfNineOptions() {
    assertThat(SvoSliderMeasure.items()).hasSize(15);
    assertThat(SvoSliderMeasure.primaryItems()).hasSize(6).allMatch(SliderItem::isPrimary);
    assertThat(SvoSliderMeasure.secondaryItems()).hasSize(9).noneMatch(SliderItem::isPrimary);
    assertThat(SvoSliderMeasure.items()).allMatch(i -> i.options().size() == 9);
  }

  @Test
  void labelsRunFromAToIAndOptionIIsALabelNotAPronoun() {
    assertThat(SliderItem.indexOf('A')).isZero();
    assertThat(SliderItem.indexOf('i')).isEqualTo(8);
    assertThat(SvoSliderMeasure.item(1).option('I')).isEqualTo(new Allocation(85, 15));
  }
}
