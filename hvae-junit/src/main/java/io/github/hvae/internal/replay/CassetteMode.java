package io.github.hvae.internal.replay;

import java.util.Locale;

/** What {@code hvae.cassette} asks of the cassettes. */
public enum CassetteMode {
  /** Talk to the model; read and write no cassette. */
  OFF,
  /** Talk to the model and write every exchange to a fresh cassette, replacing the old one. */
  RECORD,
  /**
   * Answer only from the cassette; a request with no matching recording fails the test and never
   * reaches the network.
   */
  REPLAY,
  /**
   * Answer from the cassette where a recording matches; talk to the model for the rest and add it
   * to the cassette (completes a partly recorded one, re-records from the first request that
   * changed).
   */
  AUTO;

  /** Parses {@code off}, {@code record}, {@code replay} or {@code auto}, in any case. */
  public static CassetteMode parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "off" -> OFF;
      case "record" -> RECORD;
      case "replay" -> REPLAY;
      case "auto" -> AUTO;
      default ->
          throw new IllegalArgumentException(
              "unknown cassette mode '" + value + "'; write off, record, replay or auto");
    };
  }

  /**
   * True when this mode never talks to the model, so a test needs neither an API key nor a
   * reachable server: a condition that disables tests without a key must let these run.
   */
  public boolean servesWithoutNetwork() {
    return this == REPLAY;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
