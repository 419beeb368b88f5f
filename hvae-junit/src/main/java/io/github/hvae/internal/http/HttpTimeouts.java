package io.github.hvae.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of one HTTP attempt.
 *
 * @param connect to open a connection
 * @param read between two reads of the response; a non-streaming server sends nothing until it has
 *     generated the whole answer, so this must cover a slow model's generation
 * @param call the whole attempt, from sending the request to the end of the body
 */
public record HttpTimeouts(Duration connect, Duration read, Duration call) {

  public static final HttpTimeouts DEFAULTS =
      new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(120));

  public HttpTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(call, "call");
  }

  /** Read and whole-call timeout both {@code timeout}, the connect timeout unchanged. */
  public HttpTimeouts withRequestTimeout(Duration timeout) {
    return new HttpTimeouts(connect, timeout, timeout);
  }
}
