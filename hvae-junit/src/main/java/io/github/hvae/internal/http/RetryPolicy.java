package io.github.hvae.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a failed request again: exponential backoff with jitter,
 * or the server's {@code Retry-After} when it sends one, bounded in attempts and in total wait.
 *
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff wait before the second attempt; doubled for each further one
 * @param maxBackoff cap on one computed wait
 * @param maxTotalWait cap on all waits of one request together; a {@code Retry-After} that would
 *     pass it ends the retries at once
 * @param sleeper how to wait
 * @param clock reads {@code Retry-After} dates
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxTotalWait,
    Sleeper sleeper,
    Clock clock) {

  public static final RetryPolicy DEFAULTS =
      new RetryPolicy(
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Sleeper.SYSTEM,
          Clock.systemUTC());

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxTotalWait, sleeper, clock);
  }

  public RetryPolicy withInitialBackoff(Duration backoff) {
    return new RetryPolicy(maxAttempts, backoff, maxBackoff, maxTotalWait, sleeper, clock);
  }

  public RetryPolicy withMaxTotalWait(Duration wait) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, wait, sleeper, clock);
  }

  public RetryPolicy withSleeper(Sleeper sleeper) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxTotalWait, sleeper, clock);
  }

  public RetryPolicy withClock(Clock clock) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxTotalWait, sleeper, clock);
  }

  /**
   * The computed wait after failed attempt {@code attempt} (1-based): "equal jitter", half of the
   * exponential step fixed and half random, so that clients that failed together spread out but
   * never retry at once.
   */
  public Duration backoff(int attempt) {
    double step = initialBackoff.toNanos() * Math.pow(2, attempt - 1);
    double capped = Math.min(step, maxBackoff.toNanos());
    double half = capped / 2;
    return Duration.ofNanos((long) (half + ThreadLocalRandom.current().nextDouble() * half));
  }
}
