package io.github.hvae.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

  private static List<String> categories(int prosocial, int competitive, int individualistic) {
    List<String> c = new ArrayList<>();
    c.addAll(Collections.nCopies(prosocial, "PROSOCIAL"));
    c.addAll(Collections.nCopies(competitive, "COMPETITIVE"));
    c.addAll(Collections.nCopies(individualistic, "INDIVIDUALISTIC"));
    Collections.shuffle(c, new java.util.Random(1));
    return c;
  }

  @Test
  void samplesAreCountedByCategoryMostFrequentFirst() {
    Consistency c = Consistency.count("PROSOCIAL", categories(7, 2, 1));
    assertThat(c.categories()).containsExactly(
        java.util.Map.entry("PROSOCIAL", 7),
        java.util.Map.entry("COMPETITIVE", 2),
        java.util.Map.entry("INDIVIDUALISTIC", 1));
    assertThat(c.inTargetCategory()).isEqualTo(7);
    assertThat(c.total()).isEqualTo(10);
    assertThat(c.shareInTarget()).isCloseTo(0.7, within(1e-12));
    assertThat(c.leavesTarget()).isTrue();
    assertThat(c.others()).containsOnlyKeys("COMPETITIVE", "INDIVIDUALISTIC");
    assertThat(c.describeOthers()).isEqualTo("2 of 10 samples COMPETITIVE, 1 INDIVIDUALISTIC");
    assertThat(Consistency.count("PROSOCIAL", categories(8, 2, 0)).describeOthers())
        .isEqualTo("2 of 10 samples COMPETITIVE");
  }

  @Test
  void samplesThatStayInTheTargetCategorySayNothing() {
    Consistency c = Consistency.count("PROSOCIAL", categories(10, 0, 0));
    assertThat(c.leavesTarget()).isFalse();
    assertThat(c.describeOthers()).isEmpty();
    Consistency none = Consistency.count("PROSOCIAL", List.of());
    assertThat(none.inTargetCategory()).isZero();
    assertThat(none.shareInTarget()).isZero();
    // a target category no sample reached is not listed
    assertThat(Consistency.count("ALTRUISTIC", categories(3, 0, 0)).categories())
        .containsOnlyKeys("PROSOCIAL");
  }

  @Test
  void theGateNeedsTheShareOfTheCompleteSamples() {
    ConsistencyGate gate = new ConsistencyGate(0.9, 10);
    assertThat(gate.required(10)).isEqualTo(9);
    assertThat(gate.required(5)).isEqualTo(5);
    assertThat(gate.required(30)).isEqualTo(27);
    assertThat(gate.isMet(Consistency.count("PROSOCIAL", categories(9, 1, 0)))).isTrue();
    assertThat(gate.isMet(Consistency.count("PROSOCIAL", categories(8, 2, 0)))).isFalse();
    assertThat(gate.isMet(Consistency.count("PROSOCIAL", List.of()))).isFalse();
    assertThat(gate.allowsPass(5, Consistency.count("PROSOCIAL", categories(5, 0, 0)))).isFalse();
    assertThat(gate.allowsPass(10, Consistency.count("PROSOCIAL", categories(10, 0, 0)))).isTrue();
    assertThat(gate.shortfall(Consistency.count("PROSOCIAL", categories(8, 2, 0))))
        .contains("8 of 10", "PROSOCIAL", "0.90", "2 of 10 samples COMPETITIVE");
    assertThatThrownBy(() -> new ConsistencyGate(0, 10)).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> new ConsistencyGate(0.9, 0)).hasMessageContaining("at least 1");
  }

  @Test
  void itsOperatingCharacteristicIsTheBinomialTail() {
    ConsistencyGate gate = new ConsistencyGate(0.9, 10);
    // P(at most 1 of 10 leaves) = 0.9^10 + 10 · 0.1 · 0.9^9
    assertThat(gate.passProbability(10, 0.1))
        .isCloseTo(Math.pow(0.9, 10) + 10 * 0.1 * Math.pow(0.9, 9), within(1e-12));
    assertThat(new ConsistencyGate(1.0, 10).passProbability(10, 0.2))
        .isCloseTo(Math.pow(0.8, 10), within(1e-12));
    assertThat(gate.passProbability(10, 0.0)).isEqualTo(1.0);
    // by simulation, for a rate the closed form is not written out for
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    int met = 0;
    int runs = 100_000;
    ConsistencyGate m8 = new ConsistencyGate(0.8, 10);
    for (int r = 0; r < runs; r++) {
      int in = 0;
      for (int i = 0; i < 10; i++) {
        in += random.nextDouble() < 0.75 ? 1 : 0;
      }
      met += in >= m8.required(10) ? 1 : 0;
    }
    assertThat(met / (double) runs).isCloseTo(m8.passProbability(10, 0.25), within(0.005));
  }

  /** A scale for these tests: value rationality 1 in the target's category, 0.95 elsewhere. */
  private static List<Optional<Observation>> samples(List<String> categories) {
    return categories.stream()
        .map(c -> Optional.of(new Observation(45.0, c.equals("PROSOCIAL") ? 1.0 : 0.95, c)))
        .toList();
  }

  private static SequentialTest test(SequentialDesign design, Optional<ConsistencyGate> gate) {
    SequentialTest.Rule rule =
        SequentialTest.Rule.of(0.85, 0.95).withDefinition(RationalityDefinition.PER_SAMPLE);
    return new SequentialTest(
        design,
        PointScale.svo(45.0),
        gate.map(rule::withGate).orElse(rule),
        Optional.of("PROSOCIAL"));
  }

  @Test
  void underSequentialSamplingTheGateHoldsAPassUntilTheRequestedSamples() {
    SequentialDesign design = SequentialDesign.forSamples(10);
    List<Optional<Observation>> all = samples(Collections.nCopies(30, "PROSOCIAL"));
    SequentialTest.Source source = batch -> all.subList(batch.from(), batch.to());
    SequentialTest.Result ungated = test(design, Optional.empty()).run(source);
    SequentialTest.Result gated = test(design, Optional.of(new ConsistencyGate(0.9, 10))).run(source);
    assertThat(ungated.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(ungated.samplesRun()).isEqualTo(5);
    assertThat(gated.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(gated.samplesRun()).isEqualTo(10);
    assertThat(gated.consistency().orElseThrow().inTargetCategory()).isEqualTo(10);
  }

  @Test
  void aShareBelowTheMinimumDrawsMoreAndFailsAtTheCapAsInconsistent() {
    SequentialDesign design = SequentialDesign.forSamples(10);
    // one sample in four leaves the category; value rationality stays high
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      categories.add(i % 4 == 3 ? "COMPETITIVE" : "PROSOCIAL");
    }
    List<Optional<Observation>> all = samples(categories);
    SequentialTest.Result gated =
        test(design, Optional.of(new ConsistencyGate(0.9, 10)))
            .run(batch -> all.subList(batch.from(), batch.to()));
    assertThat(gated.outcome()).isEqualTo(SequentialTest.Outcome.INCONSISTENT);
    assertThat(gated.samplesRun()).isEqualTo(30);
    assertThat(gated.consistency().orElseThrow().describeOthers())
        .isEqualTo("7 of 30 samples COMPETITIVE");
    // the fixed design decides on its 10: 8 of 10 in the category, below 0.9
    SequentialTest.Result fixed =
        test(SequentialDesign.fixed(10), Optional.of(new ConsistencyGate(0.9, 10)))
            .run(batch -> all.subList(batch.from(), batch.to()));
    assertThat(fixed.outcome()).isEqualTo(SequentialTest.Outcome.INCONSISTENT);
    // a failure on value rationality is not held back by the gate
    List<Optional<Observation>> bad =
        Collections.nCopies(30, Optional.of(new Observation(0.0, 0.2, "INDIVIDUALISTIC")));
    SequentialTest.Result failed =
        test(design, Optional.of(new ConsistencyGate(0.9, 10)))
            .run(batch -> bad.subList(batch.from(), batch.to()));
    assertThat(failed.outcome()).isEqualTo(SequentialTest.Outcome.FAILED);
    assertThat(failed.samplesRun()).isEqualTo(5);
  }

  @Test
  void aGateNeedsTheTargetsCategory() {
    assertThatThrownBy(
            () ->
                new SequentialTest(
                    SequentialDesign.fixed(10),
                    PointScale.svo(45.0),
                    SequentialTest.Rule.of(0.85, 0.95).withGate(new ConsistencyGate(0.9, 10)),
                    Optional.empty()))
        .hasMessageContaining("category");
  }
}
