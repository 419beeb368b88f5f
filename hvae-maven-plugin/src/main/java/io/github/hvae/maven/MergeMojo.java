package io.github.hvae.maven;

import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.ReportJson;
import io.github.hvae.internal.report.ReportMerge;
import io.github.hvae.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Joins HVAE reports into one, written in every installed format (JSON, HTML, Markdown).
 *
 * <p>With {@code inputs}, those reports: files, or folders, each standing for its {@code
 * hvae-report.json}, else its {@code hvae-report-*.json}, else the reports in its subfolders (a CI
 * download folder with one folder per job). The same test on the same model in two inputs is
 * refused: the inputs overlap.
 *
 * <p>Without {@code inputs}, the test runs of the module's last build: the extension already joins
 * a build's forks into {@code hvae-report.json} as they finish; this rewrites it from their shards
 * ({@code hvae.report-dir/shards}). Bound to a phase (e.g. {@code verify}), it takes only the
 * shards written during this Maven session, which matters where one process runs many builds (the
 * Maven daemon, {@code mvnd}).
 */
@Mojo(name = "merge", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class MergeMojo extends HvaeMojo {

  /** Reports or folders to join ({@code -Dhvae.merge.inputs=a,b}); default: the module's last build. */
  @Parameter(property = "hvae.merge.inputs")
  List<String> inputs;

  /** Where to write the joined report ({@code -Dhvae.merge.output=...}); default {@code hvae.report-dir}. */
  @Parameter(property = "hvae.merge.output")
  String output;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution execution;

  @Parameter(defaultValue = "${session.request.startTime}", readonly = true)
  Date sessionStart;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("HVAE merge skipped (hvae.skip-goals)");
      return;
    }
    Path out = output == null || output.isBlank() ? reportDirectory() : module(output);
    Report merged;
    int count;
    try {
      if (inputs == null || inputs.isEmpty()) {
        List<Path> shards = shardsOfLastBuild();
        if (shards.isEmpty()) {
          return;
        }
        List<Report> reports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path shard : shards) {
          reports.add(ReportJson.read(shard));
          names.add(shard.getFileName().toString());
        }
        // As the extension joins them: two executions of a build may both run a test.
        merged = shards.size() == 1 ? reports.get(0) : ReportMerge.combine(reports, names, false);
        count = shards.size();
      } else {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
          files.addAll(ReportMerge.expand(module(input.strip())));
        }
        merged = ReportMerge.merge(files);
        count = files.size();
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new MojoExecutionException("HVAE merge: cannot merge: " + e.getMessage(), e);
    }
    ReportFiles files;
    try {
      files = ReportFiles.write(out, "", merged);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("HVAE merge: cannot write " + out + ": " + e.getMessage(), e);
    }
    getLog().info("HVAE merge: " + merged.evaluations().size() + " evaluation(s) from " + count + " report(s) into "
        + shown(files.json()) + " ("
        + String.join(", ", files.files().stream().filter(f -> !f.equals(files.json())).map(f -> f.getFileName().toString()).toList())
        + ")");
  }

  private List<Path> shardsOfLastBuild() throws MojoExecutionException {
    Path dir = reportDirectory();
    try {
      Optional<Path> build = ReportFiles.latestBuild(dir);
      if (build.isEmpty()) {
        Path whole = ReportFiles.jsonIn(dir, "");
        getLog().info(Files.exists(whole)
            ? "HVAE merge: " + shown(whole) + " holds the whole run (no forks' shards to join); nothing to do"
            : "HVAE merge: no HVAE report in " + shown(dir) + " (no test ran here); nothing to do");
        return List.of();
      }
      List<Path> shards = new ArrayList<>(ReportFiles.shardFiles(build.get()));
      if (boundToPhase() && sessionStart != null) {
        // A daemon's earlier build shares this build's shard folder (its Maven process lives on).
        shards.removeIf(s -> ReportJson.read(s).run().startedAt().isBefore(sessionStart.toInstant()));
        if (shards.isEmpty()) {
          getLog().info("HVAE merge: no test run of this build wrote to " + shown(dir) + "; nothing to do");
        }
      }
      return shards;
    } catch (IOException e) {
      throw new MojoExecutionException("HVAE merge: cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private boolean boundToPhase() {
    return execution != null && execution.getLifecyclePhase() != null && !execution.getLifecyclePhase().isBlank();
  }
}
