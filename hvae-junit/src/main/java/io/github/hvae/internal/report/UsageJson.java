package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's JSON of what calls spent and met, for {@link ReportJson}: an evaluation's (and the
 * run's) {@code usage}, and the run's {@code endpoints}. Fields are added, never renamed.
 */
final class UsageJson {

  private UsageJson() {}

  /** {@code usage}: calls, tokens, retries in all and by cause, and the cost (null without a price). */
  static ObjectNode write(ObjectNode usage, Report.Usage u) {
    usage.put("calls", u.calls());
    usage.put("promptTokens", u.promptTokens());
    usage.put("cachedPromptTokens", u.cachedPromptTokens());
    usage.put("completionTokens", u.completionTokens());
    usage.put("estimated", u.estimated());
    usage.put("retries", u.retries());
    ObjectNode byCause = usage.putObject("retriesByCause");
    u.retriesByCause().forEach(byCause::put);
    // Micro-dollars: finer than any bill, and stable across platforms.
    ReportJson.putNumber(usage, "costUsd", u.costUsd(), 6);
    return usage;
  }

  /** An evaluation's {@code usage}; reports written before retries and costs read as none. */
  static Report.Usage read(JsonNode u) {
    Map<String, Integer> retries = new LinkedHashMap<>();
    u.path("retriesByCause").fields().forEachRemaining(f -> retries.put(f.getKey(), f.getValue().asInt()));
    return new Report.Usage(
        u.path("calls").asLong(), u.path("promptTokens").asLong(), u.path("completionTokens").asLong(),
        u.path("estimated").asBoolean(false), u.path("cachedPromptTokens").asLong(0), retries,
        ReportJson.number(u.path("costUsd")));
  }

  /** {@code run.endpoints}: per endpoint, the concurrency reached and the rate limits met. */
  static void writeEndpoints(ArrayNode endpoints, List<Report.Endpoint> all) {
    for (Report.Endpoint e : all) {
      ObjectNode endpoint = endpoints.addObject();
      endpoint.put("endpoint", e.endpoint());
      endpoint.put("ceiling", e.ceiling());
      endpoint.put("adaptive", e.adaptive());
      ObjectNode concurrency = endpoint.putObject("concurrency");
      concurrency.put("start", e.startConcurrency());
      concurrency.put("highest", e.highestConcurrency());
      concurrency.put("lowest", e.lowestConcurrency());
      concurrency.put("last", e.lastConcurrency());
      endpoint.put("requests", e.requests());
      endpoint.put("rateLimited", e.rateLimited());
      endpoint.put("cuts", e.cuts());
      endpoint.put("breakerOpenings", e.breakerOpenings());
    }
  }

  static List<Report.Endpoint> readEndpoints(JsonNode endpoints) {
    List<Report.Endpoint> all = new ArrayList<>();
    for (JsonNode e : endpoints) {
      JsonNode c = e.path("concurrency");
      all.add(
          new Report.Endpoint(
              e.path("endpoint").asText(), e.path("ceiling").asInt(), e.path("adaptive").asBoolean(),
              c.path("start").asInt(), c.path("highest").asInt(), c.path("lowest").asInt(), c.path("last").asInt(),
              e.path("requests").asLong(), e.path("rateLimited").asInt(), e.path("cuts").asInt(),
              e.path("breakerOpenings").asInt()));
    }
    return all;
  }
}
