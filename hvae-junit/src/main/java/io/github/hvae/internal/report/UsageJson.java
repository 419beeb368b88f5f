package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

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

  /**
   * An evaluation's {@code usage}, as strictly as {@link ReportJsonReader} reads the rest: reports
   * written before retries and costs read as none.
   */
  static Report.Usage read(JsonNode u) {
    Map<String, Integer> retries = new LinkedHashMap<>();
    JsonNode byCause = ReportJsonReader.object(u, "retriesByCause", "usage");
    byCause.fieldNames().forEachRemaining(
        cause -> retries.put(cause, ReportJsonReader.count(byCause, cause, "usage.retriesByCause", 0)));
    OptionalDouble cost = ReportJsonReader.optionalFinite(u, "costUsd", "usage");
    if (cost.isPresent() && cost.getAsDouble() < 0) {
      throw new IllegalArgumentException("\"usage.costUsd\" is " + cost.getAsDouble() + ", expected a number from 0");
    }
    return new Report.Usage(
        ReportJsonReader.amount(u, "calls", "usage"), ReportJsonReader.amount(u, "promptTokens", "usage"),
        ReportJsonReader.amount(u, "completionTokens", "usage"), ReportJsonReader.bool(u, "estimated", "usage", false),
        ReportJsonReader.amount(u, "cachedPromptTokens", "usage"), retries, cost);
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

  /** {@code run.endpoints}, read strictly; {@code path} names it in messages. */
  static List<Report.Endpoint> readEndpoints(Iterable<JsonNode> endpoints, String path) {
    List<Report.Endpoint> all = new ArrayList<>();
    int index = 0;
    for (JsonNode e : endpoints) {
      String at = path + "[" + index++ + "]";
      if (!e.isObject()) {
        throw new IllegalArgumentException("\"" + at + "\" is not an object");
      }
      JsonNode c = ReportJsonReader.object(e, "concurrency", at);
      String in = at + ".concurrency";
      all.add(
          new Report.Endpoint(
              ReportJsonReader.optionalText(e, "endpoint", at).orElse(""), ReportJsonReader.count(e, "ceiling", at, 0),
              ReportJsonReader.bool(e, "adaptive", at, false), ReportJsonReader.count(c, "start", in, 0),
              ReportJsonReader.count(c, "highest", in, 0), ReportJsonReader.count(c, "lowest", in, 0),
              ReportJsonReader.count(c, "last", in, 0), ReportJsonReader.amount(e, "requests", at),
              ReportJsonReader.count(e, "rateLimited", at, 0), ReportJsonReader.count(e, "cuts", at, 0),
              ReportJsonReader.count(e, "breakerOpenings", at, 0)));
    }
    return all;
  }
}
