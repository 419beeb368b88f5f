package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.text.Numbers;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Triple-Dominance Measure ({@link TripleDominanceMeasure}) as an {@link Instrument}, id {@code
 * triple-dominance}: nine items of three splits of coins, A to C; a sample's position is the share
 * of its choices that the target's ideal respondent would make ({@link TripleDominanceScoring}),
 * its category prosocial, individualistic, competitive (6 of 9 choices of one type) or
 * unclassified. It measures no angle, so a threshold must be written as {@code atLeast}.
 */
public final class TripleDominanceInstrument extends AllocationInstrument {

  public static final String ID = "triple-dominance";

  static final String TASK =
      "Each offers 3 options, A to C; each option is a split of coins between you and another"
          + " participant, a person you do not know and will never meet.";

  /** The measure with the default wording (how {@code ServiceLoader} makes it). */
  public TripleDominanceInstrument() {
    this(PromptTemplates.DEFAULTS);
  }

  /** The measure whose value prompt, role instruction and fixed goal are {@code templates}'. */
  public TripleDominanceInstrument(PromptTemplates templates) {
    super(new AllocationPrompts(templates, TASK, Numbers::compact));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Triple-Dominance Measure";
  }

  @Override
  public List<Item> items(boolean withOptional) {
    return List.copyOf(TripleDominanceMeasure.items());
  }

  /**
   * @throws IllegalArgumentException for a target that is no SVO value, or one whose ideal
   *     respondent has no single category here (180°): the message says which angle to use instead
   */
  @Override
  public Scoring scoring(Target target) {
    return new TripleDominanceScoring(SvoSliderInstrument.valueTarget(target, name()));
  }

  @Override
  public OptionalDouble angularWidth() {
    return OptionalDouble.empty();
  }
}
