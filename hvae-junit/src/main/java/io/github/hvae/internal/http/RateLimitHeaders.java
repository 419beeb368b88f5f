package io.github.hvae.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a provider's rate-limit headers say about the next requests: OpenAI's {@code
 * x-ratelimit-remaining-requests|tokens} with {@code x-ratelimit-reset-requests|tokens} (durations
 * such as {@code 1s}, {@code 6m0s}, {@code 20ms}), and Anthropic's {@code
 * anthropic-ratelimit-requests|tokens|input-tokens|output-tokens-remaining} with {@code ...-reset}
 * (RFC 3339 times). Unreadable values are ignored: the headers are advice, the statuses decide.
 *
 * @param remainingRequests requests the server still allows in its window, when it says
 * @param exhaustedUntil when a quota the server reports at 0 refills: no request should be sent
 *     before, it would only be rejected
 */
public record RateLimitHeaders(OptionalLong remainingRequests, Optional<Instant> exhaustedUntil) {

  static final RateLimitHeaders NONE = new RateLimitHeaders(OptionalLong.empty(), Optional.empty());

  private static final String[] OPENAI = {"requests", "tokens"};
  private static final String[] ANTHROPIC = {"requests", "tokens", "input-tokens", "output-tokens"};
  private static final Pattern GO_DURATION =
      Pattern.compile("(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+(?:\\.\\d+)?)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+(?:\\.\\d+)?)ms)?");

  /** Reads the headers of one response; {@code header} looks a name up, null when absent. */
  public static RateLimitHeaders read(Function<String, String> header, Instant now) {
    OptionalLong requests = OptionalLong.empty();
    Instant until = null;
    for (String kind : OPENAI) {
      OptionalLong remaining = number(header.apply("x-ratelimit-remaining-" + kind));
      if (kind.equals("requests")) {
        requests = remaining;
      }
      if (remaining.isPresent() && remaining.getAsLong() <= 0) {
        Optional<Duration> reset = goDuration(header.apply("x-ratelimit-reset-" + kind));
        if (reset.isPresent()) {
          until = later(until, now.plus(reset.get()));
        }
      }
    }
    for (String kind : ANTHROPIC) {
      OptionalLong remaining = number(header.apply("anthropic-ratelimit-" + kind + "-remaining"));
      if (kind.equals("requests") && remaining.isPresent()) {
        requests = remaining;
      }
      if (remaining.isPresent() && remaining.getAsLong() <= 0) {
        Optional<Instant> reset = instant(header.apply("anthropic-ratelimit-" + kind + "-reset"));
        if (reset.isPresent() && reset.get().isAfter(now)) {
          until = later(until, reset.get());
        }
      }
    }
    if (requests.isEmpty() && until == null) {
      return NONE;
    }
    return new RateLimitHeaders(requests, Optional.ofNullable(until));
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static OptionalLong number(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A Go-style duration as OpenAI sends it: {@code 1s}, {@code 6m0s}, {@code 1h2m3.5s}, {@code 20ms}. */
  static Optional<Duration> goDuration(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher m = GO_DURATION.matcher(value.strip());
    if (!m.matches() || value.strip().isEmpty()) {
      return Optional.empty();
    }
    double seconds = 0;
    boolean any = false;
    double[] scale = {3600, 60, 1, 0.001};
    for (int group = 1; group <= 4; group++) {
      if (m.group(group) != null) {
        seconds += Double.parseDouble(m.group(group)) * scale[group - 1];
        any = true;
      }
    }
    return any ? Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000))) : Optional.empty();
  }

  private static Optional<Instant> instant(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
