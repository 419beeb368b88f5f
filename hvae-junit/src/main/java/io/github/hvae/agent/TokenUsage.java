package io.github.hvae.agent;

/**
 * Tokens of one or more calls.
 *
 * @param estimated true when at least one count was estimated because the server reported no
 *     usage
 */
public record TokenUsage(long promptTokens, long completionTokens, boolean estimated) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, false);

  public static TokenUsage reported(long promptTokens, long completionTokens) {
    return new TokenUsage(promptTokens, completionTokens, false);
  }

  /**
   * An estimate for servers that report no usage: about four characters per token for English
   * text, the rule of thumb OpenAI documents for its tokenizers.
   */
  public static TokenUsage estimate(String prompt, String completion) {
    return new TokenUsage(estimateTokens(prompt), estimateTokens(completion), true);
  }

  public static long estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        estimated || other.estimated);
  }
}
