package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.engine.AnswerParser;
import io.github.hvae.internal.svo.IdealRespondent;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * What the SVO instruments of choices between allocations of coins ({@link SvoRingInstrument},
 * {@link TripleDominanceInstrument}) ask and read alike: prompts from {@link AllocationPrompts}, answers
 * read by the allocation parser against the options shown, and the reference respondent's choice as
 * the target's ideal respondent makes it. A subclass gives its items, scoring and names.
 */
abstract class AllocationInstrument implements Instrument {

  private final AllocationPrompts prompts;

  AllocationInstrument(AllocationPrompts prompts) {
    this.prompts = prompts;
  }

  @Override
  public String valuePrompt(Target target) {
    return prompts.templates().valuePromptFor(SvoSliderInstrument.valueTarget(target, name()));
  }

  @Override
  public String rolePrompt(boolean goalPrompting, int itemCount) {
    return prompts.roleAndGoal(goalPrompting, itemCount);
  }

  @Override
  public String fixedGoal() {
    return prompts.templates().fixedGoal();
  }

  @Override
  public String itemPrompt(AskedItem asked, String goal) {
    return prompts.item(asked, goal);
  }

  @Override
  public String reask(AskedItem asked) {
    return AllocationPrompts.reask(asked);
  }

  @Override
  public ParsedAnswer read(String reply, AskedItem asked) {
    return AnswerParser.parse(reply, AllocationItem.shown(asked));
  }

  /** The option the ideal respondent of {@code target} takes; an exact tie is broken at random. */
  @Override
  public OptionalInt simulatedChoice(AskedItem asked, Target target, SplittableRandom random) {
    List<Integer> tied =
        new IdealRespondent(SvoSliderInstrument.valueTarget(target, name()).angle()).bestAmong(AllocationItem.shown(asked));
    return OptionalInt.of(tied.get(random.nextInt(tied.size())));
  }

  @Override
  public String toString() {
    return name();
  }
}
