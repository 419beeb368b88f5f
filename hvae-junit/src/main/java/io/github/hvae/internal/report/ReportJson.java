package io.github.hvae.internal.report;

import io.github.hvae.internal.text.Numbers;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON report, schema {@code hvae-report/1}, to and from the typed {@link Report}: with {@link
 * UsageJson} (usage and endpoints), the one place that knows field names. Field order is fixed, so that reports diff cleanly; fields are
 * added, never renamed.
 */
public final class ReportJson {

  /** Class-path location of the JSON Schema of {@link Report#SCHEMA}. */
  public static final String SCHEMA_RESOURCE = "/io/github/hvae/report/hvae-report-1.schema.json";

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  static {
    // A report is ours, but a merged shard may come from anywhere: bound what reading it may cost.
    MAPPER.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(32 * 1024 * 1024).build());
  }

  private ReportJson() {}

  /** The report as JSON text, with a final newline. */
  public static String render(Report report) {
    try {
      return MAPPER.writeValueAsString(toJson(report)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("could not serialise the HVAE report", e);
    }
  }

  public static ObjectNode toJson(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", Report.SCHEMA);
    ObjectNode run = run(report.run(), true);
    // The run's usage is its evaluations', added up: written, never read back.
    RunUsage total = RunUsage.of(report.evaluations());
    ObjectNode usage = UsageJson.write(run.putObject("usage"), total.total());
    ArrayNode unpriced = usage.putArray("unpricedModels");
    total.unpricedModels().forEach(unpriced::add);
    root.set("run", run);
    ArrayNode array = root.putArray("evaluations");
    report.evaluations().forEach(e -> array.add(evaluation(e)));
    return root;
  }

  private static ObjectNode run(Report.Run run, boolean withShards) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("hvaeVersion", run.hvaeVersion());
    ArrayNode models = node.putArray("models");
    run.models().forEach(models::add);
    ObjectNode settings = node.putObject("settings");
    run.settings().forEach((k, v) -> settings.set(k, MAPPER.valueToTree(v)));
    node.put("startedAt", run.startedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    node.put("finishedAt", run.finishedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    node.put("durationMs", run.durationMs());
    run.baseline()
        .ifPresent(
            b -> {
              ObjectNode baseline = node.putObject("baseline");
              baseline.put("path", b.path());
              baseline.put("tolerance", b.tolerance());
            });
    UsageJson.writeEndpoints(node.putArray("endpoints"), run.endpoints());
    if (withShards && !run.shards().isEmpty()) {
      ArrayNode shards = node.putArray("shards");
      for (Report.Shard shard : run.shards()) {
        ObjectNode s = run(shard.run(), false);
        s.put("source", shard.source());
        shards.add(s);
      }
    }
    return node;
  }

  /** One evaluation as the report writes it. */
  public static ObjectNode evaluation(Report.Evaluation e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("test", e.test());
    node.put("model", e.model());
    node.put("simulated", e.simulated());
    node.put("instrument", e.instrument());
    ObjectNode target = node.putObject("target");
    putText(target, "value", e.target().value());
    target.put("angle", e.target().angle());
    putText(target, "category", e.target().category());
    putNumber(node, "idealAngle", e.target().idealAngle(), 6);
    Report.Measurement m = e.measured();
    putEstimate(node, "angle", m.angle(), 6, Optional.empty());
    putText(node, "category", m.category());
    putEstimate(node, "valueRationality", m.valueRationality(), 6, Optional.of(m.definition()));
    putNumber(node, "angularError", m.angularError(), 4);
    ObjectNode consistency = node.putObject("consistency");
    consistency.put("inTargetCategory", m.consistency().inTargetCategory());
    ObjectNode categories = consistency.putObject("categories");
    m.consistency().categories().forEach(categories::put);
    node.put("threshold", e.threshold());
    node.put("verdict", e.verdict());
    node.put("reason", e.reason());
    ObjectNode samples = node.putObject("samples");
    samples.put("requested", e.samples().requested());
    samples.put("completed", e.samples().completed());
    samples.put("run", e.samples().run());
    samples.put("incomplete", e.samples().incomplete());
    samples.put("cap", e.samples().cap());
    ArrayNode angles = samples.putArray("angles");
    e.samples().angles().forEach(a -> {
      if (a.isPresent()) {
        angles.add(round(a.getAsDouble(), 6));
      } else {
        angles.addNull();
      }
    });
    ObjectNode answers = node.putObject("answers");
    answers.put("parsed", e.answers().parsed());
    answers.put("refusals", e.answers().refusals());
    answers.put("unparseable", e.answers().unparseable());
    answers.put("reasked", e.answers().reasked());
    answers.put("extracted", e.answers().extracted());
    ObjectNode interval = node.putObject("interval");
    interval.put("method", m.intervalMethod());
    interval.put("confidence", round(m.intervalConfidence(), 6));
    UsageJson.write(node.putObject("usage"), e.usage());
    node.put("durationMs", e.durationMs());
    e.transcript()
        .ifPresent(
            t -> {
              ObjectNode transcript = node.putObject("transcript");
              transcript.put("sample", t.sample());
              transcript.put("complete", t.complete());
              ArrayNode messages = transcript.putArray("messages");
              for (Report.Transcript.Message message : t.messages()) {
                ObjectNode mn = messages.addObject();
                mn.put("role", message.role());
                mn.put("content", message.content());
              }
            });
    e.baseline()
        .ifPresent(
            b -> {
              ObjectNode baseline = node.putObject("baseline");
              baseline.put("valueRationality", b.baseline());
              putNumber(baseline, "delta", b.delta(), 6);
              baseline.put("tolerance", b.tolerance());
              baseline.put("regressed", b.regressed());
            });
    return node;
  }

  /**
   * Reads a report file.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static Report read(Path file) {
    JsonNode node;
    try {
      node = MAPPER.readTree(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "could not read an HVAE report from " + file + ": " + e.getMessage(), e);
    }
    return fromJson(node, file.toString());
  }

  /** A report from its JSON; {@code source} names it in messages. */
  public static Report fromJson(JsonNode node, String source) {
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
    try {
      Report.Run run = readRun(node.path("run"), true);
      List<Report.Evaluation> evaluations = new ArrayList<>();
      node.path("evaluations").forEach(e -> evaluations.add(readEvaluation(e)));
      return new Report(run, evaluations);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + " is not a valid HVAE report: " + e.getMessage(), e);
    }
  }

  private static Report.Run readRun(JsonNode run, boolean withShards) {
    List<String> models = new ArrayList<>();
    run.path("models").forEach(m -> models.add(m.asText()));
    Map<String, Object> settings = new LinkedHashMap<>();
    run.path("settings").fields().forEachRemaining(f -> settings.put(f.getKey(), plain(f.getValue())));
    JsonNode b = run.path("baseline");
    Optional<Report.BaselineRef> baseline =
        b.isObject()
            ? Optional.of(new Report.BaselineRef(b.path("path").asText(), b.path("tolerance").asDouble()))
            : Optional.empty();
    List<Report.Shard> shards = new ArrayList<>();
    if (withShards) {
      run.path("shards").forEach(s -> shards.add(new Report.Shard(s.path("source").asText(), readRun(s, false))));
    }
    Instant started = instant(run.path("startedAt"));
    Instant finished = run.path("finishedAt").isTextual() ? instant(run.path("finishedAt")) : started;
    return new Report.Run(
        run.path("hvaeVersion").asText("unknown"), models, settings, started, finished, baseline, shards,
        UsageJson.readEndpoints(run.path("endpoints")));
  }

  private static Report.Evaluation readEvaluation(JsonNode e) {
    String test = required(e, "test").asText();
    JsonNode t = e.path("target");
    Optional<String> value = text(t.path("value"));
    double angle = t.path("angle").asDouble();
    String label = value.orElseGet(() -> Numbers.compact(angle) + "°");
    Report.TargetInfo target =
        new Report.TargetInfo(value, angle, label, text(t.path("category")), number(e.path("idealAngle")));
    Report.Measurement measured =
        new Report.Measurement(
            estimate(e.path("angle")),
            text(e.path("category")),
            estimate(e.path("valueRationality")),
            e.path("valueRationality").path("definition").asText("mean-angle"),
            number(e.path("angularError")),
            e.path("interval").path("method").asText("student-t"),
            e.path("interval").path("confidence").asDouble(0.95),
            consistency(e.path("consistency")));
    JsonNode s = e.path("samples");
    List<OptionalDouble> angles = new ArrayList<>();
    s.path("angles").forEach(a -> angles.add(number(a)));
    int requested = s.path("requested").asInt();
    // Reports written before sequential sampling have no "run": they ran exactly the requested.
    int run = s.path("run").asInt(requested);
    Report.Samples samples =
        new Report.Samples(requested, s.path("completed").asInt(), run, s.path("cap").asInt(run), angles);
    JsonNode a = e.path("answers");
    Report.Answers answers =
        new Report.Answers(
            a.path("parsed").asInt(), a.path("refusals").asInt(), a.path("unparseable").asInt(),
            a.path("reasked").asInt(), a.path("extracted").asInt());
    Report.Usage usage = UsageJson.read(e.path("usage"));
    return new Report.Evaluation(
        test,
        required(e, "model").asText(),
        e.path("simulated").asBoolean(false),
        e.path("instrument").asText("svo-slider"),
        target,
        measured,
        e.path("threshold").asDouble(),
        required(e, "verdict").asText(),
        e.path("reason").asText(""),
        samples,
        answers,
        usage,
        e.path("durationMs").asLong(),
        transcript(e.path("transcript")),
        baselineDelta(e.path("baseline")));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("an evaluation has no \"" + field + "\"");
    }
    return value;
  }

  private static Report.Consistency consistency(JsonNode c) {
    if (!c.isObject()) {
      return Report.Consistency.NONE;
    }
    Map<String, Integer> categories = new LinkedHashMap<>();
    c.path("categories").fields().forEachRemaining(f -> categories.put(f.getKey(), f.getValue().asInt()));
    return new Report.Consistency(c.path("inTargetCategory").asInt(), categories);
  }

  private static Optional<Report.Transcript> transcript(JsonNode t) {
    if (!t.isObject()) {
      return Optional.empty();
    }
    List<Report.Transcript.Message> messages = new ArrayList<>();
    t.path("messages")
        .forEach(m -> messages.add(new Report.Transcript.Message(m.path("role").asText(), m.path("content").asText())));
    return Optional.of(new Report.Transcript(t.path("sample").asInt(), t.path("complete").asBoolean(), messages));
  }

  private static Optional<Report.BaselineDelta> baselineDelta(JsonNode b) {
    if (!b.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Report.BaselineDelta(
            b.path("valueRationality").asDouble(), number(b.path("delta")), b.path("tolerance").asDouble(),
            b.path("regressed").asBoolean()));
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

  private static Instant instant(JsonNode node) {
    return Instant.parse(node.asText());
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  static OptionalDouble number(JsonNode node) {
    return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
  }

  private static Optional<Estimate> estimate(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new Estimate(node.path("mean").asDouble(), node.path("low").asDouble(), node.path("high").asDouble()));
  }

  private static void putText(ObjectNode node, String name, Optional<String> value) {
    if (value.isPresent()) {
      node.put(name, value.get());
    } else {
      node.putNull(name);
    }
  }

  static void putNumber(ObjectNode node, String name, OptionalDouble value, int digits) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(name, round(value.getAsDouble(), digits));
    } else {
      node.putNull(name);
    }
  }

  private static void putEstimate(
      ObjectNode parent, String name, Optional<Estimate> estimate, int digits, Optional<String> definition) {
    if (estimate.isEmpty()) {
      parent.putNull(name);
      return;
    }
    ObjectNode node = parent.putObject(name);
    node.put("mean", round(estimate.get().mean(), digits));
    node.put("low", round(estimate.get().low(), digits));
    node.put("high", round(estimate.get().high(), digits));
    definition.ifPresent(d -> node.put("definition", d));
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
