package io.github.hvae.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/** How one HTTP attempt of a {@link ResilientJsonClient} call went. */
sealed interface Attempt {

  /** An answer of the API's shape, scrubbed of the key. */
  record Success(JsonNode json) implements Attempt {}

  /**
   * Worth another attempt.
   *
   * @param cause the retry's cause as counted: the status, {@code timeout}, {@code connection}...
   * @param reason what happened, for messages
   * @param retryAfter the server's {@code Retry-After}, if it sent one
   * @param advice what the user can do if every attempt ends like this
   * @param unreachable a connection failure or timeout: the endpoint said nothing at all
   */
  record Retry(
      String cause, String reason, Optional<Duration> retryAfter, String advice, boolean unreachable)
      implements Attempt {
    static Retry of(String cause, String reason, String advice) {
      return new Retry(cause, reason, Optional.empty(), advice, false);
    }
  }

  /** No retry can help: the message says what happened and what to do. */
  record Fatal(String message) implements Attempt {}

  /** Not sent: the endpoint's breaker opened while this call waited. */
  record Refused() implements Attempt {}
}
