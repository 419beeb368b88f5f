package io.github.hvae.internal.stats;

import io.github.hvae.internal.instruments.RationalityScore;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.instruments.SvoValueScale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

  private static SequentialTest test(SequentialDesign design, ValueScale scale) {
    return new SequentialTest(
        design, scale, SequentialTest.Rule.of(THRESHOLD, CONFIDENCE), Optional.empty());
  }

  private static SequentialTest test(SequentialDesign design, double idealAngle) {
    return test(design, PointScale.svo(idealAngle));
  }

  static SequentialTest.Source source(PointScale scale, double[] angles) {
    List<Optional<Observation>> all = new ArrayList<>();
    for (double a : angles) {
      all.add(Optional.of(scale.observe(a)));
    }
    return batch -> all.subList(batch.from(), batch.to());
  }

  /** Runs both designs on the same draws; returns samples used by the sequential one. */
  private static double[] compare(double idealAngle, double trueAngle, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PointScale scale = PointScale.svo(idealAngle);
    SequentialTest sequential = test(DESIGN, scale);
    SequentialTest full = test(SequentialDesign.fixed(DESIGN.cap()), scale);
    long used = 0;
    int stoppedEarly = 0;
    int flips = 0;
    SequentialTest.Outcome last = null;
    for (int e = 0; e < EVALUATIONS; e++) {
      SequentialTest.Source source =
          source(scale, IntervalCoverageTest.draw(random, DESIGN.cap(), trueAngle, noise));
      SequentialTest.Result s = sequential.run(source);
      SequentialTest.Result f = full.run(source);
      used += s.samplesRun();
      stoppedEarly += s.stoppedEarly() ? 1 : 0;
      flips += s.outcome() == f.outcome() ? 0 : 1;
      last = f.outcome();
    }
    return new double[] {used / (double) EVALUATIONS, stoppedEarly, flips, last.ordinal()};
  }

  @Test
  void aClearPassStopsEarlyWithTheFullSamplesVerdict() {
    double[] r = compare(45.0, 45.0, 3.0, 11);
    print("clear pass (ideal 45°, true 45°, noise 3°)", r);
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
    assertThat(r[0]).isLessThanOrEqualTo(5.0 * 1.1);
    assertThat(r[2]).as("verdicts that differ from the full sample's").isZero();
    assertThat(SequentialTest.Outcome.values()[(int) r[3]]).isEqualTo(SequentialTest.Outcome.FAILED);
  }

  @Test
  void aRespondentWithoutSpreadGetsAnIntervalOfTheFloorAndIsDecidedAtTheFirstLook() {
    // At the edge of the range the interval is clipped, so even the interim floor passes it.
    PointScale altruistic = PointScale.svo(61.39);
    SequentialTest.Result altruist =
        test(DESIGN, altruistic).run(source(altruistic, constant(DESIGN.cap(), 61.39)));
    assertThat(altruist.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(altruist.samplesRun()).isEqualTo(5);
    assertThat(altruist.angle().orElseThrow().width()).isPositive();
    assertThat(altruist.angle().orElseThrow().high()).isEqualTo(61.39);
    SequentialTest.Result stuck =
        test(DESIGN, altruistic).run(source(altruistic, constant(DESIGN.cap(), 30.0)));
    assertThat(stuck.outcome()).isEqualTo(SequentialTest.Outcome.FAILED);
    assertThat(stuck.samplesRun()).isEqualTo(5);
  }

  /**
   * The price of the interim floor: a respondent that never varies is trusted only so far before
   * the cap. 3° from the ideal (8.65° inside the 11.65° the threshold allows) it passes at the first
   * look, whose half-width is at least 3.495 × 5.25° / √5 = 8.2°; 5° from it, later.
   */
  @Test
  void aRespondentWithoutSpreadNeedsTheFirstLooksHalfWidthInsideTheThreshold() {
    PointScale prosocial = PointScale.svo(45.0);
    SequentialTest.Result near =
        test(DESIGN, prosocial).run(source(prosocial, constant(DESIGN.cap(), 42.0)));
    assertThat(near.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(near.samplesRun()).isEqualTo(5);
    SequentialTest.Result farther =
        test(DESIGN, prosocial).run(source(prosocial, constant(DESIGN.cap(), 40.0)));
    assertThat(farther.outcome()).isEqualTo(SequentialTest.Outcome.PASSED);
    assertThat(farther.samplesRun()).isEqualTo(10);
  }

  /**
   * A respondent with discrete samples, like the reference respondent at 45°: ties put every
   * sample on one of four angles (37.1°, 41.0°, 49.0°, 52.9°; mean exactly 45°, SD 6.9°). Its true
   * spread is too wide to pass at five samples, so an evaluation that passes there does so because
   * its five samples coincided — and then reports an interval that misses the mean unless the
   * interim spread is floored.
   */
  @Test
  void aDiscreteRespondentDoesNotStopEarlyOnSamplesThatHappenToCoincide() {
    double[] withFloor = lumpyPass(SvoValueScale.INTERIM_RESOLUTION);
    double[] resolutionOnly = lumpyPass(1.0);
    System.out.printf(
        Locale.ROOT,
        "discrete pass (ideal 45°, four angles, mean 45°), interim spread floor %.2f° / 1°:"
            + " coverage of the reported interval %.1f%% / %.1f%%, stopped at 5 samples %.0f / %.0f"
            + " of %d (of them missing the mean %.0f / %.0f), mean samples %.2f / %.2f, verdict"
            + " differs from the full sample's in %.0f / %.0f%n",
        SvoValueScale.INTERIM_RESOLUTION,
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
    assertThat(withFloor[2]).as("early stops that miss the mean, interim floor").isLessThanOrEqualTo(1);
    assertThat(withFloor[4]).as("verdicts that differ from the full sample's").isZero();
    // Why the floor: with the resolution alone, evaluations stop at 5 on samples that coincided,
    // and their intervals miss the mean.
    assertThat(resolutionOnly[2]).as("early stops that miss the mean, floor 1°").isGreaterThan(10);
    assertThat(resolutionOnly[0]).as("coverage, floor 1°").isLessThan(withFloor[0]);
  }

  /** Coverage, stops at 5, of them missing, mean samples and flips for an interim floor. */
  private static double[] lumpyPass(double interimFloor) {
    double[] angles = {37.1, 41.0, 49.0, 52.9};
    double[] cumulative = {0.34, 0.50, 0.66, 1.0};
    double truth = 45.0;
    SplittableRandom random = new SplittableRandom(17);
    PointScale scale = new PointScale(45.0, 1.0, interimFloor);
    SequentialTest sequential = test(DESIGN, scale);
    SequentialTest full = test(SequentialDesign.fixed(DESIGN.cap()), scale);
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
      SequentialTest.Source source = source(scale, all);
      SequentialTest.Result result = sequential.run(source);
      SequentialTest.Result reference = full.run(source);
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
    double[] angles = new double[DESIGN.cap()];
    for (int i = 0; i < angles.length; i++) {
      // symmetric pairs keep the mean exactly at the threshold angle
      angles[i] = atThreshold + (i % 2 == 0 ? 3.0 : -3.0);
    }
    PointScale scale = PointScale.svo(ideal);
    SequentialTest.Result result = test(DESIGN, scale).run(source(scale, angles));
    assertThat(result.samplesRun()).isEqualTo(DESIGN.cap());
    assertThat(result.outcome()).isEqualTo(SequentialTest.Outcome.INCONCLUSIVE);
    assertThat(result.stoppedEarly()).isFalse();
    assertThat(result.level()).isEqualTo(DESIGN.lookConfidence(DESIGN.looks().size() - 1, CONFIDENCE));
    assertThat(result.looks()).hasSize(DESIGN.looks().size());
  }

  @Test
  void tooManyIncompleteSamplesStopTheEvaluation() {
    PointScale scale = PointScale.svo(45.0);
    List<Optional<Observation>> samples = new ArrayList<>();
    samples.add(Optional.of(scale.observe(45.0)));
    for (int i = 1; i < DESIGN.cap(); i++) {
      samples.add(Optional.empty());
    }
    SequentialTest.Result result =
        test(DESIGN, scale).run(batch -> samples.subList(batch.from(), batch.to()));
    assertThat(result.outcome()).isEqualTo(SequentialTest.Outcome.TOO_MANY_INCOMPLETE);
    assertThat(result.samplesRun()).isEqualTo(5);
    assertThat(result.complete()).isEqualTo(1);
    // the one complete sample still gets its (whole-range) interval in the result
    assertThat(result.angle()).isPresent();
  }

  static double[] constant(int n, double angle) {
    double[] s = new double[n];
    Arrays.fill(s, angle);
    return s;
  }

  private static void print(String label, double[] r) {
    System.out.printf(
        Locale.ROOT,
        "%s: mean samples %.2f of cap %d (%.0f%% of the fixed 10), stopped early in %.0f of %d,"
            + " verdict differs from the full sample's in %.0f%n",
        label,
        r[0],
        DESIGN.cap(),
        r[0] / 10 * 100,
        r[1],
        EVALUATIONS,
        r[2]);
  }
}
