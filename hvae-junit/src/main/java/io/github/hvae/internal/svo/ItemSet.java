package io.github.hvae.internal.svo;

/** The two parts of the SVO Slider Measure. */
public enum ItemSet {
  /** Items 1..6: they set the SVO angle. */
  PRIMARY,
  /** Items 7..15: they separate joint-gain maximisers from inequality-averse prosocials. */
  SECONDARY
}
