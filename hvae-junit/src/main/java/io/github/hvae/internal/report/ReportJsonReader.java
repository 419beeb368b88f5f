package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.text.Numbers;
import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.report.Report;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a report's JSON ({@link ReportJson#fromJson}), which a merge, a check or a bless may be
 * handed from anywhere (a CI job's artifact, a hand-edited file): it takes only what a report can
 * hold — counts that are whole and not negative, value rationality, thresholds and tolerances in
 * [0, 1], finite numbers, a known verdict, text where text belongs — and refuses anything else
 * naming the source, the evaluation and the field. A field that is absent (a report of an older
 * version) gets its old default; fields it does not know are left alone (a newer version's).
 */
final class ReportJsonReader {

  private ReportJsonReader() {}

  /** A report from its JSON; {@code source} names it in messages. */
  static Report report(JsonNode node, String source) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          source + " is not an HVAE report: expected a JSON object with \"schema\": \"" + Report.SCHEMA + "\"");
    }
    String schema = node.path("schema").asText("<none>");
    if (!Report.SCHEMA.equals(schema)) {
      throw new IllegalArgumentException(
          source + " has schema '" + schema + "', this version reads '" + Report.SCHEMA
              + "'; regenerate the report with a matching hvae-junit version");
    }
    if (!node.path("evaluations").isArray()) {
      throw new IllegalArgumentException(source + " has no \"evaluations\" array; it is not a complete HVAE report");
    }
    String where = "run";
    try {
      Report.Run run = readRun(node.path("run"), true, "run");
      List<Report.Evaluation> evaluations = new ArrayList<>();
      int index = 0;
      for (JsonNode e : node.path("evaluations")) {
        index++;
        where = "evaluation " + index + describe(e);
        evaluations.add(readEvaluation(e));
      }
      return new Report(run, evaluations);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          source + " is not a valid HVAE report: " + VisibleText.of(where + ": " + e.getMessage())
              + ". Reports are written by hvae-junit; regenerate this one by running the tests again,"
              + " or leave the file out",
          e);
    }
  }

  /** " (test on model)" for a message, as far as the entry tells. */
  private static String describe(JsonNode e) {
    String test = e.path("test").isTextual() ? e.path("test").asText() : "";
    String model = e.path("model").isTextual() ? e.path("model").asText() : "";
    if (test.isEmpty()) {
      return "";
    }
    String shown = test.length() > 200 ? test.substring(0, 200) + "..." : test;
    return " (" + shown + (model.isEmpty() ? "" : " on " + (model.length() > 200 ? model.substring(0, 200) + "..." : model)) + ")";
  }

  /** The verdicts a report may hold; anything else is not a report this library wrote. */
  private static final Set<String> VERDICTS = Set.of("PASSED", "FAILED", "ERROR", "DISABLED");

  /** No run comes near this many calls or tokens; beyond it, sums over merged reports could overflow. */
  static final long MAX_AMOUNT = 1_000_000_000_000_000L;

  private static Report.Run readRun(JsonNode run, boolean withShards, String path) {
    if (!run.isMissingNode() && !run.isObject()) {
      throw new IllegalArgumentException("\"" + path + "\" is not an object");
    }
    List<String> models = new ArrayList<>();
    for (JsonNode m : array(run, "models", path)) {
      models.add(textValue(m, path + ".models[]"));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    JsonNode s = run.path("settings");
    if (!s.isMissingNode() && !s.isObject()) {
      throw new IllegalArgumentException("\"" + path + ".settings\" is not an object");
    }
    s.fields().forEachRemaining(f -> settings.put(f.getKey(), plain(f.getValue())));
    JsonNode b = run.path("baseline");
    Optional<Report.BaselineRef> baseline =
        b.isObject()
            ? Optional.of(new Report.BaselineRef(
                optionalText(b, "path", path + ".baseline").orElse(""), share(b, "tolerance", path + ".baseline", 0.0)))
            : Optional.empty();
    List<Report.Shard> shards = new ArrayList<>();
    if (withShards) {
      int index = 0;
      for (JsonNode shard : array(run, "shards", path)) {
        String shardPath = path + ".shards[" + index++ + "]";
        shards.add(new Report.Shard(optionalText(shard, "source", shardPath).orElse(""), readRun(shard, false, shardPath)));
      }
    }
    Instant started = instant(run.path("startedAt"), path + ".startedAt");
    Instant finished = run.path("finishedAt").isMissingNode() ? started : instant(run.path("finishedAt"), path + ".finishedAt");
    if (finished.isBefore(started)) {
      throw new IllegalArgumentException("\"" + path + ".finishedAt\" " + finished + " is before \"startedAt\" " + started);
    }
    return new Report.Run(
        optionalText(run, "hvaeVersion", path).orElse("unknown"), models, settings, started, finished, baseline, shards,
        UsageJson.readEndpoints(array(run, "endpoints", path), path + ".endpoints"));
  }

  private static Report.Evaluation readEvaluation(JsonNode e) {
    if (!e.isObject()) {
      throw new IllegalArgumentException("it is not a JSON object");
    }
    String test = required(e, "test");
    String model = required(e, "model");
    String verdict = required(e, "verdict");
    if (!VERDICTS.contains(verdict)) {
      throw new IllegalArgumentException(
          "\"verdict\" is '" + shorten(verdict) + "', not one of PASSED, FAILED, ERROR, DISABLED");
    }
    JsonNode t = object(e, "target", "");
    Optional<String> value = optionalText(t, "value", "target");
    // A value profile has no angle: null, read as NaN; reports of older versions always have one.
    double angle = t.path("angle").isNull() ? Double.NaN : finite(t, "angle", "target", 0.0);
    String label = optionalText(t, "label", "target").orElseGet(() -> value.orElseGet(() -> Numbers.compact(angle) + "°"));
    Report.TargetInfo target =
        new Report.TargetInfo(value, angle, label, optionalText(t, "category", "target"), optionalFinite(e, "idealAngle", ""));
    JsonNode vr = e.path("valueRationality");
    JsonNode interval = object(e, "interval", "");
    Report.Measurement measured =
        new Report.Measurement(
            estimate(e, "angle", "", false),
            optionalText(e, "category", ""),
            estimate(e, "valueRationality", "", true),
            vr.isObject() ? optionalText(vr, "definition", "valueRationality").orElse("mean-angle") : "mean-angle",
            optionalFinite(e, "angularError", ""),
            optionalText(interval, "method", "interval").orElse("student-t"),
            share(interval, "confidence", "interval", 0.95),
            consistency(e.path("consistency")));
    JsonNode s = object(e, "samples", "");
    List<OptionalDouble> angles = new ArrayList<>();
    for (JsonNode a : array(s, "angles", "samples")) {
      if (a.isNull()) {
        angles.add(OptionalDouble.empty());
      } else if (a.isNumber() && Double.isFinite(a.asDouble())) {
        angles.add(OptionalDouble.of(a.asDouble()));
      } else {
        throw new IllegalArgumentException("\"samples.angles\" holds " + shorten(a.toString()) + ", expected numbers or null");
      }
    }
    int requested = count(s, "requested", "samples", 0);
    // Reports written before sequential sampling have no "run": they ran exactly the requested.
    int run = count(s, "run", "samples", requested);
    int completed = count(s, "completed", "samples", 0);
    if (completed > run) {
      throw new IllegalArgumentException("\"samples.completed\" is " + completed + ", more than the " + run + " samples run");
    }
    Report.Samples samples = new Report.Samples(requested, completed, run, count(s, "cap", "samples", run), angles);
    JsonNode a = object(e, "answers", "");
    Report.Answers answers =
        new Report.Answers(
            count(a, "parsed", "answers", 0), count(a, "refusals", "answers", 0), count(a, "unparseable", "answers", 0),
            count(a, "reasked", "answers", 0), count(a, "extracted", "answers", 0));
    Report.Usage usage = UsageJson.read(object(e, "usage", ""));
    return new Report.Evaluation(
        test,
        model,
        bool(e, "simulated", "", false),
        optionalText(e, "instrument", "").orElse("svo-slider"),
        target,
        measured,
        share(e, "threshold", "", 0.0),
        verdict,
        optionalText(e, "reason", "").orElse(""),
        samples,
        answers,
        usage,
        amount(e, "durationMs", ""),
        transcript(e.path("transcript")),
        baselineDelta(e.path("baseline")),
        ProfileJson.read(object(e, "profile", "")));
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("it has no \"" + field + "\" text");
    }
    return value.asText();
  }

  static String name(String path, String field) {
    return "\"" + (path.isEmpty() ? field : path + "." + field) + "\"";
  }

  /** An object field; missing or null reads as an empty one, anything else is refused. */
  static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return MissingNode.getInstance();
    }
    if (!value.isObject()) {
      throw new IllegalArgumentException(name(path, field) + " is " + shorten(value.toString()) + ", expected an object");
    }
    return value;
  }

  static Iterable<JsonNode> array(JsonNode parent, String field, String path) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(name(path, field) + " is " + shorten(value.toString()) + ", expected an array");
    }
    return value;
  }

  private static String textValue(JsonNode value, String path) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + path + "\" holds " + shorten(value.toString()) + ", expected text");
    }
    return value.asText();
  }

  static Optional<String> optionalText(JsonNode parent, String field, String path) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name(path, field) + " is " + shorten(value.toString()) + ", expected text");
    }
    return Optional.of(value.asText());
  }

  static boolean bool(JsonNode parent, String field, String path, boolean fallback) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(name(path, field) + " is " + shorten(value.toString()) + ", expected true or false");
    }
    return value.asBoolean();
  }

  /** A count of samples or answers: a whole number from 0 to Integer.MAX_VALUE. */
  static int count(JsonNode parent, String field, String path, int fallback) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw new IllegalArgumentException(
          name(path, field) + " is " + shorten(value.toString()) + ", expected a whole number from 0 to " + Integer.MAX_VALUE);
    }
    return value.asInt();
  }

  /** Calls, tokens or milliseconds: a whole number from 0 to {@link #MAX_AMOUNT}; missing is 0. */
  static long amount(JsonNode parent, String field, String path) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          name(path, field) + " is " + shorten(value.toString()) + ", expected a whole number from 0 to " + MAX_AMOUNT);
    }
    return value.asLong();
  }

  static double finite(JsonNode parent, String field, String path, double fallback) {
    OptionalDouble value = optionalFinite(parent, field, path);
    return value.isPresent() ? value.getAsDouble() : fallback;
  }

  static OptionalDouble optionalFinite(JsonNode parent, String field, String path) {
    JsonNode value = parent.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return OptionalDouble.empty();
    }
    if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
      throw new IllegalArgumentException(name(path, field) + " is " + shorten(value.toString()) + ", expected a number");
    }
    return OptionalDouble.of(value.asDouble());
  }

  /** Value rationality, a threshold, a tolerance or a confidence: a number from 0 to 1. */
  private static double share(JsonNode parent, String field, String path, double fallback) {
    double value = finite(parent, field, path, fallback);
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException(name(path, field) + " is " + value + ", outside [0, 1]");
    }
    return value;
  }

  static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static Report.Consistency consistency(JsonNode c) {
    if (!c.isObject()) {
      return Report.Consistency.NONE;
    }
    Map<String, Integer> categories = new LinkedHashMap<>();
    JsonNode counts = object(c, "categories", "consistency");
    counts.fields().forEachRemaining(f -> categories.put(f.getKey(), count(counts, f.getKey(), "consistency.categories", 0)));
    return new Report.Consistency(count(c, "inTargetCategory", "consistency", 0), categories);
  }

  private static Optional<Report.Transcript> transcript(JsonNode t) {
    if (!t.isObject()) {
      return Optional.empty();
    }
    List<Report.Transcript.Message> messages = new ArrayList<>();
    int index = 0;
    for (JsonNode m : array(t, "messages", "transcript")) {
      String path = "transcript.messages[" + index++ + "]";
      messages.add(new Report.Transcript.Message(
          optionalText(m, "role", path).orElse(""), optionalText(m, "content", path).orElse("")));
    }
    return Optional.of(new Report.Transcript(count(t, "sample", "transcript", 0), bool(t, "complete", "transcript", false), messages));
  }

  private static Optional<Report.BaselineDelta> baselineDelta(JsonNode b) {
    if (!b.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Report.BaselineDelta(
            share(b, "valueRationality", "baseline", 0.0), optionalFinite(b, "delta", "baseline"),
            share(b, "tolerance", "baseline", 0.0), bool(b, "regressed", "baseline", false)));
  }

  private static Object plain(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    return value.asText();
  }

  private static Instant instant(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("\"" + path + "\" is " + shorten(node.toString()) + ", expected a time such as 2026-01-31T12:00:00Z");
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + path + "\" is '" + shorten(node.asText()) + "', not a time such as 2026-01-31T12:00:00Z");
    }
  }

  /** An interval at {@code path}.{@code field}; value rationality's bounds lie in [0, 1]. */
  static Optional<Estimate> estimate(JsonNode parent, String field, String path, boolean share) {
    JsonNode node = parent.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    String where = path.isEmpty() ? field : path + "." + field;
    if (!node.isObject()) {
      throw new IllegalArgumentException("\"" + where + "\" is " + shorten(node.toString()) + ", expected an object");
    }
    double[] values = new double[3];
    String[] parts = {"mean", "low", "high"};
    for (int i = 0; i < 3; i++) {
      values[i] = share ? share(node, parts[i], where, Double.NaN) : finite(node, parts[i], where, Double.NaN);
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("\"" + where + "\" has no \"" + parts[i] + "\"");
      }
    }
    return Optional.of(new Estimate(values[0], values[1], values[2]));
  }
}
