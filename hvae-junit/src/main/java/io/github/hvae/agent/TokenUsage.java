package io.github.hvae.agent;

import java.util.Objects;

/**
 * Tokens of one or more calls, and the retries they needed.
 *
 * <p>Counts are never negative, and sums saturate at {@link Long#MAX_VALUE} instead of wrapping:
 * a server that reports nonsense can spoil its own call's count (providers replace such a count
 * by an estimate), never a run's total.
 *
 * @param promptTokens every prompt token, cached ones included
 * @param completionTokens generated tokens
 * @param estimated true when at least one count was estimated because the server reported no
 *     usable usage
 * @param cachedPromptTokens the part of {@code promptTokens} the provider served from its prompt
 *     cache (OpenAI {@code prompt_tokens_details.cached_tokens}, Anthropic {@code
 *     cache_read_input_tokens}), billed at a lower price; 0 when none or not reported
 * @param retries the retries the calls needed, by cause
 */
public record TokenUsage(
    long promptTokens,
    long completionTokens,
    boolean estimated,
    long cachedPromptTokens,
    RetryCounts retries) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, false);

  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0) {
      throw new IllegalArgumentException(
          "token counts cannot be negative: prompt "
              + promptTokens
              + ", cached "
              + cachedPromptTokens
              + ", completion "
              + completionTokens);
    }
    if (cachedPromptTokens > promptTokens) {
      throw new IllegalArgumentException(
          "cached prompt tokens ("
              + cachedPromptTokens
              + ") are part of the prompt tokens ("
              + promptTokens
              + ") and cannot exceed them");
    }
    Objects.requireNonNull(retries, "retries");
  }

  public TokenUsage(long promptTokens, long completionTokens, boolean estimated) {
    this(promptTokens, completionTokens, estimated, 0, RetryCounts.NONE);
  }

  public static TokenUsage reported(long promptTokens, long completionTokens) {
    return new TokenUsage(promptTokens, completionTokens, false);
  }

  /** As the server reported it, {@code cachedPromptTokens} being part of {@code promptTokens}. */
  public static TokenUsage reported(long promptTokens, long cachedPromptTokens, long completionTokens) {
    return new TokenUsage(promptTokens, completionTokens, false, cachedPromptTokens, RetryCounts.NONE);
  }

  /**
   * An estimate for servers that report no usage: about four characters per token for English
   * text, the rule of thumb OpenAI documents for its tokenizers.
   */
  public static TokenUsage estimate(String prompt, String completion) {
    return new TokenUsage(estimateTokens(prompt), estimateTokens(completion), true);
  }

  public static long estimateTokens(String text) {
    return (text.length() + 3L) / 4;
  }

  /** The same counts with these retries. */
  public TokenUsage withRetries(RetryCounts retries) {
    return new TokenUsage(promptTokens, completionTokens, estimated, cachedPromptTokens, retries);
  }

  public long totalTokens() {
    return saturatingAdd(promptTokens, completionTokens);
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        saturatingAdd(promptTokens, other.promptTokens),
        saturatingAdd(completionTokens, other.completionTokens),
        estimated || other.estimated,
        // Both saturate together only when prompts do, so cached never passes prompt.
        Math.min(
            saturatingAdd(cachedPromptTokens, other.cachedPromptTokens),
            saturatingAdd(promptTokens, other.promptTokens)),
        retries.plus(other.retries));
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    // Both are non-negative, so overflow shows as a negative sum.
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
