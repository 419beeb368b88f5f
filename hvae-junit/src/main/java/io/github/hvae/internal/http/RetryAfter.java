package io.github.hvae.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait the header asks for; empty when absent or unreadable. A past date means now. */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      // Some servers send fractions of a second although the RFC does not allow them.
      try {
        double seconds = Double.parseDouble(value);
        if (seconds >= 0 && Double.isFinite(seconds)) {
          return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
      } catch (NumberFormatException notDecimal) {
        // an HTTP-date, below
      }
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), date.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
