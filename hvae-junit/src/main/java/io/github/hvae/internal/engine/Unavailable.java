package io.github.hvae.internal.engine;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;

/**
 * The record of an evaluation that did not run: its model is unavailable here, or the instrument the
 * run chose cannot run it.
 */
public final class Unavailable {

  private Unavailable() {}

  /** A DISABLED evaluation: no sample, no call, the reason why. */
  public static SvoEvaluation evaluation(
      String test, ModelSpec model, Instrument instrument, Target target, Threshold threshold, int samples,
      String reason) {
    double ideal = Double.NaN;
    String category = "n/a";
    try {
      Scoring scoring = instrument.scoring(target);
      ideal = scoring.idealPosition();
      category = scoring.targetCategory();
    } catch (IllegalArgumentException cannotScore) {
      // The reason says so; the record has no ideal.
    }
    return SvoEvaluation.builder()
        .test(test)
        .model(model, model.isReference())
        .instrument(instrument.id())
        .target(target, ideal, category)
        .verdict(threshold, Verdict.DISABLED, "not run: " + reason)
        .samples(samples, samples, java.util.List.of())
        .build();
  }
}
