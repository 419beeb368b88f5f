package io.github.hvae.internal.provider;

import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.http.EndpointLimits;
import io.github.hvae.internal.http.HttpTimeouts;
import io.github.hvae.internal.http.RetryPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ModelAgents#create} needs besides the model spec.
 *
 * <p>{@code limits} and {@code budget} are shared state, not values: every agent made with the same
 * settings shares the per-endpoint concurrency limits and the token budget. Make one settings
 * object per test run.
 *
 * @param baseUrl {@code hvae.base-url}; empty for the provider's own endpoint
 * @param seed seeds the reference respondent
 * @param timeouts per HTTP attempt
 * @param retry retries, backoff and how to wait
 * @param environment where API keys are read from
 * @param limits requests in flight per endpoint ({@code hvae.concurrency}), shared
 * @param budget tokens the run may use ({@code hvae.max-tokens-budget}), shared
 * @param promptCaching mark requests' repeated prefixes for the provider's prompt cache where the
 *     API wants them marked (Anthropic's {@code cache_control}; {@code hvae.prompt-caching})
 */
public record AgentSettings(
    Optional<String> baseUrl,
    long seed,
    HttpTimeouts timeouts,
    RetryPolicy retry,
    Environment environment,
    EndpointLimits limits,
    TokenBudget budget,
    boolean promptCaching) {

  public static final int DEFAULT_CONCURRENCY = 8;

  public AgentSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(budget, "budget");
  }

  /** With prompt caching on, as by default. */
  public AgentSettings(
      Optional<String> baseUrl,
      long seed,
      HttpTimeouts timeouts,
      RetryPolicy retry,
      Environment environment,
      EndpointLimits limits,
      TokenBudget budget) {
    this(baseUrl, seed, timeouts, retry, environment, limits, budget, true);
  }

  /** The provider's own endpoint, keys from the process environment, no budget, fresh limits. */
  public static AgentSettings defaults(long seed) {
    return new AgentSettings(
        Optional.empty(),
        seed,
        HttpTimeouts.DEFAULTS,
        RetryPolicy.DEFAULTS,
        Environment.system(),
        new EndpointLimits(DEFAULT_CONCURRENCY),
        TokenBudget.unlimited(),
        true);
  }

  public AgentSettings withBaseUrl(String baseUrl) {
    return new AgentSettings(
        Optional.of(baseUrl), seed, timeouts, retry, environment, limits, budget, promptCaching);
  }

  public AgentSettings withTimeouts(HttpTimeouts timeouts) {
    return new AgentSettings(baseUrl, seed, timeouts, retry, environment, limits, budget, promptCaching);
  }

  public AgentSettings withRetry(RetryPolicy retry) {
    return new AgentSettings(baseUrl, seed, timeouts, retry, environment, limits, budget, promptCaching);
  }

  public AgentSettings withEnvironment(Environment environment) {
    return new AgentSettings(baseUrl, seed, timeouts, retry, environment, limits, budget, promptCaching);
  }

  /** Fresh limits of at most {@code perEndpoint} requests in flight per endpoint, same policy. */
  public AgentSettings withConcurrency(int perEndpoint) {
    return new AgentSettings(
        baseUrl, seed, timeouts, retry, environment, new EndpointLimits(perEndpoint, limits.policy()), budget,
        promptCaching);
  }

  public AgentSettings withBudget(TokenBudget budget) {
    return new AgentSettings(baseUrl, seed, timeouts, retry, environment, limits, budget, promptCaching);
  }

  public AgentSettings withPromptCaching(boolean on) {
    return new AgentSettings(baseUrl, seed, timeouts, retry, environment, limits, budget, on);
  }
}
