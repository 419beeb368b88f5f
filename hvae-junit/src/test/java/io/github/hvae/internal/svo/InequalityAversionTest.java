package io.github.hvae.internal.svo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InequalityAversionTest {

  /** Primary answers (any) plus secondary answers given as options 1..9 for items 7..15. */
  private static SvoChoices withSecondary(int... options) {
    Map<Integer, Integer> map = new TreeMap<>(SvoChoices.fromLabels("AIIAAI").optionByItem());
    for (int i = 0; i < options.length; i++) {
      map.put(7 + i, options[i] - 1);
    }
    return new SvoChoices(map);
  }

  @Test
  void thePureInequalityAversePatternScoresZero() {
    InequalityAversion ia = withSecondary(6, 5, 4, 7, 5, 8, 5, 3, 2).inequalityAversion();
    assertThat(ia.index()).hasValue(0.0);
  }

  @Test
  void thePureJointGainPatternScoresOne() {
    // Joint-gain ideals; on items 8, 11 and 13, where that ideal is undefined, the middle option.
    InequalityAversion ia = withSecondary(9, 5, 1, 9, 5, 9, 5, 1, 1).inequalityAversion();
    assertThat(ia.distances().get(InequalityAversion.Type.JOINT_GAIN)).isZero();
    assertThat(ia.index().orElseThrow()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void anIndividualistHasNoIndex() {
    InequalityAversion ia = withSecondary(1, 9, 1, 1, 9, 9, 9, 1, 9).inequalityAversion();
    assertThat(ia.distances().get(InequalityAversion.Type.INDIVIDUALIST)).isZero();
    assertThat(ia.index()).isEmpty();
  }

  @Test
  void needsAllNineSecondaryItems() {
    assertThatThrownBy(() -> SvoChoices.fromLabels("AIIAAI").inequalityAversion())
        .hasMessageContaining("nine secondary items");
  }
}
