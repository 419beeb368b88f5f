package io.github.hvae.agent;

import java.util.Optional;

/**
 * <b>Service interface</b>: a source of models under test. A provider turns a model spec {@code
 * <name>:<model>} into a {@link ModelAgent} (the built-in {@code openai}, {@code anthropic}, {@code
 * ollama} and {@code reference} providers), and may also turn objects a test hands in with {@code
 * @HvaeModel} into agents (the LangChain4j and Spring AI adapters). Register an implementation with
 * one line in {@code META-INF/services/io.github.hvae.agent.ModelProvider}; the built-ins are
 * registered the same way.
 *
 * <p>Implementations are stateless and thread-safe; the agents they make are called concurrently.
 */
public interface ModelProvider {

  /** The spec prefix this provider serves: {@code openai} in {@code openai:gpt-4o-mini}. */
  String name();

  /** How a spec for this provider is written, for messages: {@code openai:<model>}. */
  default String specForm() {
    return name() + ":<model>";
  }

  /**
   * Why {@code spec} cannot be served here, empty when it can: a missing API key, say. Called at
   * discovery for every test that would use the model; tests whose model is unavailable are
   * reported as disabled with this reason. Must not touch the network.
   */
  default Optional<String> unavailableReason(ModelSpec spec, Context context) {
    return Optional.empty();
  }

  /**
   * The agent for {@code spec}. Called once per spec and run; the agent is shared by every
   * evaluation of the run and closed at its end.
   *
   * @throws ModelException when the model cannot be reached as configured
   * @throws IllegalArgumentException for a spec or setting this provider cannot use, with a
   *     message that says what to write
   */
  ModelAgent create(ModelSpec spec, Context context);

  /** True when this provider turns objects of {@code type}, handed in by {@code @HvaeModel}, into agents. */
  default boolean adapts(Class<?> type) {
    return false;
  }

  /**
   * The agent for a model object handed in under {@code name}: called only for a type {@link
   * #adapts} accepts.
   */
  default ModelAgent adapt(ModelSpec name, Object model, Context context) {
    throw new UnsupportedOperationException(name() + " adapts no model objects");
  }

  /**
   * What a provider may read while making an agent: environment variables (where API
   * keys come from, and nowhere else) and configuration parameters, both of the run.
   */
  interface Context {

    /** An environment variable of the run; empty when unset or blank. Keys are read only from here. */
    Optional<String> environmentVariable(String name);

    /** A configuration parameter of the run (e.g. {@code hvae.base-url}); empty when unset or blank. */
    Optional<String> parameter(String key);

    /** The run's seed ({@code hvae.seed}), for providers that simulate or sample. */
    long seed();
  }
}
