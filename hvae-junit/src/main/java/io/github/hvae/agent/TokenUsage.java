package io.github.hvae.agent;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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

  /**
   * How many times calls were retried, by cause: {@code "429"}, {@code "503"}, {@code "timeout"},
   * {@code "connection"}, {@code "truncated body"}, {@code "malformed JSON"}, {@code "body too
   * large"}... A retry is an attempt after the first; a call answered at its first attempt has none.
   * Counts add up over calls, so an evaluation's usage says what its calls met.
   *
   * @param byCause retries per cause, in the causes' natural order
   */
  public record RetryCounts(SortedMap<String, Integer> byCause) {

    public static final RetryCounts NONE = new RetryCounts(new TreeMap<>());

    public RetryCounts {
      Objects.requireNonNull(byCause, "byCause");
      TreeMap<String, Integer> copy = new TreeMap<>();
      for (Map.Entry<String, Integer> e : byCause.entrySet()) {
        int count = Objects.requireNonNull(e.getValue(), "count");
        if (count < 0) {
          throw new IllegalArgumentException("a retry count cannot be negative: " + e);
        }
        if (count > 0) {
          copy.put(Objects.requireNonNull(e.getKey(), "cause"), count);
        }
      }
      byCause = Collections.unmodifiableSortedMap(copy);
    }

    /** One retry for {@code cause}. */
    public static RetryCounts of(String cause) {
      return new RetryCounts(new TreeMap<>(Map.of(cause, 1)));
    }

    public RetryCounts plus(RetryCounts other) {
      if (other.byCause.isEmpty()) {
        return this;
      }
      if (byCause.isEmpty()) {
        return other;
      }
      TreeMap<String, Integer> sum = new TreeMap<>(byCause);
      // Saturating: counts are reported, never wrapped into negatives.
      other.byCause.forEach((cause, n) -> sum.merge(cause, n, RetryCounts::saturatingAdd));
      return new RetryCounts(sum);
    }

    public RetryCounts plus(String cause) {
      return plus(of(cause));
    }

    /** All retries together. */
    public int total() {
      return byCause.values().stream().reduce(0, RetryCounts::saturatingAdd);
    }

    public boolean isEmpty() {
      return byCause.isEmpty();
    }

    /** {@code "3 retries: 429 ×2, 503 ×1"}, or {@code "no retries"}: one line for a console. */
    @Override
    public String toString() {
      if (byCause.isEmpty()) {
        return "no retries";
      }
      StringBuilder out = new StringBuilder();
      int total = total();
      out.append(total).append(total == 1 ? " retry: " : " retries: ");
      String separator = "";
      for (Map.Entry<String, Integer> e : byCause.entrySet()) {
        out.append(separator).append(e.getKey()).append(" \u00d7").append(e.getValue());
        separator = ", ";
      }
      return out.toString();
    }

    private static int saturatingAdd(int a, int b) {
      long sum = (long) a + b;
      return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
    }
  }
}
