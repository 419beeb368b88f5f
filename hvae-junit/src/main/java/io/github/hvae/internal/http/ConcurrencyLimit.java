package io.github.hvae.internal.http;

import io.github.hvae.agent.ModelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;

/**
 * Requests in flight to one endpoint, and what the run knows about that endpoint: its {@link
 * AdaptiveConcurrency} level (or the fixed ceiling), its {@link CircuitBreaker}, its statistics.
 * One per endpoint per run ({@link EndpointLimits}), shared by every agent that calls it.
 *
 * <p>Fair, so that no sample waits behind later ones; a permit is held for one HTTP attempt only,
 * never while waiting to retry.
 */
public final class ConcurrencyLimit {

  private final String endpoint;
  private final EndpointPolicy policy;
  private final ResizableSemaphore permits;
  private final CircuitBreaker breaker;
  private final AtomicLong requests = new AtomicLong();
  // Guarded by this: the controller, the permits it grants, the requests in flight.
  private final AdaptiveConcurrency controller;
  private int granted;
  private int inFlight;

  /** A fixed limit of {@code limit} requests in flight. */
  public ConcurrencyLimit(int limit) {
    this(limit, EndpointPolicy.FIXED, "endpoint");
  }

  /**
   * @param ceiling the most requests in flight ({@code hvae.concurrency})
   * @param endpoint the endpoint as statistics show it: no credentials
   */
  public ConcurrencyLimit(int ceiling, EndpointPolicy policy, String endpoint) {
    this.endpoint = endpoint;
    this.policy = policy;
    this.controller =
        new AdaptiveConcurrency(ceiling, policy.adaptiveConcurrency(), policy.initialConcurrency());
    this.granted = controller.permits();
    this.permits = new ResizableSemaphore(granted);
    this.breaker = new CircuitBreaker(policy.breakerCoolDown());
  }

  /** The ceiling: the most requests ever in flight at once. */
  public int limit() {
    return controller.ceiling();
  }

  /** Requests allowed in flight now. */
  public synchronized int level() {
    return granted;
  }

  public EndpointPolicy policy() {
    return policy;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /** A held permit, waiting in real time; closing it releases it. */
  public Permit acquire() {
    return acquire(Clock.systemUTC(), Sleeper.SYSTEM, false);
  }

  /**
   * A held permit; closing it releases it. Waits first while the endpoint's quota is held (see
   * {@link AdaptiveConcurrency}), with {@code sleeper}, then for a free slot.
   *
   * @param waitedOutHold the caller has just waited out a {@code Retry-After} of its own, which is
   *     what set the hold: it is not held again. The hold is waited once, never in a loop, so a
   *     clock that does not move (a test's) cannot stall a call.
   */
  public Permit acquire(Clock clock, Sleeper sleeper, boolean waitedOutHold) {
    try {
      if (!waitedOutHold) {
        Instant until;
        synchronized (this) {
          until = controller.holdUntil();
        }
        Instant now = clock.instant();
        if (now.isBefore(until)) {
          sleeper.sleep(Duration.between(now, until));
        }
      }
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting for a free request slot", e);
    }
    requests.incrementAndGet();
    synchronized (this) {
      inFlight++;
      return new Permit(controller.epoch());
    }
  }

  /**
   * The endpoint answered the permit's request with {@code status}: feeds the level and the
   * breaker. Call before closing the permit.
   */
  public void answered(
      Permit permit, int status, Optional<Duration> retryAfter, Headers headers, Instant now) {
    breaker.answered(now);
    RateLimitHeaders limits = RateLimitHeaders.read(headers::get, now);
    synchronized (this) {
      controller.headers(limits, now);
      if (status >= 200 && status < 300) {
        boolean saturated = inFlight >= granted || permits.hasQueuedThreads();
        controller.succeeded(saturated);
      } else if (status == 429 || status == 529 || (retryAfter.isPresent() && status >= 500)) {
        controller.rateLimited(permit.epoch, retryAfter, now);
      }
      resize();
    }
  }

  private void resize() {
    int target = controller.permits();
    if (target > granted) {
      permits.release(target - granted);
    } else if (target < granted) {
      permits.reduce(granted - target);
    }
    granted = target;
  }

  private void release() {
    synchronized (this) {
      inFlight--;
    }
    permits.release();
  }

  /** What this endpoint saw so far. */
  public synchronized EndpointStats stats() {
    return new EndpointStats(
        endpoint,
        controller.ceiling(),
        controller.adaptive(),
        controller.levels(),
        requests.get(),
        breaker.openings());
  }

  /** A permit to send one request. */
  public final class Permit implements AutoCloseable {
    private final long epoch;
    private boolean closed;

    private Permit(long epoch) {
      this.epoch = epoch;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        release();
      }
    }
  }

  /** A fair semaphore whose permits can be taken away: a cut takes effect as requests end. */
  private static final class ResizableSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    ResizableSemaphore(int permits) {
      super(permits, true);
    }

    void reduce(int by) {
      reducePermits(by);
    }
  }
}
