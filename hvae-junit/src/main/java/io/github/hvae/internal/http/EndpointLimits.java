package io.github.hvae.internal.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * One {@link ConcurrencyLimit} per endpoint, shared by every agent made with it: two model names on
 * one server share that server's limit, level, circuit breaker and statistics. Create one per
 * test run.
 */
public final class EndpointLimits {

  private final int perEndpoint;
  private final EndpointPolicy policy;
  private final Map<String, ConcurrencyLimit> limits = new ConcurrentHashMap<>();
  private final Map<String, ConcurrencyLimit> inProcess = new ConcurrentHashMap<>();

  /** Ceiling {@code perEndpoint} ({@code hvae.concurrency}), with the default policy. */
  public EndpointLimits(int perEndpoint) {
    this(perEndpoint, EndpointPolicy.DEFAULTS);
  }

  public EndpointLimits(int perEndpoint, EndpointPolicy policy) {
    if (perEndpoint < 1) {
      throw new IllegalArgumentException(
          "hvae.concurrency must be at least 1, was " + perEndpoint);
    }
    this.perEndpoint = perEndpoint;
    this.policy = policy;
  }

  public int perEndpoint() {
    return perEndpoint;
  }

  public EndpointPolicy policy() {
    return policy;
  }

  /** The limit of the endpoint with this base URL. */
  public ConcurrencyLimit forEndpoint(String baseUrl) {
    return limits.computeIfAbsent(
        baseUrl, k -> new ConcurrencyLimit(perEndpoint, policy, shown(baseUrl)));
  }

  /**
   * The limit of a model that runs in the test's own process (a model a test supplies): the
   * ceiling itself, since such a model never answers 429 or {@code Retry-After} to learn from (an
   * adaptive level would stay at its start). Not an endpoint: not in {@link #stats()}.
   *
   * @param key identifies the model
   */
  public ConcurrencyLimit forInProcessModel(String key) {
    return inProcess.computeIfAbsent(
        key, k -> new ConcurrencyLimit(perEndpoint, policy.withAdaptiveConcurrency(false), k));
  }

  /** Every endpoint called so far, with what it saw; for the run's report. */
  public List<EndpointStats> stats() {
    return limits.values().stream()
        .map(ConcurrencyLimit::stats)
        .sorted(java.util.Comparator.comparing(EndpointStats::endpoint))
        .toList();
  }

  private static String shown(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    return url == null ? "(unreadable URL)" : Redaction.show(url);
  }
}
