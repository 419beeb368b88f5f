package io.github.hvae.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many requests to keep in flight to one endpoint, learnt from its answers (additive increase,
 * multiplicative decrease, as TCP congestion control and promptfoo/Inspect's model clients do).
 *
 * <ul>
 *   <li><b>Start</b> at a modest level, at most the ceiling.
 *   <li><b>Grow</b> on each successful answer while the level is in use (calls are waiting, or every
 *       slot is taken): by one per success until the first rate limit (the level doubles per round
 *       trip), then by {@code 1 / (}{@value #PROBE_PATIENCE}{@code × level)} per success, so that
 *       probing above a capacity the endpoint has shown costs one rejected request in about {@value
 *       #PROBE_PATIENCE} × level successes (3% at a capacity of 8).
 *   <li><b>Cut</b> on a rate limit (429, 529, or any answer with {@code Retry-After}) to {@value
 *       #DECREASE} of the level. A refusal comes back at once, while the level grows only as
 *       answers do, so even at the end of the doubling the level is little above what the endpoint
 *       serves: halving it, as TCP does, left a capacity of 8 served by 6 for seconds (figure 5).
 *       One cut per round: refusals of requests sent before the last cut say nothing new.
 *   <li><b>Hold</b> new requests while a quota the server reports exhausted refills ({@code
 *       x-ratelimit-remaining-*: 0}, {@code anthropic-ratelimit-*-remaining: 0} with their reset),
 *       or until a {@code Retry-After} when a whole level's worth of requests was refused without
 *       a success between them (a quota, not a busy server: other requests would only bounce
 *       too). A busy server refuses one request among answered ones, at once, before any other
 *       answer: holding everyone then would idle the capacity it has.
 *   <li>Never above the ceiling ({@code hvae.concurrency}), never below 1; no growth past the
 *       requests a server says remain in its window.
 * </ul>
 *
 * <p>Not thread-safe: {@link ConcurrencyLimit} calls it under its lock.
 */
final class AdaptiveConcurrency {

  static final double DECREASE = 0.9;
  static final int PROBE_PATIENCE = 4;
  /** The longest hold the headers can impose; past it the retry policy's waits take over. */
  static final Duration MAX_HOLD = Duration.ofMinutes(2);

  private final int ceiling;
  private final boolean adaptive;
  private double level;
  private boolean slowStart = true;
  private long epoch;
  private long successes;
  private int refusedInARow;
  private Instant holdUntil = Instant.MIN;
  private long remainingRequests = Long.MAX_VALUE;
  // Statistics.
  private final int start;
  private int highest;
  private int lowest;
  private int rateLimited;
  private int cuts;

  AdaptiveConcurrency(int ceiling, boolean adaptive, int initial) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("a concurrency limit must be at least 1, was " + ceiling);
    }
    this.ceiling = ceiling;
    this.adaptive = adaptive;
    this.level = adaptive ? Math.min(Math.max(initial, 1), ceiling) : ceiling;
    this.start = permits();
    this.highest = start;
    this.lowest = Integer.MAX_VALUE;
  }

  /** Requests allowed in flight now. */
  int permits() {
    return Math.max(1, Math.min(ceiling, (int) Math.floor(level + 1e-9)));
  }

  int ceiling() {
    return ceiling;
  }

  boolean adaptive() {
    return adaptive;
  }

  /** Identifies the round a request was sent in: a cut starts a new one. */
  long epoch() {
    return epoch;
  }

  /** No request may start before this instant. */
  Instant holdUntil() {
    return holdUntil;
  }

  /**
   * A successful answer.
   *
   * @param saturated the level was in use when it came: requests were waiting or every slot taken
   */
  void succeeded(boolean saturated) {
    successes++;
    refusedInARow = 0;
    if (!adaptive || !saturated || permits() >= ceiling || permits() >= remainingRequests) {
      return;
    }
    level = Math.min(ceiling, level + (slowStart ? 1.0 : 1.0 / (PROBE_PATIENCE * level)));
    highest = Math.max(highest, permits());
  }

  /**
   * The endpoint refused a request for its rate (429, 529, or any status with {@code Retry-After}).
   *
   * @param sentInEpoch {@link #epoch()} when the refused request was sent
   */
  void rateLimited(long sentInEpoch, Optional<Duration> retryAfter, Instant now) {
    rateLimited++;
    refusedInARow++;
    if (retryAfter.isPresent() && refusedInARow >= permits()) {
      // A whole level refused, nothing answered: the endpoint refuses everything for now.
      hold(now.plus(retryAfter.get()), now);
    }
    if (!adaptive || sentInEpoch != epoch) {
      return;
    }
    level = Math.max(1, level * DECREASE);
    slowStart = false;
    epoch++;
    cuts++;
    lowest = Math.min(lowest, permits());
  }

  /** What the rate-limit headers of any answer say. */
  void headers(RateLimitHeaders headers, Instant now) {
    remainingRequests = headers.remainingRequests().orElse(Long.MAX_VALUE);
    headers.exhaustedUntil().ifPresent(until -> hold(until, now));
  }

  private void hold(Instant until, Instant now) {
    Instant capped = until.isAfter(now.plus(MAX_HOLD)) ? now.plus(MAX_HOLD) : until;
    if (capped.isAfter(holdUntil)) {
      holdUntil = capped;
    }
  }

  EndpointStats.Levels levels() {
    return new EndpointStats.Levels(
        start, permits(), highest, cuts == 0 ? permits() : lowest, rateLimited, cuts);
  }
}
