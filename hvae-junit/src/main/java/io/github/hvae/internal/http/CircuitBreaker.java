package io.github.hvae.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fails calls to an endpoint at once after it stopped answering, so that a run against a dead
 * server costs one retry cycle rather than one per call.
 *
 * <p>It opens when a call has spent its whole retry cycle on connection failures and timeouts and
 * the endpoint answered nothing (no HTTP status at all, from any call) since that call began:
 * one flaky request among answered ones never opens it. While open, every call fails at once with
 * the reason of the cycle that opened it; calls already retrying stop at their next attempt.
 * After the cool-down, one call is let through as a probe with a single attempt: any HTTP answer
 * closes the breaker (the endpoint is back, whatever it said), a connection failure or timeout
 * opens it for another cool-down. Shared by every call to the endpoint in the run.
 */
public final class CircuitBreaker {

  /** What a call may do now. */
  public enum Admission {
    /** Go ahead with the usual retries. */
    CLOSED,
    /** Go ahead with one attempt: the endpoint is being probed after its cool-down. */
    PROBE,
    /** Fail at once: see {@link #openReason()}. */
    OPEN
  }

  private final Duration coolDown;
  // Guarded by this.
  private boolean open;
  private boolean probing;
  private String reason;
  private Instant openedAt;
  private Instant lastAnswer = Instant.MIN;
  private int openings;

  public CircuitBreaker(Duration coolDown) {
    this.coolDown = coolDown;
  }

  public synchronized Admission admit(Instant now) {
    if (!open) {
      return Admission.CLOSED;
    }
    if (!probing && !now.isBefore(openedAt.plus(coolDown))) {
      probing = true;
      return Admission.PROBE;
    }
    return Admission.OPEN;
  }

  /** The endpoint answered with some HTTP status: it is reachable. */
  public synchronized void answered(Instant now) {
    if (now.isAfter(lastAnswer)) {
      lastAnswer = now;
    }
    open = false;
    probing = false;
  }

  /**
   * A call spent its whole retry cycle, begun at {@code cycleStart}, on connection failures and
   * timeouts, the last of them {@code reason}. Opens the breaker unless the endpoint answered
   * since the cycle began.
   *
   * @return true when this opened the breaker
   */
  public synchronized boolean cycleFailed(String reason, Instant cycleStart, Instant now) {
    if (open || lastAnswer.isAfter(cycleStart)) {
      return false;
    }
    open(reason, now);
    return true;
  }

  /** The probe got no answer: closed for another cool-down. */
  public synchronized void probeFailed(String reason, Instant now) {
    open(reason, now);
  }

  /** The probe ended without reaching the endpoint (interrupted, refused locally): let another try. */
  public synchronized void probeAbandoned() {
    probing = false;
  }

  private void open(String why, Instant now) {
    if (!open) {
      openings++;
    }
    open = true;
    probing = false;
    reason = why;
    openedAt = now;
  }

  /** Why the breaker is open, and since when; empty while closed. */
  public synchronized Optional<Open> openReason() {
    return open ? Optional.of(new Open(reason, openedAt, openedAt.plus(coolDown))) : Optional.empty();
  }

  public synchronized boolean isOpen() {
    return open;
  }

  /** Times it opened since the run began. */
  public synchronized int openings() {
    return openings;
  }

  /** An open breaker's reason, when it opened and when it lets a probe through. */
  public record Open(String reason, Instant since, Instant nextProbe) {}
}
