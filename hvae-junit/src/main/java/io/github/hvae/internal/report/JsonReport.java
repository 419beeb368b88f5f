package io.github.hvae.internal.report;

import io.github.hvae.internal.io.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.evaluation.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON report, schema {@code hvae-report/1} (JSON Schema: {@link #SCHEMA_RESOURCE}). Field
 * names are a public contract that pipelines read; fields may be added, never renamed.
 */
public final class JsonReport {

  public static final String SCHEMA = "hvae-report/1";
  public static final String FILE_NAME = "hvae-report.json";
  /** Class-path location of the JSON Schema of {@link #SCHEMA}. */
  public static final String SCHEMA_RESOURCE = "/io/github/hvae/report/hvae-report-1.schema.json";

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The whole report of a run, each evaluation compared with the baseline where it has one. */
  public static ObjectNode toJson(
      RunInfo run, List<SvoEvaluation> evaluations, Baseline baseline, double tolerance) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.set("run", toJson(run, baseline, tolerance));
    ArrayNode array = root.putArray("evaluations");
    for (SvoEvaluation e : evaluations) {
      ObjectNode node = toJson(e);
      baseline
          .compare(e.test(), e.model().toString(), e.valueRationality().map(Estimate::mean), tolerance)
          .ifPresent(c -> node.set("baseline", toJson(c)));
      array.add(node);
    }
    return root;
  }

  static ObjectNode toJson(RunInfo run, Baseline baseline, double tolerance) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("hvaeVersion", run.hvaeVersion());
    ArrayNode models = node.putArray("models");
    run.models().forEach(models::add);
    ObjectNode settings = node.putObject("settings");
    RunInfo.Settings s = run.settings();
    settings.put("model", s.model());
    settings.put("samples", s.samples());
    settings.put("confidence", s.confidence());
    settings.put("seed", s.seed());
    settings.put("goalPrompt", s.goalPrompt());
    if (s.temperature().isPresent()) {
      settings.put("temperature", s.temperature().getAsDouble());
    } else {
      settings.putNull("temperature");
    }
    settings.put("concurrency", s.concurrency());
    settings.put("cassette", s.cassette());
    settings.put("constrainedAnswers", s.constrainedAnswers());
    node.put("startedAt", run.startedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    node.put("finishedAt", run.finishedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    node.put("durationMs", run.durationMs());
    baseline
        .source()
        .ifPresent(
            source -> {
              ObjectNode b = node.putObject("baseline");
              b.put("path", source);
              b.put("tolerance", tolerance);
            });
    return node;
  }

  static ObjectNode toJson(Baseline.Comparison c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("valueRationality", c.baseline());
    if (c.delta().isPresent()) {
      node.put("delta", round(c.delta().getAsDouble(), 6));
    } else {
      node.putNull("delta");
    }
    node.put("tolerance", c.tolerance());
    node.put("regressed", c.regressed());
    return node;
  }

  /** One evaluation as the report shows it. */
  public static ObjectNode toJson(SvoEvaluation e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("test", e.test());
    node.put("model", e.model().toString());
    node.put("simulated", e.simulated());
    ObjectNode target = node.putObject("target");
    if (e.target().value().isPresent()) {
      target.put("value", e.target().value().get().name());
    } else {
      target.putNull("value");
    }
    target.put("angle", e.target().angle());
    target.put("category", e.target().category().name());
    node.put("idealAngle", round(e.idealAngle(), 6));
    putEstimate(node, "angle", e.angle().orElse(null), 6);
    if (e.category().isPresent()) {
      node.put("category", e.category().get().name());
    } else {
      node.putNull("category");
    }
    putEstimate(node, "valueRationality", e.valueRationality().orElse(null), 6);
    if (e.angularError().isPresent()) {
      node.put("angularError", round(e.angularError().get(), 4));
    } else {
      node.putNull("angularError");
    }
    node.put("threshold", e.threshold().valueRationality());
    node.put("verdict", e.verdict().name());
    node.put("reason", e.reason());
    ObjectNode samples = node.putObject("samples");
    samples.put("requested", e.samplesRequested());
    samples.put("completed", e.samplesCompleted());
    samples.put("run", e.samplesRun());
    samples.put("incomplete", e.samplesIncomplete());
    samples.put("cap", e.sampleCap());
    ArrayNode angles = samples.putArray("angles");
    e.trajectories().forEach(t -> t.angle().ifPresentOrElse(a -> angles.add(round(a, 6)), angles::addNull));
    ObjectNode answers = node.putObject("answers");
    answers.put("parsed", e.answers().parsed());
    answers.put("refusals", e.answers().refusals());
    answers.put("unparseable", e.answers().unparseable());
    answers.put("reasked", e.answers().reasked());
    answers.put("extracted", e.answers().extracted());
    ObjectNode interval = node.putObject("interval");
    interval.put("method", e.intervalMethod());
    interval.put("confidence", round(e.intervalConfidence(), 6));
    ObjectNode usage = node.putObject("usage");
    usage.put("calls", e.calls());
    usage.put("promptTokens", e.usage().promptTokens());
    usage.put("completionTokens", e.usage().completionTokens());
    usage.put("estimated", e.usage().estimated());
    node.put("durationMs", e.durationMs());
    exampleSample(e).ifPresent(t -> node.set("transcript", transcript(t)));
    return node;
  }

  /**
   * The sample a reader sees: the first complete one, since it shows the whole dialogue; the first
   * one when none completed, since it shows what went wrong.
   */
  private static Optional<Trajectory> exampleSample(SvoEvaluation e) {
    return e.trajectories().stream()
        .filter(Trajectory::isComplete)
        .findFirst()
        .or(() -> e.trajectories().stream().findFirst());
  }

  private static ObjectNode transcript(Trajectory t) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("sample", t.sampleIndex());
    node.put("complete", t.isComplete());
    ArrayNode messages = node.putArray("messages");
    for (ChatMessage m : t.transcript()) {
      ObjectNode message = messages.addObject();
      message.put("role", m.role().name().toLowerCase(Locale.ROOT));
      message.put("content", m.content());
    }
    return node;
  }

  /** Reads a report file, checking that it is an {@link #SCHEMA} report. */
  public static ObjectNode read(Path file) {
    JsonNode node;
    try {
      node = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "could not read an HVAE report from " + file + ": " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          file + " is not an HVAE report: expected a JSON object with \"schema\": \"" + SCHEMA + "\"");
    }
    String schema = node.path("schema").asText("<none>");
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException(
          file + " has schema '" + schema + "', this version reads '" + SCHEMA
              + "'; regenerate the report with a matching hvae-junit version");
    }
    if (!node.path("evaluations").isArray()) {
      throw new IllegalArgumentException(file + " has no \"evaluations\" array; it is not a complete HVAE report");
    }
    return (ObjectNode) node;
  }

  /** Writes JSON atomically: a temporary file beside the target, then a rename. */
  public static Path write(Path directory, String fileName, JsonNode report) {
    try {
      return writeAtomically(directory, fileName, MAPPER.writeValueAsString(report) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not serialise the HVAE report " + fileName, e);
    }
  }

  /**
   * Writes text atomically, so that a reader (a CI step, a browser) never sees half a file even
   * when the JVM dies mid-write.
   */
  static Path writeAtomically(Path directory, String fileName, String content) {
    Path target = directory.resolve(fileName);
    try {
      AtomicFiles.writeText(target, content);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + fileName + " to " + directory, e);
    }
  }

  private static void putEstimate(ObjectNode parent, String name, Estimate estimate, int digits) {
    if (estimate == null) {
      parent.putNull(name);
      return;
    }
    ObjectNode node = parent.putObject(name);
    node.put("mean", round(estimate.mean(), digits));
    node.put("low", round(estimate.low(), digits));
    node.put("high", round(estimate.high(), digits));
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
