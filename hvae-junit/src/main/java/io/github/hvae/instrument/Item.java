package io.github.hvae.instrument;

/**
 * One item of an {@link Instrument}: a question with a fixed list of options. Instruments implement
 * it with whatever their items carry (an allocation of coins per option, a statement on a scale);
 * the protocol needs only this much.
 */
public interface Item {

  /** The item's id, unique in its instrument and stable across versions: "1", "E3". */
  String id();

  /** How many options the item offers. */
  int optionCount();

  /** True for an item asked only on request (the Slider's secondary items). */
  default boolean optional() {
    return false;
  }
}
