package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A whole {@code hvae-report/1} report, as written by a run or by a merge: what the HTML and
 * Markdown renderers read.
 *
 * @param json the report's root object
 */
public record ReportDocument(ObjectNode json) {

  public static ReportDocument read(Path file) {
    return new ReportDocument(JsonReport.read(file));
  }

  public List<ReportedEvaluation> evaluations() {
    List<ReportedEvaluation> list = new ArrayList<>();
    json.path("evaluations").forEach(e -> list.add(new ReportedEvaluation(e)));
    return list;
  }

  public JsonNode run() {
    return json.path("run");
  }

  /** Every model with an evaluation, in the order the run lists them, then in order of appearance. */
  public List<String> models() {
    Set<String> models = new LinkedHashSet<>();
    run().path("models").forEach(m -> models.add(m.asText()));
    evaluations().forEach(e -> models.add(e.model()));
    models.removeIf(m -> evaluations().stream().noneMatch(e -> e.model().equals(m)));
    return List.copyOf(models);
  }

  public List<ReportedEvaluation> evaluationsOf(String model) {
    return evaluations().stream().filter(e -> e.model().equals(model)).toList();
  }

  public boolean simulated(String model) {
    return evaluationsOf(model).stream().anyMatch(ReportedEvaluation::simulated);
  }

  /** The baseline the run compared against, with its tolerance, if it had one. */
  public Optional<JsonNode> baseline() {
    JsonNode b = run().path("baseline");
    return b.isObject() ? Optional.of(b) : Optional.empty();
  }
}
