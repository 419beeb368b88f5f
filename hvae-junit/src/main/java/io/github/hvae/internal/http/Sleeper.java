package io.github.hvae.internal.http;

import java.time.Duration;

/** Waits between attempts. Injectable so tests record waits instead of waiting. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** Really waits. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };
}
