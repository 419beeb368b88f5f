package io.github.hvae.agent;

import io.github.hvae.agent.TokenUsage.RetryCounts;
import java.util.Objects;

/**
 * A call to a model failed in a way the protocol cannot count as an answer: bad credentials, an
 * unknown model, retries exhausted, an endpoint that stopped answering, a token budget spent. The
 * message says what happened and what to do; it never contains an API key.
 */
public class ModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RetryCounts retries;

  public ModelException(String message) {
    this(message, RetryCounts.NONE);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
    this.retries = RetryCounts.NONE;
  }

  /** A failure after the call was retried {@code retries} times. */
  public ModelException(String message, RetryCounts retries) {
    super(message);
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** The retries the failed call made before giving up; a usage report counts them too. */
  public RetryCounts retries() {
    return retries;
  }
}
