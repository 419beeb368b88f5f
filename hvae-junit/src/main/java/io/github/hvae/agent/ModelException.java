package io.github.hvae.agent;

/**
 * A call to a model failed in a way the protocol cannot count as an answer: bad credentials, an
 * unknown model, retries exhausted, a token budget spent. The message says what happened and what
 * to do; it never contains an API key.
 */
public class ModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
