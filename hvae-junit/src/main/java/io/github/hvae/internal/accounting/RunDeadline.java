package io.github.hvae.internal.accounting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The wall time the whole run may take ({@code hvae.max-duration}), shared by every evaluation and
 * agent. Past it no model call starts and no evaluation waits any longer: the evaluator stops
 * waiting for samples in flight, evaluations not yet finished end in ERROR saying so, and those not
 * yet started end at once the same way. Calls already on the wire are not cut short (their own
 * {@code hvae.request-timeout} ends them); nothing waits for them.
 */
public final class RunDeadline {

  private final Optional<Duration> limit;
  private final Clock clock;
  private final Instant start;

  private RunDeadline(Optional<Duration> limit, Clock clock, Instant start) {
    this.limit = limit;
    this.clock = clock;
    this.start = start;
  }

  /** No deadline. */
  public static RunDeadline none() {
    return new RunDeadline(Optional.empty(), Clock.systemUTC(), Instant.now());
  }

  /** A deadline {@code limit} after now, on {@code clock}. */
  public static RunDeadline after(Duration limit, Clock clock) {
    return of(Optional.of(limit), clock, clock.instant());
  }

  /** A deadline {@code limit} after {@code start}; none when {@code limit} is empty. */
  public static RunDeadline of(Optional<Duration> limit, Clock clock, Instant start) {
    if (limit.isPresent() && (limit.get().isNegative() || limit.get().isZero())) {
      throw new IllegalArgumentException("hvae.max-duration must be positive, was " + limit.get());
    }
    return new RunDeadline(limit, clock, start);
  }

  /** When the run began, as the deadline counts. */
  public Instant start() {
    return start;
  }

  public Optional<Duration> limit() {
    return limit;
  }

  /** Time left, empty when there is no deadline; zero once it has passed. */
  public Optional<Duration> remaining() {
    return limit.map(
        l -> {
          Duration left = l.minus(Duration.between(start, clock.instant()));
          return left.isNegative() ? Duration.ZERO : left;
        });
  }

  public boolean passed() {
    return remaining().map(Duration::isZero).orElse(false);
  }

  /** @throws RunDeadlineExceededException once the deadline has passed */
  public void check() {
    if (passed()) {
      throw exceeded();
    }
  }

  public RunDeadlineExceededException exceeded() {
    return new RunDeadlineExceededException(
        String.format(
            Locale.ROOT,
            "run time limit reached: hvae.max-duration is %s and the run has taken %s; evaluations not"
                + " finished by then end in ERROR and no further model call is made. The report keeps"
                + " everything done so far; raise hvae.max-duration, or run fewer samples, targets or models",
            describe(limit.orElseThrow()),
            describe(Duration.between(start, clock.instant()))));
  }

  /** {@code 90s} as "1m 30s", {@code 500ms} as "0.5s". */
  public static String describe(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 60) {
      double s = d.toMillis() / 1000.0;
      return s == Math.rint(s) ? (long) s + "s" : String.format(Locale.ROOT, "%.1fs", s);
    }
    long minutes = seconds / 60;
    long hours = minutes / 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes % 60, seconds % 60)
        : String.format(Locale.ROOT, "%dm %02ds", minutes, seconds % 60);
  }
}
