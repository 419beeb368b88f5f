package io.github.hvae.internal.svo;

import static io.github.hvae.internal.svo.SvoType.ALTRUISTIC;
import static io.github.hvae.internal.svo.SvoType.COMPETITIVE;
import static io.github.hvae.internal.svo.SvoType.INDIVIDUALISTIC;
import static io.github.hvae.internal.svo.SvoType.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitivityTest {

  @Test
  void aConsistentProsocialIsTransitiveAndRanksProsocialFirst() {
    // 1: A (prosocial over competitive); 2: I (individualistic over competitive);
    // 3: I (prosocial over altruistic); 4: A (altruistic over competitive);
    // 5: A (individualistic over altruistic); 6: I (prosocial over individualistic).
    Transitivity t = SvoChoices.fromLabels("AIIAAI").transitivity();
    assertThat(t.transitive()).isTrue();
    assertThat(t.points()).containsEntry(PROSOCIAL, 3.0).containsEntry(INDIVIDUALISTIC, 2.0);
    assertThat(t.ranking()).containsExactly(PROSOCIAL, INDIVIDUALISTIC, ALTRUISTIC, COMPETITIVE);
    assertThat(t.edges()).hasSize(6);
  }

  @Test
  void aPreferenceCycleIsIntransitive() {
    // prosocial > altruistic (3: I), altruistic > individualistic (5: I),
    // individualistic > prosocial (6: A): a cycle.
    Transitivity t = SvoChoices.fromLabels("AIIAIA").transitivity();
    assertThat(t.transitive()).isFalse();
  }

  @Test
  void theMidpointIsATieThatGivesHalfAPointEachAndNoEdge() {
    // Option E of item 1 is (85, 50): equally far from (85, 85) and (85, 15).
    Transitivity t = SvoChoices.fromLabels("EIIAAI").transitivity();
    assertThat(t.edges()).hasSize(5).noneMatch(e -> e.item() == 1);
    assertThat(t.points()).containsEntry(COMPETITIVE, 0.5);
    assertThat(t.transitive()).isTrue();
  }
}
