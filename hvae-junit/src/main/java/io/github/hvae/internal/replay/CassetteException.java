package io.github.hvae.internal.replay;

import io.github.hvae.agent.ModelException;

/**
 * A cassette cannot answer: the request was not recorded, or differs from the recording, or the
 * file cannot be read. It is a {@link ModelException}, so the evaluation ends as ERROR and the test
 * fails with this message, which names the cassette file, says what differed and how to re-record.
 */
public final class CassetteException extends ModelException {

  private static final long serialVersionUID = 1L;

  CassetteException(String message) {
    super(message);
  }

  CassetteException(String message, Throwable cause) {
    super(message, cause);
  }
}
