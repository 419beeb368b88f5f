package io.github.hvae.internal.run;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.Providers;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.http.EndpointLimits;
import io.github.hvae.internal.http.EndpointPolicy;
import io.github.hvae.internal.http.EndpointStats;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.internal.provider.SettingsContext;
import io.github.hvae.internal.replay.CachingAgent;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.replay.Cassettes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The run's models: one shared agent per model spec (made by its provider on first use, closed at
 * the end of the run), and per evaluation the decorators the configuration asks for (response
 * cache, cassette). Every agent shares the run's per-endpoint limits and token budget.
 */
public final class AgentRegistry implements AutoCloseable {

  private final Configuration configuration;
  private final SettingsContext context;
  private final Map<ModelSpec, ModelAgent> agents = new ConcurrentHashMap<>();
  private final Map<String, ModelAgent> supplied = new ConcurrentHashMap<>();
  // The cassette agents of evaluations not finished yet, by test id: their files lag their journals.
  private final Map<String, List<CassetteAgent>> recording = new ConcurrentHashMap<>();

  public AgentRegistry(
      Configuration configuration, Environment environment, Function<String, Optional<String>> parameters) {
    this.configuration = configuration;
    this.context = new SettingsContext(agentSettings(configuration, environment), parameters);
  }

  /** One settings object for the run, so every agent shares its endpoint limits and budget. */
  public static AgentSettings agentSettings(Configuration configuration, Environment environment) {
    AgentSettings defaults = AgentSettings.defaults(configuration.get(HvaeKeys.SEED));
    return new AgentSettings(
        configuration.find(HvaeKeys.BASE_URL),
        configuration.get(HvaeKeys.SEED),
        defaults.timeouts().withRequestTimeout(configuration.get(HvaeKeys.REQUEST_TIMEOUT)),
        defaults
            .retry()
            .withMaxAttempts(configuration.get(HvaeKeys.MAX_ATTEMPTS))
            .withInitialBackoff(configuration.get(HvaeKeys.RETRY_BACKOFF)),
        environment,
        new EndpointLimits(configuration.get(HvaeKeys.CONCURRENCY), endpointPolicy(configuration)),
        configuration.find(HvaeKeys.MAX_TOKENS_BUDGET).map(TokenBudget::of).orElseGet(TokenBudget::unlimited),
        configuration.get(HvaeKeys.PROMPT_CACHING));
  }

  /**
   * How every endpoint of the run is driven. The initial level is at most the ceiling: the default
   * start of 4 under {@code hvae.concurrency=2} starts at 2 (a start written above the ceiling is
   * refused where the configuration is read).
   */
  static EndpointPolicy endpointPolicy(Configuration configuration) {
    return EndpointPolicy.DEFAULTS
        .withAdaptiveConcurrency(configuration.get(HvaeKeys.ADAPTIVE_CONCURRENCY))
        .withInitialConcurrency(
            Math.min(configuration.get(HvaeKeys.INITIAL_CONCURRENCY), configuration.get(HvaeKeys.CONCURRENCY)))
        .withBreakerCoolDown(configuration.get(HvaeKeys.BREAKER_COOL_DOWN))
        .withMaxBodyBytes(configuration.get(HvaeKeys.MAX_BODY_SIZE));
  }

  /** What providers read: the run's environment and configuration. */
  public SettingsContext context() {
    return context;
  }

  /** Why {@code spec} cannot be called in this run, empty when it can. */
  public Optional<String> unavailableReason(ModelSpec spec) {
    if (configuration.get(HvaeKeys.CASSETTE).servesWithoutNetwork()) {
      return Optional.empty();
    }
    return ModelAgents.unavailableReason(spec, context);
  }

  /**
   * The agent one evaluation talks to: the shared agent of {@code spec}, behind the cache and
   * cassette the configuration asks for. Lazy, so that replay never creates the provider's agent:
   * no key, no client, no network.
   */
  public ModelAgent agentFor(ModelSpec spec, String testId) {
    checkPrice(spec);
    return decorated(spec, testId, () -> agents.computeIfAbsent(spec, s -> ModelAgents.create(s, context)));
  }

  /**
   * The agent one evaluation talks to for a model a test supplies ({@code @HvaeModel}): made once
   * per supplying member from its value (a {@link ModelAgent}, or an object an installed provider
   * adapts), reported under its name, behind the run's concurrency limit and token budget, the cache
   * and the cassette like any other. The value is read only when a call is made, so replay never
   * reads it.
   *
   * @param key identifies the supplying member: the same member is one shared model
   */
  public ModelAgent agentFor(ModelSpec name, String key, Supplier<Object> value, String testId) {
    checkPrice(name);
    return decorated(name, testId, () -> supplied.computeIfAbsent(key, k -> supply(name, k, value.get())));
  }

  /**
   * Reads the model's price, if it has one, before any call is made: a price that does not parse
   * fails the evaluation that would be priced by it, naming the key, not the report at the run's
   * end.
   */
  private void checkPrice(ModelSpec spec) {
    configuration.find(HvaeKeys.PRICE, spec.toString());
  }

  /** What the run saw of each HTTP endpoint so far, for the report. */
  public List<EndpointStats> endpoints() {
    return context.settings().limits().stats();
  }

  private ModelAgent supply(ModelSpec name, String key, Object value) {
    ModelAgent agent;
    if (value instanceof ModelAgent own) {
      agent = own;
    } else {
      ModelProvider provider =
          Providers.adapting(value.getClass())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "@HvaeModel(\"" + name + "\") holds a " + value.getClass().getName()
                              + ", which no installed provider adapts"));
      agent = provider.adapt(name, value, context);
    }
    AgentSettings settings = context.settings();
    return new SuppliedAgent(
        name, agent, settings.limits().forInProcessModel("@HvaeModel " + key), settings.budget());
  }

  private ModelAgent decorated(ModelSpec spec, String testId, Supplier<ModelAgent> shared) {
    // Each provider's own configured base URL: hvae.base-url only for the run's own provider.
    Optional<String> baseUrl = ModelAgents.configuredBaseUrl(spec, context);
    Supplier<ModelAgent> model =
        configuration.get(HvaeKeys.CACHE)
            ? () -> new CachingAgent(spec, baseUrl, configuration.get(HvaeKeys.CACHE_DIR), shared)
            : shared;
    CassetteMode cassette = configuration.get(HvaeKeys.CASSETTE);
    if (cassette == CassetteMode.OFF) {
      return model.get();
    }
    // The journal: one appended line per exchange instead of a rename over the cassette per
    // exchange (0.1 ms a call instead of 0.6, figure 2b); finished() folds it into the file.
    CassetteAgent agent =
        new CassetteAgent(
            spec,
            baseUrl,
            testId,
            Cassettes.fileFor(configuration.get(HvaeKeys.CASSETTE_DIR), spec, testId),
            cassette,
            model,
            CassetteAgent.Writes.JOURNAL);
    recording.computeIfAbsent(testId, t -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(agent);
    return agent;
  }

  /**
   * The evaluation {@code testId} has ended: its cassette files alone now hold its recording
   * (each journal folded into its file and removed), as a reviewer, a commit or the next run's
   * replay expects. Until then every exchange was on disk too, in the file and its journal, which
   * readers apply; a run killed before this leaves both, and {@code auto} completes them.
   */
  public void finished(String testId) {
    List<CassetteAgent> agents = recording.remove(testId);
    if (agents != null) {
      agents.forEach(CassetteAgent::flush);
    }
  }

  @Override
  public void close() {
    // Evaluations that ended without finished() (an interrupted run): their files complete too.
    List.copyOf(recording.keySet()).forEach(this::finished);
    agents.values().forEach(ModelAgent::close);
    supplied.values().forEach(ModelAgent::close);
  }
}
