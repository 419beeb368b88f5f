package io.github.hvae.internal.accounting;

import io.github.hvae.agent.TokenUsage;
import java.util.Locale;

/**
 * What a model's tokens cost, in US dollars per million tokens, as {@code
 * hvae.price.<model spec>=<input>,<output>[,<cached input>]} gives it. The library ships no prices:
 * providers change them, and a stale built-in price would be a wrong number in every report.
 *
 * @param input per million prompt tokens not served from the prompt cache
 * @param output per million completion tokens
 * @param cachedInput per million prompt tokens served from the prompt cache (OpenAI's cached
 *     input, Anthropic's cache reads); the input price when the key gives none, so that a
 *     provider without a discount is never under-counted
 */
public record Price(double input, double output, double cachedInput) {

  /** Far above any model's list price: a larger figure is a unit mistake (per token, per 1k). */
  public static final double MAX_PER_MILLION = 10_000;

  public Price {
    for (double value : new double[] {input, output, cachedInput}) {
      if (!Double.isFinite(value) || value < 0 || value > MAX_PER_MILLION) {
        throw new IllegalArgumentException(
            "a price is US dollars per million tokens, from 0 to " + (long) MAX_PER_MILLION);
      }
    }
  }

  /**
   * {@code "0.15,0.60"} or {@code "0.15,0.60,0.075"}: input, output, and cached input.
   *
   * @throws IllegalArgumentException with a short reason
   */
  public static Price parse(String text) {
    if (text.contains("=") || text.contains(":")) {
      // "hvae.price.openai:gpt-4o-mini=0.15,0.60" in a .properties file splits at the colon:
      // the key becomes hvae.price.openai and the value the rest.
      throw new IllegalArgumentException(
          "a price holds only numbers; in junit-platform.properties escape the colon of the model"
              + " spec in the key: hvae.price.openai\\:gpt-4o-mini=0.15,0.60");
    }
    String[] parts = text.split(",", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("give two or three numbers: input, output[, cached input]");
    }
    double input = number(parts[0]);
    double output = number(parts[1]);
    return new Price(input, output, parts.length == 3 ? number(parts[2]) : input);
  }

  private static double number(String part) {
    String text = part.strip();
    if (text.startsWith("$")) {
      text = text.substring(1).strip();
    }
    if (!text.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
      throw new IllegalArgumentException("'" + part.strip() + "' is not a price in US dollars per million tokens");
    }
    return Double.parseDouble(text);
  }

  /**
   * What {@code usage} costs: uncached prompt tokens at the input price, cached ones at the cached
   * price, completion tokens at the output price. Anthropic bills a prompt-cache write at 1.25
   * times the input price; the counts providers return do not separate writes from other input in
   * {@link TokenUsage}, so writes are counted at the input price.
   */
  public double costUsd(TokenUsage usage) {
    long uncached = usage.promptTokens() - usage.cachedPromptTokens();
    return (uncached * input + usage.cachedPromptTokens() * cachedInput + usage.completionTokens() * output) / 1e6;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "$%s in, $%s cached in, $%s out per million tokens", input, cachedInput, output);
  }
}
