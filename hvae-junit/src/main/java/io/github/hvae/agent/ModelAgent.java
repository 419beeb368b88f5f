package io.github.hvae.agent;

/**
 * A chat model: messages in, reply text and token usage out. Implementations are thread-safe:
 * the samples of an evaluation call one agent concurrently. Providers live in sub-packages
 * ({@code openai}, {@code anthropic}, {@code reference}); retries, timeouts and the per-endpoint
 * concurrency limit belong to their HTTP client ({@code resilience}); the token budget ({@code
 * accounting}) and replay wrap an agent as decorators.
 */
public interface ModelAgent extends AutoCloseable {

  /** The model this agent talks to. */
  ModelSpec spec();

  /**
   * The model's next message. Bad model output (refusals, garbage, a truncated or filtered reply)
   * is a {@link ModelReply} with its {@link ModelReply.Outcome}; only failures that no answer can
   * come from throw.
   *
   * @throws ModelException when no reply can be had (credentials, unknown model, retries spent)
   */
  ModelReply chat(ChatRequest request);

  /** True for simulated respondents, whose results every report labels as simulated. */
  default boolean isSimulated() {
    return false;
  }

  @Override
  default void close() {}
}
