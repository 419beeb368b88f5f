package io.github.hvae.rationality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.svo.SvoAngle;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sequential sampling on simulated respondents: clear cases stop before the cap, and the verdict is
 * the one the full sample (every sample up to the cap, decided at the reported confidence) gives.
 */
class SequentialSamplingTest {

  private static final int EVALUATIONS = 500;
  private static final double CONFIDENCE = 0.95;
  private static final double THRESHOLD = 0.85; // at most 11.65° from the ideal angle
  private static final SequentialDesign DESIGN = SequentialDesign.forSamples(10);

  private static SequentialTest test(SequentialDesign design, double idealAngle) {
    return new SequentialTest(
        design,
        idealAngle,
        THRESHOLD,
        CONFIDENCE,
        0.2,
        SvoAngle.MIN_REACHABLE,
        SvoAngle.MAX_REACHABLE,
        1.0,
        3.0);
  }

  /** Runs both designs on the same draws; returns samples used by the sequential one. */
  private static double[] compare(double idealAngle, double trueAngle, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long used = 0;
    int stoppedEarly = 0;
    int flips = 0;
    SequentialTest.Outcome last = null;
    for (int e = 0; e < EVALUATIONS; e++) {
      double[] all = IntervalCoverageTest.draw(random, DESIGN.cap(), trueAngle, noise);
      SequentialTest.Result sequential =
          test(DESIGN, idealAngle)
              .run((from, to) -> IntervalCoverageTest.complete(Arrays.copyOfRange(all, from, to)));
      SequentialTest.Result full =
          test(SequentialDesign.fixed(DESIGN.cap()), idealAngle)
              .run((from, to) -> IntervalCoverageTest.complete(Arrays.copyOfRange(all, from, to)));
      used += sequential.samplesRun();
      stoppedEarly += sequential.stoppedEarly() ? 1 : 0;
      flips += sequential.outcome() == full.outcome() ? 0 : 1;
      last = full.outcome();
    }
    return new double[] {used / (double) EVALUATIONS, stoppedEarly, flips, last.ordinal()};
  }

  @Test
  void aClearPassStopsEarlyWithTheFullSamplesVerdict() {
    double[] r = compare(45.0, 45.0, 3.0, 11);
    print("clear pass (ideal 45°, true 45°, noise 3°)", r);
    assertThat(r[0]).isLessThan(DESIGN.cap());
    assertThat(r[0]).isLessThanOrEqualTo(5.0 * 1.1);
    assertThat(r[2]).as("verdicts that differ from the full sample's").isZero();
    assertThat(SequentialTest.Outcome.values()[(int) r[3]]).isEqualTo(SequentialTest.Outcome.PASSED);
  }

  @Test
  void aNoisierPassStillStopsBeforeTheFixedTenOnAverage() {
    double[] r = compare(45.0, 43.0, 5.0, 13);
    print("noisier pass (ideal 45°, true 43°, noise 5°)", r);
    assertThat(r[0]).isLessThan(10.0);
    assertThat(r[2]).as("verdicts that differ from the full sample's").isZero();
  }

  @Test
  void aClearFailStopsEarlyWithTheFullSamplesVerdict() {
    double[] r = compare(61.39, 25.0, 6.0, 12);
    print("clear fail (ideal 61.39°, true 25°, noise 6°)", r);
    assertThat(r[0]).isLessThan(DESIGN.cap());
    assertThat(r[0]).isLessThanOrEqualTo(5.0 * 1.1);
    assertThat(r[2]).as("verdicts that differ from the full sample's").isZero();
    assertThat(SequentialTest.Outcome.values()[(int) r[3]]).isEqualTo(SequentialTest.Outcome.FAILED);
  }

  @Test
  void aRespondentWithoutSpreadGetsAnIntervalOfTheResolutionAndIsDecidedAtTheFirstLook() {
    SequentialTest withFloor =
        new SequentialTest(
            DESIGN, 61.39, THRESHOLD, CONFIDENCE, 0.2, SvoAngle.MIN_REACHABLE, SvoAngle.MAX_REACHABLE, 1.0);
    SequentialTest.Result altruist = withFloor.run((from, to) -> constant(to - from, 61.39));
    assertThat(altruist.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(altruist.samplesRun()).isEqualTo(5);
    assertThat(altruist.angle().orElseThrow().width()).isPositive();
    assertThat(altruist.angle().orElseThrow().high()).isEqualTo(SvoAngle.MAX_REACHABLE);
    SequentialTest.Result stuck = withFloor.run((from, to) -> constant(to - from, 30.0));
    assertThat(stuck.outcome()).isEqualTo(SequentialTest.Outcome.FAILED);
    assertThat(stuck.samplesRun()).isEqualTo(5);
  }

  @Test
  void anUndecidedCaseDrawsUpToTheCapAndIsInconclusive() {
    // True value rationality exactly at the threshold: no interval can settle it.
    double ideal = 45.0;
    double atThreshold = ideal - RationalityScore.maxErrorFor(THRESHOLD);
    SplittableRandom random = new SplittableRandom(5);
    SequentialTest.Result result =
        test(DESIGN, ideal)
            .run(
                (from, to) -> {
                  // symmetric pairs keep the mean exactly at the threshold angle
                  OptionalDouble[] s = new OptionalDouble[to - from];
                  for (int i = 0; i < s.length; i++) {
                    double d = (from + i) % 2 == 0 ? 3.0 : -3.0;
                    s[i] = OptionalDouble.of(atThreshold + d + 0 * random.nextDouble());
                  }
                  return s;
                });
    assertThat(result.samplesRun()).isEqualTo(DESIGN.cap());
    assertThat(result.outcome()).isEqualTo(SequentialTest.Outcome.INCONCLUSIVE);
    assertThat(result.level()).isEqualTo(CONFIDENCE);
  }

  @Test
  void tooManyIncompleteSamplesStopTheEvaluation() {
    SequentialTest.Result result =
        test(DESIGN, 45.0)
            .run(
                (from, to) -> {
                  OptionalDouble[] s = new OptionalDouble[to - from];
                  Arrays.fill(s, OptionalDouble.empty());
                  s[0] = OptionalDouble.of(45.0);
                  return s;
                });
    assertThat(result.outcome()).isEqualTo(SequentialTest.Outcome.TOO_MANY_INCOMPLETE);
    assertThat(result.samplesRun()).isEqualTo(5);
  }

  @Test
  void aFixedDesignLooksOnceAtTheReportedConfidence() {
    SequentialDesign fixed = SequentialDesign.fixed(10);
    assertThat(fixed.looks()).containsExactly(10);
    assertThat(fixed.interimConfidence(0.95)).isEqualTo(0.95);
    assertThat(DESIGN.looks()).containsExactly(5, 10, 15, 20, 25, 30);
    assertThat(DESIGN.interimConfidence(0.95)).isEqualTo(1 - 0.05 / 6);
  }

  private static OptionalDouble[] constant(int n, double angle) {
    OptionalDouble[] s = new OptionalDouble[n];
    Arrays.fill(s, OptionalDouble.of(angle));
    return s;
  }

  private static void print(String label, double[] r) {
    System.out.printf(
        Locale.ROOT,
        "%s: mean samples %.2f of cap %d (ratio %.2f; %.0f%% of the fixed 10), stopped early in"
            + " %.0f of %d, verdict differs from the full sample's in %.0f%n",
        label,
        r[0],
        DESIGN.cap(),
        r[0] / DESIGN.cap(),
        r[0] / 10 * 100,
        r[1],
        EVALUATIONS,
        r[2]);
  }
}
