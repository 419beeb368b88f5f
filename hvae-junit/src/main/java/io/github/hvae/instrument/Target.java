package io.github.hvae.instrument;

/**
 * What a model is asked to value. The SVO family's targets are {@code
 * io.github.hvae.svo.ValueTarget} (a named value or an angle on the SVO ring); an instrument says in
 * {@link Instrument#scoring} which targets it can score.
 */
public interface Target {

  /** A short label for names, reports and file names: "PROSOCIAL", "30°". */
  String label();
}
