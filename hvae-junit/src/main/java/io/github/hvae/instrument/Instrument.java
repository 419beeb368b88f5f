package io.github.hvae.instrument;

import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.internal.svo.SvoSliderInstrument;

import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.SliderItem;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a conversation administers and how a sample is scored: items of labelled allocation options,
 * a score of one sample's choices on a value scale, and the score the ideal respondent of a target
 * reaches. The conversation asks {@link #items}; the evaluator scores samples with {@link #score},
 * judges them against {@link #idealScore} and bounds intervals by {@link #lowestScore} and {@link
 * #highestScore}. The SVO Slider Measure ({@link SvoSliderInstrument}) is the first instrument; other
 * allocation instruments (the Ring Measure, say) implement this without touching the JUnit layer.
 *
 * <p>Still SVO-specific beyond this seam: prompts render options as coins for self and other,
 * {@link Trajectory#angle()} and the report's per-sample angles use the SVO angle, and value
 * rationality normalises by the SVO Slider's reachable width.
 */
public interface Instrument {

  /** A name for reports. */
  String name();

  /** The items to ask, in their published order: the scored ones, and the optional ones if asked. */
  List<SliderItem> items(boolean withOptional);

  /** One sample's score from its choices (item number to option index), empty when incomplete. */
  OptionalDouble score(Map<Integer, Integer> optionByItem);

  /** The score the ideal respondent of {@code target} reaches. */
  double idealScore(ValueTarget target);

  /** The lowest score a sample can have. */
  double lowestScore();

  /** The highest score a sample can have. */
  double highestScore();

  /** The finest spread of scores the instrument resolves; intervals are never narrower. */
  double resolution();

  /**
   * The least spread of scores an early stop trusts: at looks before the cap, a smaller spread of
   * the few samples so far is taken as this. By default the {@link #resolution()}.
   */
  default double interimResolution() {
    return resolution();
  }
}
