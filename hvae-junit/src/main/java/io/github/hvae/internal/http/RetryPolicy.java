package io.github.hvae.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a failed request again: exponential backoff with jitter,
 * or the server's {@code Retry-After} when it sends one, bounded in attempts and in total wait.
 *
 * <p>Retries cannot storm an endpoint, whatever the configuration: at most {@value #MAX_ATTEMPTS}
 * attempts per call, and never less than {@link #MIN_BACKOFF} between two of them (a configured
 * backoff of 0, or {@code Retry-After: 0}, still waits that long). Without these floors {@code
 * max-attempts=100000} with {@code retry-backoff=0s} sent thousands of requests a minute.
 *
 * @param maxAttempts attempts per request, the first included; 1 to {@value #MAX_ATTEMPTS}
 * @param initialBackoff wait before the second attempt; doubled for each further one
 * @param maxBackoff cap on one computed wait
 * @param maxTotalWait cap on all waits of one request together; a {@code Retry-After} that would
 *     pass it ends the retries at once
 * @param sleeper how to wait
 * @param clock reads {@code Retry-After} dates, and times the endpoint's circuit breaker
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxTotalWait,
    Sleeper sleeper,
    Clock clock) {

  /** The most attempts one call may make, however {@code hvae.max-attempts} is set. */
  public static final int MAX_ATTEMPTS = 20;

  /** The least wait between two attempts of a call, however the backoff is set. */
  public static final Duration MIN_BACKOFF = Duration.ofMillis(100);

  public static final RetryPolicy DEFAULTS =
      new RetryPolicy(
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Sleeper.SYSTEM,
          Clock.systemUTC());

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException(
          "attempts per call must be between 1 and " + MAX_ATTEMPTS + ", was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxTotalWait.isNegative()) {
      throw new IllegalArgumentException(
          "backoff and waits cannot be negative: initial "
              + initialBackoff
              + ", max "
              + maxBackoff
              + ", total "
              + maxTotalWait);
    }
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
   * never retry at once; never less than {@link #MIN_BACKOFF}.
   */
  public Duration backoff(int attempt) {
    double step = initialBackoff.toNanos() * Math.pow(2, attempt - 1);
    double capped = Math.min(step, maxBackoff.toNanos());
    double half = capped / 2;
    return atLeastMinimum(
        Duration.ofNanos((long) (half + ThreadLocalRandom.current().nextDouble() * half)));
  }

  /** The wait before the next attempt: the server's {@code Retry-After} if any, else the backoff. */
  Duration waitAfter(int attempt, java.util.Optional<Duration> retryAfter) {
    return retryAfter.map(RetryPolicy::atLeastMinimum).orElseGet(() -> backoff(attempt));
  }

  static Duration atLeastMinimum(Duration wait) {
    return wait.compareTo(MIN_BACKOFF) < 0 ? MIN_BACKOFF : wait;
  }
}
