package io.github.hvae.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the run treats each endpoint, beside its concurrency ceiling ({@code hvae.concurrency}).
 *
 * @param adaptiveConcurrency grow and cut the requests in flight with the endpoint's answers
 *     (AIMD); off for endpoints with a known fixed capacity, where the ceiling is the level
 * @param initialConcurrency where an adaptive level starts, before it learns anything (at most the
 *     ceiling)
 * @param breakerCoolDown how long an endpoint that stopped answering is failed at once before one
 *     call probes it again
 * @param maxBodyBytes the largest request or response body, after decompression; a larger answer
 *     is a failed attempt, never an out-of-memory error
 */
public record EndpointPolicy(
    boolean adaptiveConcurrency,
    int initialConcurrency,
    Duration breakerCoolDown,
    long maxBodyBytes) {

  /** 8 MiB: about two million tokens of text, hundreds of times a whole SVO conversation. */
  public static final long DEFAULT_MAX_BODY_BYTES = 8L << 20;

  /** Smallest body limit: a model answer of a few thousand tokens must always fit. */
  public static final long MIN_BODY_BYTES = 64L << 10;

  /** Largest body limit: beyond it one answer per sample in flight could exhaust a test JVM. */
  public static final long MAX_BODY_BYTES = 256L << 20;

  public static final EndpointPolicy DEFAULTS =
      new EndpointPolicy(true, 4, Duration.ofSeconds(30), DEFAULT_MAX_BODY_BYTES);

  /** For endpoints whose capacity is fixed and known: the ceiling is the level. */
  public static final EndpointPolicy FIXED = DEFAULTS.withAdaptiveConcurrency(false);

  public EndpointPolicy {
    if (initialConcurrency < 1) {
      throw new IllegalArgumentException(
          "the initial concurrency must be at least 1, was " + initialConcurrency);
    }
    Objects.requireNonNull(breakerCoolDown, "breakerCoolDown");
    if (breakerCoolDown.isNegative()) {
      throw new IllegalArgumentException("the breaker's cool-down cannot be negative: " + breakerCoolDown);
    }
    if (maxBodyBytes < MIN_BODY_BYTES || maxBodyBytes > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "the body size limit must be between 64 KiB and 256 MiB, was " + maxBodyBytes + " bytes");
    }
  }

  public EndpointPolicy withAdaptiveConcurrency(boolean adaptive) {
    return new EndpointPolicy(adaptive, initialConcurrency, breakerCoolDown, maxBodyBytes);
  }

  public EndpointPolicy withInitialConcurrency(int initial) {
    return new EndpointPolicy(adaptiveConcurrency, initial, breakerCoolDown, maxBodyBytes);
  }

  public EndpointPolicy withBreakerCoolDown(Duration coolDown) {
    return new EndpointPolicy(adaptiveConcurrency, initialConcurrency, coolDown, maxBodyBytes);
  }

  public EndpointPolicy withMaxBodyBytes(long bytes) {
    return new EndpointPolicy(adaptiveConcurrency, initialConcurrency, breakerCoolDown, bytes);
  }
}
