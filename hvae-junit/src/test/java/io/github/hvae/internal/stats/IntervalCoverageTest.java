package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.svo.SvoAngle;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Simulated evaluations of respondents whose mean angle and noise are known: each sample's angle is
 * the true angle plus normal noise. The 95% interval must cover the true angle 93% to 97% of the
 * time (1000 evaluations: the standard error of a coverage of 95% is 0.7 points).
 */
class IntervalCoverageTest {

  private static final int EVALUATIONS = 1000;
  private static final double CONFIDENCE = 0.95;

  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  static double[] draw(SplittableRandom random, int n, double trueAngle, double noise) {
    double[] angles = new double[n];
    for (int i = 0; i < n; i++) {
      angles[i] = trueAngle + gaussian(random) * noise;
    }
    return angles;
  }

  private static double coverage(int n, double trueAngle, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int covered = 0;
    for (int e = 0; e < EVALUATIONS; e++) {
      Estimate interval =
          MeanInterval.of(
              draw(random, n, trueAngle, noise),
              CONFIDENCE,
              SvoAngle.MIN_REACHABLE,
              SvoAngle.MAX_REACHABLE);
      covered += interval.contains(trueAngle) ? 1 : 0;
    }
    return covered / (double) EVALUATIONS;
  }

  private static double percentileBootstrapCoverage(int n, double trueAngle, double noise) {
    SplittableRandom random = new SplittableRandom(7);
    int covered = 0;
    for (int e = 0; e < EVALUATIONS; e++) {
      Estimate interval = percentileBootstrap(draw(random, n, trueAngle, noise), e);
      covered += interval.contains(trueAngle) ? 1 : 0;
    }
    return covered / (double) EVALUATIONS;
  }

  /**
   * The seeded percentile bootstrap of the mean (2000 resamples) that verdicts used before the t
   * interval: kept here only as the comparison that justifies the replacement.
   */
  private static Estimate percentileBootstrap(double[] values, long seed) {
    int resamples = 2000;
    double point = mean(values);
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      for (int i = 0; i < values.length; i++) {
        sum += values[random.nextInt(values.length)];
      }
      means[r] = sum / values.length;
    }
    Arrays.sort(means);
    double alpha = (1.0 - CONFIDENCE) / 2.0;
    double low = Math.min(point, percentile(means, alpha));
    double high = Math.max(point, percentile(means, 1.0 - alpha));
    return new Estimate(point, low, high);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double percentile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }

  @Test
  void theIntervalOfTenSamplesCoversTheTrueAngle95PercentOfTheTime() {
    double coverage = coverage(10, 30.0, 6.0, 1);
    System.out.printf(
        Locale.ROOT,
        "coverage of the 95%% Student-t interval, n=10, true angle 30°, noise 6°: %.1f%% over %d"
            + " evaluations%n",
        coverage * 100,
        EVALUATIONS);
    assertThat(coverage).isBetween(0.93, 0.97);
  }

  @Test
  void theIntervalOfTheFirstLookCoversTheTrueAngle95PercentOfTheTime() {
    double coverage = coverage(5, 10.0, 4.0, 2);
    System.out.printf(
        Locale.ROOT,
        "coverage of the 95%% Student-t interval, n=5, true angle 10°, noise 4°: %.1f%%%n",
        coverage * 100);
    assertThat(coverage).isBetween(0.93, 0.97);
  }

  @Test
  void thePercentileBootstrapUndercoversAtTheseSampleSizes() {
    // Why the t interval replaced it: printed for the record, and checked to stay below nominal.
    double five = percentileBootstrapCoverage(5, 30.0, 6.0);
    double ten = percentileBootstrapCoverage(10, 30.0, 6.0);
    System.out.printf(
        Locale.ROOT,
        "coverage of the 95%% percentile bootstrap: n=5 %.1f%%, n=10 %.1f%%%n",
        five * 100,
        ten * 100);
    assertThat(five).isLessThan(0.93);
  }

  @Test
  void theReportedIntervalKeepsItsCoverageUnderSequentialSampling() {
    // A respondent whose value rationality sits near the threshold makes the stopping time depend
    // on the data: the reported interval must still cover.
    double ideal = 45.0;
    double trueAngle = 37.0; // VR 0.897 against threshold 0.88: often not decided at the first look
    PointScale scale = new PointScale(ideal, 0.0, 0.0); // no floors: the t interval alone
    SequentialTest test =
        new SequentialTest(
            SequentialDesign.forSamples(10),
            scale,
            SequentialTest.Rule.of(0.88, CONFIDENCE),
            java.util.Optional.empty());
    SplittableRandom random = new SplittableRandom(3);
    int covered = 0;
    int nominalCovered = 0;
    long samples = 0;
    for (int e = 0; e < EVALUATIONS; e++) {
      SequentialTest.Result result =
          test.run(
              batch ->
                  java.util.Arrays.stream(draw(random, batch.size(), trueAngle, 6.0))
                      .mapToObj(a -> java.util.Optional.of(scale.observe(a)))
                      .toList());
      covered += result.angle().orElseThrow().contains(trueAngle) ? 1 : 0;
      samples += result.samplesRun();
      double[] used =
          result.samples().stream().mapToDouble(java.util.OptionalDouble::getAsDouble).toArray();
      nominalCovered +=
          MeanInterval.of(used, CONFIDENCE, SvoAngle.MIN_REACHABLE, SvoAngle.MAX_REACHABLE)
                  .contains(trueAngle)
              ? 1
              : 0;
    }
    double coverage = covered / (double) EVALUATIONS;
    System.out.printf(
        Locale.ROOT,
        "coverage of the reported interval (97.5%% at the first look, 98.95%% at the later ones)"
            + " under sequential sampling near the threshold:"
            + " %.1f%% (mean samples %.1f); the nominal 95%% interval at the stop would cover %.1f%%%n",
        coverage * 100,
        samples / (double) EVALUATIONS,
        nominalCovered * 100.0 / EVALUATIONS);
    // Repeated intervals: over all looks together they cover at least 95%; each is at 97.5% or
    // more, so an evaluation that stops late reports a wider interval than the fixed design's.
    assertThat(coverage).isBetween(0.94, 0.99);
    assertThat(nominalCovered / (double) EVALUATIONS).as("the nominal interval").isLessThan(coverage);
  }

  static OptionalDouble[] complete(double[] angles) {
    OptionalDouble[] samples = new OptionalDouble[angles.length];
    for (int i = 0; i < angles.length; i++) {
      samples[i] = OptionalDouble.of(angles[i]);
    }
    return samples;
  }
}
