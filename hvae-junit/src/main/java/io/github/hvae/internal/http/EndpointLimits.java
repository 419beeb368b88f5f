package io.github.hvae.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ConcurrencyLimit} per endpoint, shared by every agent made with it: two model names on
 * one server share that server's limit. Create one per test run.
 */
public final class EndpointLimits {

  private final int perEndpoint;
  private final Map<String, ConcurrencyLimit> limits = new ConcurrentHashMap<>();

  public EndpointLimits(int perEndpoint) {
    if (perEndpoint < 1) {
      throw new IllegalArgumentException(
          "hvae.concurrency must be at least 1, was " + perEndpoint);
    }
    this.perEndpoint = perEndpoint;
  }

  public int perEndpoint() {
    return perEndpoint;
  }

  /** The limit of the endpoint with this base URL. */
  public ConcurrencyLimit forEndpoint(String baseUrl) {
    return limits.computeIfAbsent(baseUrl, k -> new ConcurrencyLimit(perEndpoint));
  }
}
