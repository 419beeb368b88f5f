package io.github.hvae.maven;

import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.report.Baseline;
import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.ReportJson;
import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the run's report ({@code hvae.report-dir/hvae-report.json}) against the committed baseline
 * ({@code hvae.baseline}): fails the build when a test's mean value rationality on a model fell
 * more than {@code hvae.baseline-tolerance} below its baseline entry, or when an evaluation with an
 * entry has no figure (ERROR, DISABLED): a gate must not pass what it could not measure.
 *
 * <p>Two kinds of failure, for pipelines: a regression is a {@code MojoFailureException} (Maven
 * prints "BUILD FAILURE" with the regressions, and its help link ends in {@code
 * MojoFailureException}); a report or baseline that cannot be read is a {@code
 * MojoExecutionException} (help link {@code MojoExecutionException}). Maven exits with 1 for both.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends HvaeMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("HVAE check skipped (hvae.skip-goals)");
      return;
    }
    Path reportFile = ReportFiles.jsonIn(reportDirectory(), "");
    if (!Files.isRegularFile(reportFile)) {
      throw new MojoExecutionException(
          "HVAE check: cannot read the run's report: " + shown(reportFile) + " does not exist. Run the tests first"
              + " (mvn verify), or point hvae.report-dir at the report's folder");
    }
    Report report;
    try {
      report = ReportJson.read(reportFile);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("HVAE check: cannot read the run's report: " + e.getMessage(), e);
    }
    Path baselineFile = baselineFile();
    Baseline baseline;
    try {
      baseline = Baseline.read(baselineFile, shown(baselineFile));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("HVAE check: cannot read the baseline: " + e.getMessage(), e);
    }
    if (baseline.source().isEmpty()) {
      throw new MojoExecutionException(
          "HVAE check: cannot read the baseline: " + shown(baselineFile) + " does not exist. Approve the run's"
              + " figures with mvn hvae:bless, review and commit the file, or point hvae.baseline at it");
    }
    double tolerance = configuration().get(HvaeKeys.BASELINE_TOLERANCE);

    List<String> failures = new ArrayList<>();
    int compared = 0;
    Set<Baseline.Key> seen = new HashSet<>();
    getLog().info(String.format(Locale.ROOT, "HVAE check: %s against %s (tolerance %.3f)",
        shown(reportFile), shown(baselineFile), tolerance));
    for (Report.Evaluation e : report.evaluations()) {
      seen.add(new Baseline.Key(e.test(), e.model()));
      Optional<Double> measured = e.measured().valueRationality().map(v -> v.mean());
      Optional<Baseline.Comparison> comparison = baseline.compare(e.test(), e.model(), measured, tolerance);
      String what = VisibleText.of(e.test() + " on " + e.model());
      if (comparison.isEmpty()) {
        getLog().info("  new        " + what + " (no baseline entry; bless to approve it)");
        continue;
      }
      compared++;
      Baseline.Comparison c = comparison.get();
      if (measured.isEmpty()) {
        String line = what + ": no value rationality to compare (" + VisibleText.of(e.verdict() + ": " + e.reason()) + ")";
        getLog().error("  UNMEASURED " + line);
        failures.add(line);
      } else if (c.regressed()) {
        String line = what + ": " + c.describe();
        getLog().error("  REGRESSED  " + line);
        failures.add(line);
      } else {
        getLog().info(String.format(Locale.ROOT, "  ok         %s: %.3f vs baseline %.3f (%+.3f)",
            what, measured.get(), c.baseline(), c.delta().getAsDouble()));
      }
    }
    long notRun = baseline.entries().keySet().stream().filter(k -> !seen.contains(k)).count();
    if (notRun > 0) {
      getLog().info("  " + notRun + " baseline entr" + (notRun == 1 ? "y" : "ies") + " not in this run (a subset ran)");
    }
    if (!failures.isEmpty()) {
      throw new MojoFailureException(
          "HVAE check: " + failures.size() + " of " + compared + " evaluation(s) with a baseline entry regressed or"
              + " were not measured against " + shown(baselineFile) + ":\n  " + String.join("\n  ", failures)
              + "\nIf the change is intended, approve it with mvn hvae:bless and commit the baseline.");
    }
    getLog().info("HVAE check: no value rationality regression (" + compared + " of " + report.evaluations().size()
        + " evaluation(s) have a baseline entry)");
  }
}
