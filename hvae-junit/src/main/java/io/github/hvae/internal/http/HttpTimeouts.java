package io.github.hvae.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of one HTTP attempt.
 *
 * <p>Each is at least {@link #MIN} and at most {@link #MAX}. OkHttp reads a timeout of 0 as "no
 * timeout", and turns a {@link Duration} into whole milliseconds first, so {@code 0s}, {@code
 * PT0S} and {@code 0.0001s} would all have meant waiting forever on a hung server; they are
 * refused here instead.
 *
 * @param connect to open a connection
 * @param read between two reads of the response; a non-streaming server sends nothing until it has
 *     generated the whole answer, so this must cover a slow model's generation
 * @param call the whole attempt, from sending the request to the end of the body
 */
public record HttpTimeouts(Duration connect, Duration read, Duration call) {

  /** The shortest timeout: a millisecond, the unit OkHttp counts in. */
  public static final Duration MIN = Duration.ofMillis(1);

  /** The longest timeout OkHttp accepts (its milliseconds are an {@code int}), about 24 days. */
  public static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

  public static final HttpTimeouts DEFAULTS =
      new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(120));

  public HttpTimeouts {
    check("connect", connect);
    check("read", read);
    check("call", call);
  }

  private static void check(String which, Duration timeout) {
    Objects.requireNonNull(timeout, which);
    if (timeout.compareTo(MIN) < 0 || timeout.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "the "
              + which
              + " timeout must be between 1 ms and "
              + MAX.toDays()
              + " days, was "
              + timeout
              + (timeout.compareTo(MIN) < 0
                  ? " (the HTTP client would read it as no timeout at all)"
                  : ""));
    }
  }

  /** Read and whole-call timeout both {@code timeout}, the connect timeout unchanged. */
  public HttpTimeouts withRequestTimeout(Duration timeout) {
    return new HttpTimeouts(connect, timeout, timeout);
  }
}
