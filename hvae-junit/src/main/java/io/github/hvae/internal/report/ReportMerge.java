package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Joins the reports of several runs or shards (Surefire forks, a CI matrix over models) into one
 * report, and writes its JSON, HTML and Markdown.
 *
 * <pre>
 * java -cp hvae-junit.jar:jackson-*.jar io.github.hvae.internal.report.ReportMerge OUT_DIR REPORT_OR_DIR...
 * </pre>
 *
 * A directory argument stands for its shard files {@code hvae-report-*.json}, or its {@code
 * hvae-report.json} when it holds no shard. Every input must be an {@code hvae-report/1} report.
 * The same test on the same model in two inputs is an error, not a choice: it means the shards
 * overlap (or one run was passed twice), and keeping either would silently hide the other.
 */
public final class ReportMerge {

  private ReportMerge() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command line's work, returning the exit code: 0 written, 1 refused, 2 usage. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2) {
      err.println("usage: ReportMerge OUT_DIR REPORT.json|DIR...");
      err.println("  joins hvae-report/1 reports (a directory means its hvae-report-*.json shards)");
      err.println("  and writes OUT_DIR/hvae-report.json, hvae-report.html and hvae-summary.md");
      return 2;
    }
    try {
      Path outDir = Path.of(args[0]);
      List<Path> inputs = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        inputs.addAll(expand(Path.of(args[i])));
      }
      ReportFiles files = ReportFiles.write(outDir, "", merge(inputs));
      out.println("Merged " + inputs.size() + " report(s) into " + files.json() + ", " + files.html().getFileName()
          + " and " + files.markdown().getFileName());
      return 0;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("ReportMerge: " + e.getMessage());
      return 1;
    }
  }

  static List<Path> expand(Path argument) {
    if (!Files.isDirectory(argument)) {
      if (!Files.exists(argument)) {
        throw new IllegalArgumentException(argument + " does not exist; pass report files or directories that hold them");
      }
      return List.of(argument);
    }
    try (Stream<Path> files = Files.list(argument)) {
      List<Path> shards = files
          .filter(p -> p.getFileName().toString().matches("hvae-report-.+\\.json"))
          .sorted()
          .toList();
      if (!shards.isEmpty()) {
        return shards;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + argument, e);
    }
    Path whole = ReportFiles.in(argument, "").json();
    if (!Files.exists(whole)) {
      throw new IllegalArgumentException(argument + " holds no hvae-report-*.json and no hvae-report.json");
    }
    return List.of(whole);
  }

  /** One report holding every evaluation of the inputs, ordered by test and model. */
  public static ObjectNode merge(List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no report files were given");
    }
    Map<String, Path> seen = new LinkedHashMap<>();
    List<JsonNode> evaluations = new ArrayList<>();
    List<JsonNode> runs = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Path input : inputs) {
      ObjectNode report = JsonReport.read(input);
      runs.add(report.path("run"));
      sources.add(input.getFileName().toString());
      for (JsonNode e : report.path("evaluations")) {
        String key = e.path("test").asText() + " on " + e.path("model").asText();
        Path earlier = seen.putIfAbsent(key, input);
        if (earlier != null) {
          throw new IllegalArgumentException(
              key + " is in both " + earlier + " and " + input
                  + "; merge reports of disjoint shards (e.g. one per model or per fork), not the same run twice");
        }
        evaluations.add(e);
      }
    }
    evaluations.sort(Comparator.comparing((JsonNode e) -> e.path("test").asText()).thenComparing(e -> e.path("model").asText()));
    ObjectNode merged = JsonReport.MAPPER.createObjectNode();
    merged.put("schema", JsonReport.SCHEMA);
    merged.set("run", mergedRun(runs, sources));
    ArrayNode array = merged.putArray("evaluations");
    evaluations.forEach(array::add);
    return merged;
  }

  private static ObjectNode mergedRun(List<JsonNode> runs, List<String> sources) {
    ObjectNode run = JsonReport.MAPPER.createObjectNode();
    Set<String> versions = new LinkedHashSet<>();
    Set<String> models = new LinkedHashSet<>();
    Instant started = null;
    Instant finished = null;
    ArrayNode shards = JsonReport.MAPPER.createArrayNode();
    for (int i = 0; i < runs.size(); i++) {
      JsonNode r = runs.get(i);
      versions.add(r.path("hvaeVersion").asText("unknown"));
      r.path("models").forEach(m -> models.add(m.asText()));
      Instant s = Instant.parse(r.path("startedAt").asText());
      Instant f = Instant.parse(r.path("finishedAt").asText());
      started = started == null || s.isBefore(started) ? s : started;
      finished = finished == null || f.isAfter(finished) ? f : finished;
      // A merged input contributes its own shards, so that merging is associative.
      if (r.path("shards").isArray()) {
        r.path("shards").forEach(shards::add);
      } else {
        ObjectNode shard = ((ObjectNode) r.deepCopy());
        shard.put("source", sources.get(i));
        shards.add(shard);
      }
    }
    run.put("hvaeVersion", String.join(", ", versions));
    ArrayNode modelArray = run.putArray("models");
    models.forEach(modelArray::add);
    // Settings and baseline describe the whole report only when every shard agrees on them.
    mergedSettings(runs).ifPresent(s -> run.set("settings", s));
    run.put("startedAt", started.toString());
    run.put("finishedAt", finished.toString());
    run.put("durationMs", Duration.between(started, finished).toMillis());
    sameInAll(runs, "baseline").ifPresent(b -> run.set("baseline", b));
    run.set("shards", shards);
    return run;
  }

  /**
   * A matrix over models differs in the model only: such shards still share their settings, with
   * the configured models listed together.
   */
  private static Optional<JsonNode> mergedSettings(List<JsonNode> runs) {
    Set<String> models = new LinkedHashSet<>();
    List<JsonNode> withoutModel = new ArrayList<>();
    for (JsonNode r : runs) {
      JsonNode settings = r.path("settings");
      if (!settings.isObject()) {
        return Optional.empty();
      }
      models.add(settings.path("model").asText());
      ObjectNode copy = settings.deepCopy();
      copy.remove("model");
      withoutModel.add(copy);
    }
    if (!withoutModel.stream().allMatch(withoutModel.get(0)::equals)) {
      return Optional.empty();
    }
    ObjectNode merged = runs.get(0).path("settings").deepCopy();
    merged.put("model", String.join(", ", models));
    return Optional.of(merged);
  }

  private static Optional<JsonNode> sameInAll(List<JsonNode> runs, String field) {
    JsonNode first = runs.get(0).path(field);
    boolean same = first.isObject() && runs.stream().allMatch(r -> r.path(field).equals(first));
    return same ? Optional.of(first.deepCopy()) : Optional.empty();
  }
}
