package io.github.hvae.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.protocol.SvoEvaluation;
import io.github.hvae.rationality.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The JSON report, schema {@code hvae-report/1}. Field names are a public contract that pipelines
 * read; fields may be added, never renamed.
 */
public final class JsonReport {

  public static final String SCHEMA = "hvae-report/1";
  public static final String FILE_NAME = "hvae-report.json";

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The whole report for these evaluations. */
  public static ObjectNode toJson(List<SvoEvaluation> evaluations) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    ArrayNode array = root.putArray("evaluations");
    evaluations.forEach(e -> array.add(toJson(e)));
    return root;
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
    node.put("idealAngle", round(e.idealAngle(), 4));
    putEstimate(node, "angle", e.angle().orElse(null), 4);
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
    e.trajectories().forEach(t -> t.angle().ifPresentOrElse(a -> angles.add(round(a, 4)), angles::addNull));
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
    return node;
  }

  /** Writes the report atomically: a temporary file beside it, then a rename. */
  public static Path write(Path directory, String fileName, List<SvoEvaluation> evaluations) {
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(fileName);
      Path temporary = Files.createTempFile(directory, fileName, ".tmp");
      MAPPER.writeValue(temporary.toFile(), toJson(evaluations));
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the HVAE report to " + directory, e);
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

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
