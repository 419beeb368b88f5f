package io.github.hvae.internal.stats;

import io.github.hvae.internal.instruments.RationalityScore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The boundary at each look of the default design (looks 5, 10, ..., 30 for 10 samples): samples
 * whose mean sits just inside the threshold's band by the look's half-width pass, just outside they
 * do not; the half-width is Student's t at the look's level times the spread (or the look's floor:
 * 5.25° at the first look, 6° at the later ones, 4° at the cap) over √n, for samples without
 * skewness.
 */
class SequentialBoundaryTest {

  private static final double CONFIDENCE = 0.95;
  private static final double THRESHOLD = 0.85;
  private static final double IDEAL = 45.0;
  private static final SequentialDesign DESIGN = SequentialDesign.forSamples(10);
  private static final PointScale SCALE = PointScale.svo(IDEAL);
  /** The band's lower edge: the angle whose value rationality is the threshold. */
  private static final double EDGE = IDEAL - RationalityScore.maxErrorFor(THRESHOLD);

  private static final SequentialTest TEST =
      new SequentialTest(
          DESIGN, SCALE, SequentialTest.Rule.of(THRESHOLD, CONFIDENCE), Optional.empty());

  @Test
  void theLevelsSpendHalfTheErrorAtTheFirstLookAndTheRestEvenly() {
    assertThat(DESIGN.looks()).containsExactly(5, 10, 15, 20, 25, 30);
    assertThat(DESIGN.lookConfidence(0, CONFIDENCE)).isCloseTo(0.975, within(1e-12));
    double later = DESIGN.lookConfidence(1, CONFIDENCE);
    for (int k = 1; k < 6; k++) {
      assertThat(DESIGN.lookConfidence(k, CONFIDENCE)).isEqualTo(later);
    }
    // stricter than the fixed design's 95% and than the first look, laxer than Bonferroni's split
    assertThat(later).isBetween(0.989, 0.990);
    SequentialDesign fixed = SequentialDesign.fixed(10);
    assertThat(fixed.looks()).containsExactly(10);
    assertThat(fixed.lookConfidence(0, CONFIDENCE)).isEqualTo(CONFIDENCE);
  }

  /** Samples of size n with mean {@code mean} and sample SD exactly {@code sd}. */
  private static List<Optional<Observation>> samples(int n, double mean, double sd) {
    // n - 1 values at mean ± d alternating (and the mean itself when n is even... see below)
    List<Double> values = new ArrayList<>();
    int pairs = n / 2;
    for (int i = 0; i < pairs; i++) {
      values.add(1.0);
      values.add(-1.0);
    }
    if (n % 2 == 1) {
      values.add(0.0);
    }
    double ss = 2.0 * pairs; // sum of squares of the unit pattern, whose mean is 0
    double scale = sd / Math.sqrt(ss / (n - 1));
    List<Optional<Observation>> out = new ArrayList<>();
    for (double v : values) {
      out.add(Optional.of(SCALE.observe(mean + v * scale)));
    }
    return out;
  }

  private static double halfWidth(int look, double sd) {
    int n = DESIGN.looks().get(look);
    double level = DESIGN.lookConfidence(look, CONFIDENCE);
    return StudentT.quantile(1.0 - (1.0 - level) / 2.0, n - 1) * sd / Math.sqrt(n);
  }

  @ParameterizedTest(name = "look {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void aSpreadAboveTheFloorPassesExactlyWhenTheLowerBoundClearsTheEdge(int look) {
    int n = DESIGN.looks().get(look);
    // above every floor, and narrow enough that the interval fits the band at the first look
    double sd = 6.0;
    double half = halfWidth(look, sd);
    boolean last = look == DESIGN.looks().size() - 1;
    SequentialTest.Look inside = TEST.look(samples(n, EDGE + half + 1e-6, sd), look);
    SequentialTest.Look outside = TEST.look(samples(n, EDGE + half - 1e-6, sd), look);
    assertThat(inside.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(outside.outcome())
        .isEqualTo(last ? SequentialTest.Outcome.INCONCLUSIVE : SequentialTest.Outcome.CONTINUE);
    assertThat(inside.level()).isEqualTo(DESIGN.lookConfidence(look, CONFIDENCE));
    assertThat(inside.angle().orElseThrow().low()).isCloseTo(EDGE, within(1e-5));
    // and the mirror image: the whole interval below the edge fails
    SequentialTest.Look below = TEST.look(samples(n, EDGE - half - 1e-6, sd), look);
    SequentialTest.Look touching = TEST.look(samples(n, EDGE - half + 1e-6, sd), look);
    assertThat(below.outcome()).isEqualTo(SequentialTest.Outcome.FAILED);
    assertThat(touching.outcome()).isNotEqualTo(SequentialTest.Outcome.FAILED);
  }

  @ParameterizedTest(name = "look {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void samplesThatAgreeGetTheLooksFloor(int look) {
    int n = DESIGN.looks().get(look);
    double floor = LookRule.of(DESIGN, SCALE, look).positionFloor();
    assertThat(floor).isEqualTo(new double[] {5.25, 6, 6, 6, 6, 4}[look]);
    double half = halfWidth(look, floor);
    SequentialTest.Look inside = TEST.look(samples(n, EDGE + half + 1e-6, 0.0), look);
    SequentialTest.Look outside = TEST.look(samples(n, EDGE + half - 1e-6, 0.0), look);
    assertThat(inside.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(outside.outcome()).isNotEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(inside.angle().orElseThrow().width()).isCloseTo(2 * half, within(1e-6));
  }

  @Test
  void theFirstLooksFloorKeepsFiveCoincidingSamplesOfTheLumpiestRespondentFromDeciding() {
    // A best-option respondent at 0° takes ±7.82° at random; five samples on +7.82° are one
    // evaluation in 32. Judged where its true mean (0°) is the band's edge, they must not pass.
    double spread = 7.8153;
    PointScale scale = PointScale.svo(RationalityScore.maxErrorFor(THRESHOLD));
    double edge = scale.ideal() - RationalityScore.maxErrorFor(THRESHOLD);
    assertThat(edge).isCloseTo(0.0, within(1e-9));
    SequentialTest test =
        new SequentialTest(
            DESIGN, scale, SequentialTest.Rule.of(THRESHOLD, CONFIDENCE), Optional.empty());
    List<Optional<Observation>> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(Optional.of(scale.observe(spread)));
    }
    assertThat(test.look(five, 0).outcome()).isEqualTo(SequentialTest.Outcome.CONTINUE);
    assertThat(halfWidth(0, scale.interimResolution())).isGreaterThan(spread);
  }

  @Test
  void perSampleValuesAreJudgedByTheirOwnTInterval() {
    // Per-sample values 0.95 and 0.75 alternating (mean 0.85 at n = 10, SD 0.105, above the
    // interim floor 5.25° / 77.65° = 0.068): the interval is the t interval of those values at the
    // look's level, clipped to [0, 1].
    List<Optional<Observation>> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      samples.add(Optional.of(new Observation(45.0, i % 2 == 0 ? 0.95 : 0.75, "X")));
    }
    double sd = Math.sqrt(10 * 0.1 * 0.1 / 9);
    double half = halfWidth(1, sd);
    SequentialTest.Look look = perSample(0.85 - half).look(samples, 1);
    assertThat(look.valueRationality().orElseThrow().mean()).isCloseTo(0.85, within(1e-12));
    assertThat(look.valueRationality().orElseThrow().low()).isCloseTo(0.85 - half, within(1e-9));
    assertThat(look.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(perSample(0.85 - half + 1e-6).look(samples, 1).outcome())
        .isEqualTo(SequentialTest.Outcome.CONTINUE);
    // the angles all sit on the ideal, which the per-sample definition does not look at
    assertThat(look.angle().orElseThrow().mean()).isEqualTo(45.0);
  }

  @Test
  void perSampleValuesThatAgreeGetTheRationalityFloor() {
    List<Optional<Observation>> samples = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      samples.add(Optional.of(new Observation(45.0, 0.9, "X")));
    }
    SequentialTest.Look last = perSample(0.5).look(samples, 5);
    SequentialTest.Look interim = perSample(0.5).look(samples.subList(0, 25), 4);
    assertThat(last.valueRationality().orElseThrow().width())
        .isCloseTo(2 * halfWidth(5, SCALE.capRationalityResolution()), within(1e-9));
    assertThat(SCALE.capRationalityResolution()).isEqualTo(4.0 / 77.65);
    assertThat(interim.valueRationality().orElseThrow().width())
        .isCloseTo(2 * halfWidth(4, SCALE.laterRationalityResolution()), within(1e-9));
    assertThat(SCALE.laterRationalityResolution()).isEqualTo(6.0 / 77.65);
  }

  @Test
  void theFixedDesignKeepsTheResolutionAndStudentsT() {
    SequentialDesign fixed = SequentialDesign.fixed(10);
    assertThat(LookRule.of(fixed, SCALE, 0)).isEqualTo(new LookRule(1.0, 1.0 / 77.65, false));
    assertThat(LookRule.of(DESIGN, SCALE, 0).skewAware()).isFalse();
    for (int look = 1; look < 6; look++) {
      assertThat(LookRule.of(DESIGN, SCALE, look).skewAware()).isTrue();
    }
  }

  @Test
  void aLongLowerTailLowersTheBoundAfterTheFirstLookOnly() {
    // 9 samples of a respondent that repeats itself with a little noise, one stray 25° below:
    // the lower tail is long, so from the second look on the lower bound drops by the skewness
    // term and the upper bound stays Student's t.
    double[] pattern = {0, 1, -1, 2, -2, 0.5, -0.5, 1.5, -1.5, -25};
    for (int look : new int[] {0, 1}) {
      int n = DESIGN.looks().get(look);
      List<Optional<Observation>> samples = new ArrayList<>();
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = 40.0 + pattern[i % pattern.length] * (n == 5 ? 3 : 1);
        samples.add(Optional.of(SCALE.observe(values[i])));
      }
      double mean = java.util.Arrays.stream(values).average().orElseThrow();
      double ss = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
      double m3 = java.util.Arrays.stream(values).map(v -> Math.pow(v - mean, 3)).sum() / n;
      double sd = Math.max(Math.sqrt(ss / (n - 1)), LookRule.of(DESIGN, SCALE, look).positionFloor());
      double half = halfWidth(look, sd);
      double level = DESIGN.lookConfidence(look, CONFIDENCE);
      double z = Normal.quantile(1.0 - (1.0 - level) / 2.0);
      double shift = look == 0 ? 0.0 : -m3 / (ss / (n - 1)) * (2 * z * z + 1) / (6.0 * n);
      SequentialTest.Look result = TEST.look(samples, look);
      assertThat(result.angle().orElseThrow().high()).isCloseTo(mean + half, within(1e-9));
      assertThat(result.angle().orElseThrow().low()).isCloseTo(mean - half - shift, within(1e-9));
      if (look == 1) {
        assertThat(m3).isNegative();
        assertThat(shift).isGreaterThan(0.5);
      }
    }
  }

  private static SequentialTest perSample(double threshold) {
    return new SequentialTest(
        DESIGN,
        SCALE,
        SequentialTest.Rule.of(threshold, CONFIDENCE).withDefinition(RationalityDefinition.PER_SAMPLE),
        Optional.empty());
  }
}
