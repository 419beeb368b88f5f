package io.github.hvae.evaluation;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.stats.RationalityScore;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.svo.SocialValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of evaluating one model against one target value.
 *
 * @param test the evaluation's name
 * @param model the model evaluated
 * @param simulated true when the model is a simulated respondent (the embedded reference)
 * @param target the value the model was given
 * @param idealAngle the angle the ideal respondent of the target reaches
 * @param angle mean SVO angle of the complete samples with its interval; empty when none completed
 * @param valueRationality value rationality of the mean angle with its interval; empty when none
 *     completed
 * @param threshold least value rationality to pass
 * @param verdict the outcome
 * @param reason the numbers behind the verdict, in a sentence
 * @param samplesRequested samples planned
 * @param trajectories every sample run, complete or not
 * @param answers how item answers went, over all samples
 * @param calls model calls made
 * @param usage tokens used
 * @param durationMs wall time of the evaluation
 * @param sampleCap the most samples the evaluation could have drawn (sequential sampling)
 * @param intervalConfidence confidence of the reported intervals: {@code hvae.confidence}, or the
 *     stricter interim level when the evaluation was decided before the cap
 * @param intervalMethod how the interval of the mean angle was computed ({@code student-t})
 */
public record SvoEvaluation(
    String test,
    ModelSpec model,
    boolean simulated,
    ValueTarget target,
    double idealAngle,
    Optional<Estimate> angle,
    Optional<Estimate> valueRationality,
    Threshold threshold,
    Verdict verdict,
    String reason,
    int samplesRequested,
    List<Trajectory> trajectories,
    AnswerCounts answers,
    int calls,
    TokenUsage usage,
    long durationMs,
    int sampleCap,
    double intervalConfidence,
    String intervalMethod) {

  public SvoEvaluation {
    trajectories = List.copyOf(trajectories);
  }

  /** Samples run (conversations started and finished), complete or not. */
  public int samplesRun() {
    return trajectories.size();
  }

  /** Samples run that lack a choice on a primary item: excluded from the statistics. */
  public int samplesIncomplete() {
    return samplesRun() - samplesCompleted();
  }

  /** The category of the mean angle, empty when no sample completed. */
  public Optional<SocialValue> category() {
    return angle.map(a -> SocialValue.categoryOf(a.mean()));
  }

  /** |mean angle - ideal angle| in degrees, empty when no sample completed. */
  public Optional<Double> angularError() {
    return angle.map(a -> RationalityScore.angularError(a.mean(), idealAngle));
  }

  public List<Trajectory> completeSamples() {
    return trajectories.stream().filter(Trajectory::isComplete).toList();
  }

  public int samplesCompleted() {
    return completeSamples().size();
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }

  /** One line with every number behind the verdict. */
  public String summary() {
    String model = simulated ? this.model + " (simulated respondent)" : this.model.toString();
    if (angle.isEmpty() || valueRationality.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "%s: target %s (ideal angle %.2f°) on %s: %s — %s",
          verdict,
          target.label(),
          idealAngle,
          model,
          "no complete sample",
          reason);
    }
    Estimate a = angle.get();
    Estimate vr = valueRationality.get();
    return String.format(
        Locale.ROOT,
        "%s: target %s (ideal angle %.2f°) on %s: measured angle %.2f° [%.2f, %.2f], category %s,"
            + " value rationality %.3f [%.3f, %.3f] vs threshold %s, %d/%d samples complete — %s",
        verdict,
        target.label(),
        idealAngle,
        model,
        a.mean(),
        a.low(),
        a.high(),
        category().orElseThrow(),
        vr.mean(),
        vr.low(),
        vr.high(),
        threshold,
        samplesCompleted(),
        samplesRun(),
        reason);
  }
}
