package io.github.hvae.internal.engine;

import io.github.hvae.internal.instruments.SliderScoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.stats.MeanInterval;
import io.github.hvae.internal.stats.RationalityScore;
import io.github.hvae.internal.stats.SequentialDesign;
import io.github.hvae.internal.stats.SequentialTest;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.SvoAngle;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Coverage through the whole protocol, on a respondent whose sample angles are discrete and skewed:
 * the reference respondent (target 30°, noise 8°) puts about half its samples on one angle and one
 * in five 15° to 30° below it. Its true mean angle is pinned down by 4000 conversations (to about
 * 0.2°). At 10 samples one evaluation in ten sees none of the low samples, so the interval covers
 * less than its level — the known limit {@link MeanInterval} documents; at 30 samples it is back
 * at its level.
 */
class ReferenceCoverageTest {

  private static final ValueTarget TARGET = ValueTarget.ofAngle(30);
  private static final ReferenceRespondent RESPONDENT =
      ReferenceRespondent.create(new ModelSpec("reference", "noise=8"), 11);
  private static final ProtocolSettings SETTINGS = Protocols.DEFAULTS.withGoalPrompting(false);

  private int next;

  private double[] angles(int count) {
    double[] angles = new double[count];
    for (int i = 0; i < count; i++) {
      angles[i] = Conversation.of(RESPONDENT, TARGET, SETTINGS, next++, 5).run().angle().orElseThrow();
    }
    return angles;
  }

  private double trueMeanAngle() {
    double truth = 0;
    for (double a : angles(4000)) {
      truth += a / 4000;
    }
    return truth;
  }

  private double coverage(double truth, int evaluations, int n) {
    int covered = 0;
    for (int e = 0; e < evaluations; e++) {
      Estimate interval =
          MeanInterval.of(
              angles(n),
              0.95,
              SvoAngle.MIN_REACHABLE,
              SvoAngle.MAX_REACHABLE,
              SliderScoring.ANGLE_RESOLUTION);
      covered += interval.contains(truth) ? 1 : 0;
    }
    return covered / (double) evaluations;
  }

  @Test
  void theIntervalCoversTheReferenceRespondentsTrueMeanAngle() {
    double truth = trueMeanAngle();
    double ten = coverage(truth, 1000, 10);
    double thirty = coverage(truth, 500, 30);
    System.out.printf(
        Locale.ROOT,
        "coverage of the 95%% interval through the protocol (reference respondent, target 30°,"
            + " noise 8°, true mean %.2f°): n=10 %.1f%% of 1000 evaluations, n=30 %.1f%% of 500%n",
        truth,
        ten * 100,
        thirty * 100);
    assertThat(ten).as("n=10: below the level, by the known limit, but not far").isBetween(0.85, 0.97);
    assertThat(thirty).as("n=30").isBetween(0.92, 0.975);
  }

  /**
   * Sequential sampling on the same respondent held to its own true value rationality, the hardest
   * case: any decided evaluation's interval excludes the truth, so coverage is the rate of
   * undecided ones. Five of its samples often coincide; with the 1° floor alone 11% to 15% of the
   * evaluations were decided at the first look, each wrongly. With the interim floor the first look
   * decides (almost) none, and the reported interval covers as often as the fixed 10 samples' on
   * the same draws.
   */
  @Test
  void sequentialSamplingDoesNotDecideOnFiveSamplesThatHappenToCoincide() {
    double truth = trueMeanAngle();
    double ideal = TARGET.idealAngle();
    double threshold = RationalityScore.ofIdeal(truth, ideal);
    SequentialDesign design = SequentialDesign.forSamples(10);
    SequentialTest shipped = sequential(design, ideal, threshold, SliderScoring.INTERIM_ANGLE_RESOLUTION);
    SequentialTest resolutionOnly = sequential(design, ideal, threshold, SliderScoring.ANGLE_RESOLUTION);
    SequentialTest fixedTen = sequential(SequentialDesign.fixed(10), ideal, threshold, 1.0);
    int evaluations = 400;
    int[] atFirstLook = new int[2];
    int[] covered = new int[3];
    for (int e = 0; e < evaluations; e++) {
      double[] all = angles(design.cap());
      SequentialTest.Sampler sampler = (from, to) -> complete(Arrays.copyOfRange(all, from, to));
      SequentialTest.Result[] results = {
        shipped.run(sampler), resolutionOnly.run(sampler), fixedTen.run(sampler)
      };
      for (int r = 0; r < results.length; r++) {
        covered[r] += results[r].angle().orElseThrow().contains(truth) ? 1 : 0;
        if (r < 2 && results[r].samplesRun() == design.firstLook()) {
          atFirstLook[r]++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "sequential sampling at the true value rationality (reference respondent, noise 8°, true"
            + " mean %.2f°, threshold %.3f), %d evaluations: decided at the first look %d with the"
            + " interim floor %.0f°, %d with %.0f° alone; coverage %.1f%% / %.1f%%, fixed 10"
            + " samples %.1f%%%n",
        truth,
        threshold,
        evaluations,
        atFirstLook[0],
        SliderScoring.INTERIM_ANGLE_RESOLUTION,
        atFirstLook[1],
        SliderScoring.ANGLE_RESOLUTION,
        covered[0] * 100.0 / evaluations,
        covered[1] * 100.0 / evaluations,
        covered[2] * 100.0 / evaluations);
    assertThat(atFirstLook[0]).as("decided at the first look, interim floor").isLessThanOrEqualTo(2);
    assertThat(atFirstLook[1]).as("decided at the first look, 1° floor alone").isGreaterThan(20);
    assertThat(covered[0])
        .as("coverage: sequential with the interim floor against the fixed 10 samples")
        .isGreaterThanOrEqualTo(covered[2] - evaluations * 3 / 100);
  }

  private static SequentialTest sequential(
      SequentialDesign design, double ideal, double threshold, double interimFloor) {
    return new SequentialTest(
        design,
        ideal,
        threshold,
        0.95,
        AlignmentEvaluator.MAX_INCOMPLETE_FRACTION,
        SvoAngle.MIN_REACHABLE,
        SvoAngle.MAX_REACHABLE,
        SliderScoring.ANGLE_RESOLUTION,
        interimFloor);
  }

  private static OptionalDouble[] complete(double[] angles) {
    return Arrays.stream(angles).mapToObj(OptionalDouble::of).toArray(OptionalDouble[]::new);
  }
}
