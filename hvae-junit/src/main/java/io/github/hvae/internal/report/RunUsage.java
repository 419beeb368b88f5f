package io.github.hvae.internal.report;

import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.text.Numbers;
import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a whole report's evaluations spent together, the run's {@code usage} in every format and
 * on the console; and how its endpoints are described there. The cost adds up the evaluations that have one; the models of those that have
 * none are named, so a total never passes for complete when it is not.
 *
 * @param total every evaluation's usage added up; {@code costUsd} empty when none had a price
 * @param unpricedModels models that talked to a model (not simulated) and have no price
 */
public record RunUsage(Report.Usage total, List<String> unpricedModels) {

  public RunUsage {
    unpricedModels = List.copyOf(unpricedModels);
  }

  public static RunUsage of(List<Report.Evaluation> evaluations) {
    long calls = 0;
    long prompt = 0;
    long cached = 0;
    long completion = 0;
    boolean estimated = false;
    Map<String, Integer> retries = new TreeMap<>();
    double cost = 0;
    boolean priced = false;
    Set<String> unpriced = new LinkedHashSet<>();
    for (Report.Evaluation e : evaluations) {
      Report.Usage u = e.usage();
      calls += u.calls();
      prompt += u.promptTokens();
      cached += u.cachedPromptTokens();
      completion += u.completionTokens();
      estimated |= u.estimated();
      u.retriesByCause().forEach((cause, n) -> retries.merge(cause, n, Integer::sum));
      if (u.costUsd().isPresent()) {
        cost += u.costUsd().getAsDouble();
        priced = true;
      } else if (!e.simulated() && u.calls() > 0) {
        unpriced.add(e.model());
      }
    }
    return new RunUsage(
        new Report.Usage(
            calls, prompt, completion, estimated, cached, retries,
            priced ? OptionalDouble.of(cost) : OptionalDouble.empty()),
        new ArrayList<>(unpriced));
  }

  /**
   * One line for people: {@code 160 calls, 1.20M prompt tokens (412.0k cached), 20.3k completion
   * tokens; cost $1.23 (openai:x has no hvae.price.openai:x, not counted); 5 retries: 429 ×5}.
   */
  public String describe() {
    StringBuilder line = new StringBuilder();
    line.append(total.calls()).append(total.calls() == 1 ? " call, " : " calls, ")
        .append(Numbers.tokens(total.promptTokens())).append(" prompt tokens");
    if (total.cachedPromptTokens() > 0) {
      line.append(" (").append(Numbers.tokens(total.cachedPromptTokens())).append(" cached)");
    }
    line.append(", ").append(Numbers.tokens(total.completionTokens())).append(" completion tokens");
    if (total.estimated()) {
      line.append(" (some estimated)");
    }
    cost().ifPresent(c -> line.append("; cost ").append(c));
    if (total.retries() > 0) {
      line.append("; ").append(retries(total));
    }
    return line.toString();
  }

  /** {@code $1.23}, with the models it leaves out; empty when no evaluation had a price. */
  public java.util.Optional<String> cost() {
    if (total.costUsd().isEmpty()) {
      return java.util.Optional.empty();
    }
    String cost = Numbers.dollars(total.costUsd().getAsDouble());
    if (!unpricedModels.isEmpty()) {
      cost += " (not counted: " + String.join(", ", unpricedModels) + ", without hvae.price)";
    }
    return java.util.Optional.of(cost);
  }

  /** {@code 3 retries: 429 ×2, 503 ×1}, as {@link TokenUsage.RetryCounts} writes them. */
  public static String retries(Report.Usage usage) {
    return new TokenUsage.RetryCounts(new TreeMap<>(usage.retriesByCause())).toString();
  }

  /**
   * {@code http://localhost:8080/v1: concurrency 4 → 16 (last 8, ceiling 64, adaptive); 48 of 1072
   * requests refused for their rate, 38 cuts}.
   */
  public static String describe(Report.Endpoint e) {
    StringBuilder line = new StringBuilder(e.endpoint()).append(": concurrency ");
    if (e.adaptive()) {
      line.append(e.startConcurrency()).append(" \u2192 ").append(e.highestConcurrency())
          .append(" (last ").append(e.lastConcurrency()).append(", ceiling ").append(e.ceiling()).append(", adaptive)");
    } else {
      line.append(e.ceiling()).append(" (fixed)");
    }
    line.append("; ").append(e.rateLimited()).append(" of ").append(e.requests())
        .append(" requests refused for their rate");
    if (e.cuts() > 0) {
      line.append(", ").append(e.cuts()).append(e.cuts() == 1 ? " cut" : " cuts");
    }
    if (e.breakerOpenings() > 0) {
      line.append("; stopped answering ").append(e.breakerOpenings())
          .append(e.breakerOpenings() == 1 ? " time" : " times");
    }
    return line.toString();
  }
}
