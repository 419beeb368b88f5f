package io.github.hvae.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.svo.SvoAngle;
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
            DESIGN, 61.39, THRESHOLD, CONFIDENCE, 0.2, SvoAngle.MIN_REACHABLE, SvoAngle.MAX_REACHABLE, 1.0, 1.0);
    SequentialTest.Result altruist = withFloor.run((from, to) -> constant(to - from, 61.39));
    assertThat(altruist.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(altruist.samplesRun()).isEqualTo(5);
    assertThat(altruist.angle().orElseThrow().width()).isPositive();
    assertThat(altruist.angle().orElseThrow().high()).isEqualTo(SvoAngle.MAX_REACHABLE);
    SequentialTest.Result stuck = withFloor.run((from, to) -> constant(to - from, 30.0));
    assertThat(stuck.outcome()).isEqualTo(SequentialTest.Outcome.FAILED);
    assertThat(stuck.samplesRun()).isEqualTo(5);
  }

  /**
   * A respondent with discrete samples, like the reference respondent at 45°: ties put every
   * sample on one of four angles (37.1°, 41.0°, 49.0°, 52.9°; mean exactly 45°, SD 6.9°). Its true
   * spread is too wide to pass at five samples (the 99.17% half-width would be 14.9° against the
   * 11.65° the threshold allows), so an evaluation that passes there does so because its five
   * samples coincided — and then reports an interval that misses the mean unless the interim spread
   * is floored.
   */
  @Test
  void aDiscreteRespondentDoesNotStopEarlyOnSamplesThatHappenToCoincide() {
    double[] withFloor = lumpyPass(3.0);
    double[] resolutionOnly = lumpyPass(1.0);
    System.out.printf(
        Locale.ROOT,
        "discrete pass (ideal 45°, four angles, mean 45°), interim spread floor 3° / 1°: coverage"
            + " of the reported interval %.1f%% / %.1f%%, stopped at 5 samples %.0f / %.0f of %d"
            + " (of them missing the mean %.0f / %.0f), mean samples %.2f / %.2f, verdict differs"
            + " from the full sample's in %.0f / %.0f%n",
        withFloor[0] * 100,
        resolutionOnly[0] * 100,
        withFloor[1],
        resolutionOnly[1],
        EVALUATIONS,
        withFloor[2],
        resolutionOnly[2],
        withFloor[3],
        resolutionOnly[3],
        withFloor[4],
        resolutionOnly[4]);
    assertThat(withFloor[0]).as("coverage with the interim floor").isGreaterThanOrEqualTo(0.95);
    assertThat(withFloor[2]).as("early stops that miss the mean, interim floor 3°").isLessThanOrEqualTo(1);
    assertThat(withFloor[4]).as("verdicts that differ from the full sample's").isZero();
    // Why the floor: with the resolution alone, most evaluations that stop at 5 miss the mean.
    assertThat(resolutionOnly[1]).as("stops at 5, floor 1°").isGreaterThan(10);
    assertThat(resolutionOnly[2]).as("of them missing the mean").isGreaterThan(resolutionOnly[1] / 2);
  }

  /** Coverage, stops at 5, of them missing, mean samples and flips for an interim floor. */
  private static double[] lumpyPass(double interimFloor) {
    double[] angles = {37.1, 41.0, 49.0, 52.9};
    double[] cumulative = {0.34, 0.50, 0.66, 1.0};
    double truth = 45.0;
    SplittableRandom random = new SplittableRandom(17);
    SequentialTest sequential =
        new SequentialTest(
            DESIGN,
            45.0,
            THRESHOLD,
            CONFIDENCE,
            0.2,
            SvoAngle.MIN_REACHABLE,
            SvoAngle.MAX_REACHABLE,
            1.0,
            interimFloor);
    SequentialTest full = test(SequentialDesign.fixed(DESIGN.cap()), 45.0);
    int covered = 0;
    int atFive = 0;
    int missedAtFive = 0;
    long used = 0;
    int flips = 0;
    for (int e = 0; e < EVALUATIONS; e++) {
      double[] all = new double[DESIGN.cap()];
      for (int i = 0; i < all.length; i++) {
        double u = random.nextDouble();
        int k = 0;
        while (u >= cumulative[k]) {
          k++;
        }
        all[i] = angles[k];
      }
      SequentialTest.Result result =
          sequential.run(
              (from, to) -> IntervalCoverageTest.complete(Arrays.copyOfRange(all, from, to)));
      SequentialTest.Result reference =
          full.run((from, to) -> IntervalCoverageTest.complete(Arrays.copyOfRange(all, from, to)));
      boolean covers = result.angle().orElseThrow().contains(truth);
      covered += covers ? 1 : 0;
      if (result.samplesRun() == DESIGN.firstLook()) {
        atFive++;
        missedAtFive += covers ? 0 : 1;
      }
      used += result.samplesRun();
      flips += result.outcome() == reference.outcome() ? 0 : 1;
    }
    return new double[] {
      covered / (double) EVALUATIONS, atFive, missedAtFive, used / (double) EVALUATIONS, flips
    };
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
