package io.github.hvae.internal.report;

import io.github.hvae.report.Report;

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
 * Joins the reports of several runs or shards (a CI matrix over models, the test JVMs of a build)
 * into one report, and writes it in every installed format. The Maven goal {@code hvae:merge} is
 * its front end; the command line below stays for builds without Maven.
 *
 * <pre>
 * java -cp hvae-junit.jar:jackson-*.jar io.github.hvae.internal.report.ReportMerge OUT_DIR REPORT_OR_DIR...
 * </pre>
 *
 * A directory argument stands for its {@code hvae-report.json} (a run's whole report, whatever its
 * fork count); without one, for its {@code hvae-report-*.json} files (per-fork files of {@code
 * hvae.fork}); without those, for the reports in its subdirectories, found the same way (a CI
 * download folder with one folder per job). Every input must be an {@code hvae-report/1} report.
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
      out.println("Merged " + inputs.size() + " report(s) into " + files.json() + " (and "
          + String.join(", ", files.files().stream().filter(f -> !f.equals(files.json())).map(f -> f.getFileName().toString()).toList())
          + ")");
      return 0;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("ReportMerge: " + e.getMessage());
      return 1;
    }
  }

  /** The report files an argument stands for, as the class comment says. */
  public static List<Path> expand(Path argument) {
    if (!Files.isDirectory(argument)) {
      if (!Files.exists(argument)) {
        throw new IllegalArgumentException(argument + " does not exist; pass report files or directories that hold them");
      }
      return List.of(argument);
    }
    List<Path> found = reportsUnder(argument, 0);
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          argument + " holds no hvae-report.json (nor hvae-report-*.json), in it or in its subfolders;"
              + " run the tests first, or pass the report files");
    }
    return found;
  }

  private static final int MAX_DEPTH = 4;

  private static List<Path> reportsUnder(Path directory, int depth) {
    Path whole = ReportFiles.jsonIn(directory, "");
    if (Files.isRegularFile(whole)) {
      return List.of(whole);
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> entries = files.sorted().toList();
      List<Path> forks =
          entries.stream().filter(p -> p.getFileName().toString().matches("hvae-report-.+\\.json")).toList();
      if (!forks.isEmpty() || depth >= MAX_DEPTH) {
        return forks;
      }
      List<Path> found = new ArrayList<>();
      for (Path entry : entries) {
        // A build's own shards are already in the report beside them.
        if (Files.isDirectory(entry) && !entry.getFileName().toString().equals(ReportFiles.SHARDS)) {
          found.addAll(reportsUnder(entry, depth + 1));
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + directory, e);
    }
  }

  /**
   * One report holding every evaluation of the inputs, ordered by test and model.
   *
   * @throws IllegalArgumentException when an input cannot be read, or two hold the same test on
   *     the same model
   */
  public static Report merge(List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no report files were given");
    }
    List<Report> reports = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Path input : inputs) {
      reports.add(ReportJson.read(input));
      sources.add(input.toString());
    }
    return combine(reports, sources, true);
  }

  /**
   * One report of these reports' evaluations.
   *
   * @param sources each report's name: a file name, or a path (only its file name is kept)
   * @param disjoint refuse the same test on the same model in two reports; otherwise keep both
   */
  public static Report combine(List<Report> reports, List<String> sources, boolean disjoint) {
    Map<String, String> seen = new LinkedHashMap<>();
    List<Report.Evaluation> evaluations = new ArrayList<>();
    List<Report.Run> runs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Report report = reports.get(i);
      String source = sources.get(i);
      runs.add(report.run());
      names.add(Path.of(source).getFileName().toString());
      for (Report.Evaluation e : report.evaluations()) {
        String key = e.test() + " on " + e.model();
        String earlier = seen.putIfAbsent(key, source);
        if (earlier != null && disjoint) {
          throw new IllegalArgumentException(
              key + " is in both " + earlier + " and " + source
                  + "; merge reports of disjoint shards (e.g. one per model or per fork), not the same run twice");
        }
        evaluations.add(e);
      }
    }
    evaluations.sort(Comparator.comparing(Report.Evaluation::test).thenComparing(Report.Evaluation::model));
    return new Report(mergedRun(runs, names), evaluations);
  }

  private static Report.Run mergedRun(List<Report.Run> runs, List<String> sources) {
    Set<String> versions = new LinkedHashSet<>();
    Set<String> models = new LinkedHashSet<>();
    Instant started = null;
    Instant finished = null;
    List<Report.Shard> shards = new ArrayList<>();
    List<Report.Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Report.Run r = runs.get(i);
      // Each JVM had its own limit per endpoint: its entries stay apart.
      endpoints.addAll(r.endpoints());
      versions.add(r.hvaeVersion());
      models.addAll(r.models());
      started = started == null || r.startedAt().isBefore(started) ? r.startedAt() : started;
      finished = finished == null || r.finishedAt().isAfter(finished) ? r.finishedAt() : finished;
      // A merged input contributes its own shards, so that merging is associative.
      if (!r.shards().isEmpty()) {
        shards.addAll(r.shards());
      } else {
        shards.add(new Report.Shard(sources.get(i), r));
      }
    }
    // Settings and baseline describe the whole report only when every shard agrees on them.
    Optional<Report.BaselineRef> baseline =
        runs.get(0).baseline().filter(b -> runs.stream().allMatch(r -> r.baseline().equals(Optional.of(b))));
    return new Report.Run(
        String.join(", ", versions),
        List.copyOf(models),
        mergedSettings(runs),
        started,
        finished,
        baseline,
        shards,
        endpoints);
  }

  /**
   * A matrix over models differs in the model only: such shards still share their settings, with
   * the configured models listed together. Shards that differ otherwise share no settings.
   */
  private static Map<String, Object> mergedSettings(List<Report.Run> runs) {
    Set<Object> models = new LinkedHashSet<>();
    List<Map<String, Object>> withoutModel = new ArrayList<>();
    for (Report.Run r : runs) {
      if (r.settings().isEmpty()) {
        return Map.of();
      }
      models.add(r.settings().get("model"));
      Map<String, Object> copy = new LinkedHashMap<>(r.settings());
      copy.remove("model");
      withoutModel.add(copy);
    }
    if (!withoutModel.stream().allMatch(withoutModel.get(0)::equals)) {
      return Map.of();
    }
    Map<String, Object> merged = new LinkedHashMap<>(runs.get(0).settings());
    merged.put("model", String.join(", ", models.stream().map(String::valueOf).toList()));
    return merged;
  }
}
