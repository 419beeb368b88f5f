package io.github.hvae.internal.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.hvae.internal.text.VisibleText;
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
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON report, schema {@code hvae-report/1}, to and from the typed {@link Report}: with {@link
 * ReportJsonReader} and {@link UsageJson} (usage and endpoints), the one place that knows field
 * names. Field order is fixed, so that reports diff cleanly; fields are added, never renamed.
 */
public final class ReportJson {

  /** Class-path location of the JSON Schema of {@link Report#SCHEMA}. */
  public static final String SCHEMA_RESOURCE = "/io/github/hvae/report/hvae-report-1.schema.json";

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // A key given twice would silently keep the last; in a report or a baseline it is damage.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  static {
    // A report is ours, but a merged shard may come from anywhere: bound what reading it may cost.
    MAPPER.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(32 * 1024 * 1024).build());
    MAPPER.getFactory().setCharacterEscapes(new VisibleEscapes());
  }

  /**
   * JSON escapes ({@code \\u202e}) for what a terminal or a diff view would obey rather than show:
   * DEL, the C1 controls and the bidirectional overrides and isolates ({@link VisibleText}). The
   * JSON means the same text; a person reading the file sees where those characters are.
   */
  private static final class VisibleEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    VisibleEscapes() {
      ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      boolean escaped = (ch >= 0x80 && ch <= 0x9F) || (ch <= 0xFFFF && VisibleText.isBidiControl((char) ch));
      return escaped ? new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch)) : null;
    }
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
    // A value profile has no angle: null.
    target.set("angle", Double.isFinite(e.target().angle()) ? target.numberNode(e.target().angle()) : target.nullNode());
    putText(target, "category", e.target().category());
    target.put("label", e.target().label());
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
    e.profile().ifPresent(p -> node.set("profile", ProfileJson.write(p)));
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

  /**
   * A report from its JSON; {@code source} names it in messages.
   *
   * @throws IllegalArgumentException naming the source, the evaluation and the field, for anything
   *     a report cannot hold
   */
  public static Report fromJson(JsonNode node, String source) {
    return ReportJsonReader.report(node, source);
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
