package io.github.hvae.internal.svo;

/**
 * The four ideal types whose allocations the Slider's primary items pit against each other (the
 * endpoints of items 1 to 6), as the transitivity check ranks them. Named like the public {@code
 * SocialValue}s they correspond to; kept apart so that this package depends on nothing public.
 */
public enum SvoType {
  ALTRUISTIC,
  PROSOCIAL,
  INDIVIDUALISTIC,
  COMPETITIVE
}
