package io.github.hvae.internal.svo;

import io.github.hvae.svo.SocialValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvoAngleTest {

  /** Always the option that maximises self minus other, and always the one that maximises other. */
  @Test
  void reachableRangeRunsFromMinus16_26To61_39() {
    double competitive = maximising(a -> a.self() - a.other());
    double altruistic = maximising(Allocation::other);
    assertThat(competitive).isCloseTo(-16.26, within(0.005));
    assertThat(altruistic).isCloseTo(61.39, within(0.005));
    assertThat(altruistic - competitive).isCloseTo(SvoAngle.REACHABLE_WIDTH, within(0.01));
  }

  private static double maximising(java.util.function.ToDoubleFunction<Allocation> f) {
    List<Allocation> chosen =
        SvoSliderMeasure.primaryItems().stream()
            .map(
                item ->
                    item.options().stream()
                        .max(java.util.Comparator.comparingDouble(f))
                        .orElseThrow())
            .toList();
    return SvoAngle.of(chosen);
  }

  @Test
  void angleIsAtan2OfMeanPayoffsAroundFifty() {
    assertThat(SvoAngle.ofMeans(80, 80)).isCloseTo(45.0, within(1e-12));
    assertThat(SvoAngle.ofMeans(100, 50)).isCloseTo(0.0, within(1e-12));
    assertThat(SvoChoices.fromLabels("AIIIIA").angle())
        .isCloseTo(SvoAngle.ofMeans((85 + 100 + 85 + 85 + 50 + 100) / 6.0, (85 + 50 + 85 + 15 + 100 + 50) / 6.0), within(1e-12));
  }

  @Test
  void angleNeedsSixPrimaryChoices() {
    assertThatThrownBy(() -> SvoAngle.of(List.of(new Allocation(85, 85))))
        .hasMessageContaining("6 primary items");
  }

  @ParameterizedTest(name = "{0}° is {1}")
  @CsvSource({
    "57.16, ALTRUISTIC",
    "57.15, PROSOCIAL",
    "57.14, PROSOCIAL",
    "22.46, PROSOCIAL",
    "22.45, INDIVIDUALISTIC",
    "22.44, INDIVIDUALISTIC",
    "-12.03, INDIVIDUALISTIC",
    "-12.04, COMPETITIVE",
    "-12.05, COMPETITIVE",
    "61.39, ALTRUISTIC",
    "-16.26, COMPETITIVE",
  })
  void categoriesAreUpperInclusive(double angle, SocialValue expected) {
    assertThat(SocialValue.categoryOf(angle)).isEqualTo(expected);
  }
}
