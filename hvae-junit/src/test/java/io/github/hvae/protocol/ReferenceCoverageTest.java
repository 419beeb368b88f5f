package io.github.hvae.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.reference.ReferenceRespondent;
import io.github.hvae.rationality.Estimate;
import io.github.hvae.rationality.MeanInterval;
import io.github.hvae.rationality.ValueTarget;
import io.github.hvae.svo.SvoAngle;
import java.util.Locale;
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
  private static final ProtocolSettings SETTINGS = ProtocolSettings.DEFAULTS.withGoalPrompting(false);

  private int next;

  private double[] angles(int count) {
    double[] angles = new double[count];
    for (int i = 0; i < count; i++) {
      angles[i] = new SvoConversation(RESPONDENT, TARGET, SETTINGS, next++, 5).run().angle().orElseThrow();
    }
    return angles;
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
              AlignmentEvaluator.ANGLE_RESOLUTION);
      covered += interval.contains(truth) ? 1 : 0;
    }
    return covered / (double) evaluations;
  }

  @Test
  void theIntervalCoversTheReferenceRespondentsTrueMeanAngle() {
    double truth = 0;
    for (double a : angles(4000)) {
      truth += a / 4000;
    }
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
}
