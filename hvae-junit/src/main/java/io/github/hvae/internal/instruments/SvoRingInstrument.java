package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The SVO Ring Measure ({@link SvoRingMeasure}) as an {@link Instrument}, id {@code svo-ring}: 24
 * items of two outcomes, A and B, shown as signed amounts of coins ("You get +14.5 coins, the other
 * participant gets -3.9 coins"; a loss is a negative amount); a sample's position is the angle of
 * the sum of its choices on the full circle ({@link RingScoring}), its category one of eight
 * sectors ({@link RingCategory}). Any SVO value or angle is a target; the largest angular error is
 * 180°.
 */
public final class SvoRingInstrument extends AllocationInstrument {

  public static final String ID = "svo-ring";

  static final String TASK =
      "Each offers 2 options, A and B; each option is an amount of coins for you and an amount for"
          + " another participant, and a negative amount is a loss: coins taken away.";

  /** The Ring with the default wording (how {@code ServiceLoader} makes it). */
  public SvoRingInstrument() {
    this(PromptTemplates.DEFAULTS);
  }

  /** The Ring whose value prompt, role instruction and fixed goal are {@code templates}'. */
  public SvoRingInstrument(PromptTemplates templates) {
    super(new AllocationPrompts(templates, TASK, SvoRingInstrument::signed));
  }

  /** "+14.5", "-3.9", and zero without a sign: "0.0". */
  static String signed(double coins) {
    return coins == 0.0 ? "0.0" : String.format(Locale.ROOT, "%+.1f", coins);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "SVO Ring Measure";
  }

  @Override
  public List<Item> items(boolean withOptional) {
    return List.copyOf(SvoRingMeasure.items());
  }

  @Override
  public Scoring scoring(Target target) {
    return new RingScoring(SvoSliderInstrument.valueTarget(target, name()));
  }

  @Override
  public OptionalDouble angularWidth() {
    return OptionalDouble.of(SvoRingMeasure.LARGEST_DISTANCE);
  }
}
