package io.github.hvae.internal.rating;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A rating-scale instrument over an item bank: every statement is rated on the bank's scale, and a
 * sample's score is its profile of dimension scores ({@link ProfileScoring}); targets are value
 * profiles ({@link Target.Profile}). Options are the scale's points labelled {@code 1..max} in
 * order, never reversed (a scale is ordered), so constrained answers restrict a reply to exactly
 * those numbers. Answers are read by {@link RatingAnswerReader}. It measures no angle.
 */
public class RatingInstrument implements Instrument {

  private final ItemBank bank;
  private final List<Item> items;

  public RatingInstrument(ItemBank bank) {
    this.bank = bank;
    this.items = List.copyOf(bank.items());
  }

  /** The bank the instrument asks. */
  public ItemBank bank() {
    return bank;
  }

  @Override
  public String id() {
    return bank.id();
  }

  @Override
  public String name() {
    return bank.name();
  }

  @Override
  public List<Item> items(boolean withOptional) {
    return items;
  }

  /** The scale's points, "1" to "5": what the model answers, and what constrained answers allow. */
  @Override
  public List<String> labels(Item item) {
    return bank.scale().optionLabels();
  }

  @Override
  public boolean reversible(Item item) {
    return false;
  }

  /**
   * @throws IllegalArgumentException for a target that is no value profile, or one the bank cannot
   *     score (a dimension it lacks, a level off its scale, a direction without angles)
   */
  @Override
  public Scoring scoring(Target target) {
    return new ProfileScoring(bank, profile(target));
  }

  /** The scoring of {@code target} as this instrument does it, with the profile's own numbers. */
  ProfileScoring profileScoring(Target target) {
    return new ProfileScoring(bank, profile(target));
  }

  @Override
  public OptionalDouble angularWidth() {
    return OptionalDouble.empty();
  }

  @Override
  public String valuePrompt(Target target) {
    return RatingPrompts.valuePrompt(bank, profile(target));
  }

  @Override
  public String rolePrompt(boolean goalPrompting, int itemCount) {
    return RatingPrompts.rolePrompt(bank, goalPrompting, itemCount);
  }

  @Override
  public String fixedGoal() {
    return RatingPrompts.fixedGoal();
  }

  @Override
  public String itemPrompt(AskedItem asked, String goal) {
    return RatingPrompts.itemPrompt(bank, asked, goal);
  }

  @Override
  public String reask(AskedItem asked) {
    return RatingPrompts.reask(bank);
  }

  @Override
  public ParsedAnswer read(String reply, AskedItem asked) {
    ParsedAnswer answer = RatingAnswerReader.read(reply, bank.scale());
    // The reader gives the point as the option of the scale's own order; asked items are shown so.
    return answer instanceof ParsedAnswer.Choice choice
        ? new ParsedAnswer.Choice(asked.shownIndexOf(choice.shownIndex()), choice.extracted())
        : answer;
  }

  /**
   * The answer of the ideal respondent of {@code target}: the point nearest the level of the
   * item's dimension, reverse keying applied; a level halfway between two points is answered with
   * either, at random. A dimension the target does not name is answered at the midpoint.
   */
  @Override
  public OptionalInt simulatedChoice(AskedItem asked, Target target, SplittableRandom random) {
    if (!(target instanceof Target.Profile profile) || !(asked.item() instanceof RatingItem item)) {
      return OptionalInt.empty();
    }
    Scale scale = bank.scale();
    Map<String, Double> levels = IdealProfile.levels(bank, profile);
    double level = levels.getOrDefault(item.dimension(), scale.midpoint());
    double answer = item.reverse() ? scale.min() + scale.max() - level : level;
    List<Integer> nearest = scale.nearest(answer);
    int point = nearest.get(random.nextInt(nearest.size()));
    return OptionalInt.of(asked.shownIndexOf(point - scale.min()));
  }

  private Target.Profile profile(Target target) {
    if (target instanceof Target.Profile profile) {
      return profile;
    }
    throw new IllegalArgumentException(
        "the " + bank.name() + " (" + bank.id() + ") scores value profiles (@TargetProfile), not " + target.label()
            + "; an SVO value needs an SVO instrument, e.g. @ValueAlignmentTest(instrument = \"svo-slider\")");
  }

  @Override
  public String toString() {
    return name();
  }
}
