package io.github.hvae.internal.engine;

import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.instruments.SvoSliderInstrument;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SvoChoices;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test fixtures: the protocol on the SVO Slider, and the Slider's view of a sample. */
public final class Protocols {

  /** The default protocol on the SVO Slider Measure. */
  public static final ProtocolSettings DEFAULTS = ProtocolSettings.defaults(Instruments.slider());

  private Protocols() {}

  /** The allocation an answer chose on a Slider item, empty when it chose none. */
  public static Optional<Allocation> allocation(ItemAnswer answer) {
    return answer.shownIndex().map(i -> SvoSliderInstrument.shown(answer.asked()).get(i));
  }

  /** A sample's choices as the Slider numbers its items. */
  public static SvoChoices slider(Trajectory sample) {
    Map<Integer, Integer> byNumber = new TreeMap<>();
    sample.choices().forEach((item, option) -> byNumber.put(Integer.parseInt(item), option));
    return new SvoChoices(byNumber);
  }
}
