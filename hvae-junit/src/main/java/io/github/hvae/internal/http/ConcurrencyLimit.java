package io.github.hvae.internal.http;

import io.github.hvae.agent.ModelException;
import java.util.concurrent.Semaphore;

/**
 * Requests in flight to one endpoint. Fair, so that no sample waits behind later ones; a permit is
 * held for one HTTP attempt only, never while waiting to retry.
 */
public final class ConcurrencyLimit {

  private final Semaphore permits;
  private final int limit;

  public ConcurrencyLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a concurrency limit must be at least 1, was " + limit);
    }
    this.limit = limit;
    this.permits = new Semaphore(limit, true);
  }

  public int limit() {
    return limit;
  }

  /** A held permit; closing it releases it. */
  public Permit acquire() {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting for a free request slot", e);
    }
    return permits::release;
  }

  /** A permit to send one request. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
