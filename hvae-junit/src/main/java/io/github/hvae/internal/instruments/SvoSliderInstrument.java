package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.engine.AnswerParser;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import io.github.hvae.svo.ValueTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The SVO Slider Measure (Murphy, Ackermann and Handgraaf 2011) as an {@link Instrument}: six
 * primary items (optionally the nine secondary ones), each nine allocations of coins labelled A..I,
 * scored by the SVO angle in degrees. Its wording is {@link PromptTemplates}.
 */
public final class SvoSliderInstrument implements Instrument {

  public static final String ID = "svo-slider";

  private final PromptTemplates templates;

  /** The Slider with the default wording (how {@code ServiceLoader} makes it). */
  public SvoSliderInstrument() {
    this(PromptTemplates.DEFAULTS);
  }

  public SvoSliderInstrument(PromptTemplates templates) {
    this.templates = templates;
  }

  public PromptTemplates templates() {
    return templates;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "SVO Slider Measure";
  }

  @Override
  public List<Item> items(boolean withOptional) {
    return List.copyOf(withOptional ? SvoSliderMeasure.items() : SvoSliderMeasure.primaryItems());
  }

  @Override
  public Scoring scoring(Target target) {
    return new SliderScoring(valueTarget(target));
  }

  @Override
  public OptionalDouble angularWidth() {
    return OptionalDouble.of(SvoAngle.REACHABLE_WIDTH);
  }

  @Override
  public String valuePrompt(Target target) {
    return templates.valuePromptFor(valueTarget(target));
  }

  @Override
  public String rolePrompt(boolean goalPrompting, int itemCount) {
    return templates.roleAndGoalPrompt(goalPrompting, itemCount);
  }

  @Override
  public String fixedGoal() {
    return templates.fixedGoal();
  }

  @Override
  public String itemPrompt(AskedItem asked, String goal) {
    return templates.itemPromptFor(asked.position(), asked.count(), shown(asked), goal);
  }

  @Override
  public String reask(AskedItem asked) {
    return templates.reask();
  }

  @Override
  public ParsedAnswer read(String reply, AskedItem asked) {
    return AnswerParser.parse(reply, shown(asked));
  }

  @Override
  public String extractionPrompt(String question, String reply, AskedItem asked) {
    return templates.extractionPromptFor(question, reply);
  }

  /**
   * The option the ideal respondent of {@code target} takes: highest {@code self·cos θ + other·sin
   * θ}, exact ties broken at random among the tied options in the order shown.
   */
  @Override
  public OptionalInt simulatedChoice(AskedItem asked, Target target, SplittableRandom random) {
    List<Integer> tied = new IdealRespondent(valueTarget(target).angle()).bestAmong(shown(asked));
    return OptionalInt.of(tied.get(random.nextInt(tied.size())));
  }

  /** The allocations of an asked item, in the order shown. */
  public static List<Allocation> shown(AskedItem asked) {
    SliderItem item = (SliderItem) asked.item();
    List<Allocation> shown = new ArrayList<>(asked.order().size());
    asked.order().forEach(i -> shown.add(item.option(i)));
    return shown;
  }

  static ValueTarget valueTarget(Target target) {
    return valueTarget(target, "SVO Slider Measure");
  }

  /** The SVO value {@code target} is, or a refusal naming {@code instrument} and what to write. */
  static ValueTarget valueTarget(Target target, String instrument) {
    if (target instanceof ValueTarget value) {
      return value;
    }
    throw new IllegalArgumentException(
        "the " + instrument + " scores SVO values (@TargetValue or @TargetAngle), not " + target.label()
            + (target instanceof io.github.hvae.instrument.Target.Profile
                ? "; a value profile needs a rating-scale instrument, e.g. @ValueAlignmentTest(instrument = \"ipip-big5-50\")"
                : ""));
  }

  @Override
  public String toString() {
    return name();
  }
}
