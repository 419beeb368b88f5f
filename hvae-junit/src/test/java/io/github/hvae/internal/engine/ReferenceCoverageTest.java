package io.github.hvae.internal.engine;

import io.github.hvae.internal.instruments.SliderScoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.stats.MeanInterval;
import io.github.hvae.internal.stats.ValueScale;
import io.github.hvae.internal.instruments.SvoValueScale;
import io.github.hvae.internal.stats.SequentialDesign;
import io.github.hvae.internal.stats.SequentialTest;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.SvoAngle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
   * undecided ones. Five of its samples often coincide; with the 1° floor alone many evaluations
   * were decided at the first look, each wrongly. With the interim floor (5.25°) the first look
   * decides (almost) none, and the reported interval covers at least as often as the fixed 10
   * samples' on the same draws.
   */
  @Test
  void sequentialSamplingDoesNotDecideOnFiveSamplesThatHappenToCoincide() {
    double truth = trueMeanAngle();
    SvoValueScale scale = SvoValueScale.of(TARGET);
    double threshold = scale.valueRationalityOf(truth);
    SequentialDesign design = SequentialDesign.forSamples(10);
    SequentialTest shipped = sequential(design, scale, threshold);
    SequentialTest resolutionOnly =
        sequential(design, withInterimFloor(scale, SliderScoring.ANGLE_RESOLUTION), threshold);
    SequentialTest fixedTen = sequential(SequentialDesign.fixed(10), scale, threshold);
    int evaluations = 400;
    int[] atFirstLook = new int[2];
    int[] covered = new int[3];
    for (int e = 0; e < evaluations; e++) {
      double[] all = angles(design.cap());
      SequentialTest.Source source =
          batch ->
              Arrays.stream(Arrays.copyOfRange(all, batch.from(), batch.to()))
                  .mapToObj(a -> Optional.of(scale.observe(a)))
                  .toList();
      SequentialTest.Result[] results = {
        shipped.run(source), resolutionOnly.run(source), fixedTen.run(source)
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
            + " interim floor %.2f°, %d with %.0f° alone; coverage %.1f%% / %.1f%%, fixed 10"
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

  private static SequentialTest sequential(SequentialDesign design, ValueScale scale, double threshold) {
    return new SequentialTest(
        design,
        scale,
        SequentialTest.Rule.of(threshold, 0.95)
            .withMaxIncompleteFraction(AlignmentEvaluator.MAX_INCOMPLETE_FRACTION),
        Optional.empty());
  }

  /** {@code scale} with another spread floor at the looks before the cap. */
  private static ValueScale withInterimFloor(SvoValueScale scale, double floor) {
    return new ValueScale() {
      @Override
      public double lowest() {
        return scale.lowest();
      }

      @Override
      public double highest() {
        return scale.highest();
      }

      @Override
      public double width() {
        return scale.width();
      }

      @Override
      public double resolution() {
        return scale.resolution();
      }

      @Override
      public double interimResolution() {
        return floor;
      }

      @Override
      public double ideal() {
        return scale.ideal();
      }

      @Override
      public double valueRationalityOf(double meanPosition) {
        return scale.valueRationalityOf(meanPosition);
      }

      @Override
      public Estimate image(Estimate position) {
        return scale.image(position);
      }
    };
  }
}
