package io.github.hvae.maven;

import io.github.hvae.internal.report.Baseline;
import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.ReportJson;
import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.report.Report;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Rewrites the baseline ({@code hvae.baseline}) from the run's report ({@code
 * hvae.report-dir/hvae-report.json}): the entries of the tests that ran are replaced, the others
 * kept; an evaluation without value rationality (ERROR, DISABLED) approves nothing. The explicit
 * bless step: review the diff and commit it. Not bound to a phase.
 */
@Mojo(name = "bless", threadSafe = true)
public class BlessMojo extends HvaeMojo {

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("HVAE bless skipped (hvae.skip-goals)");
      return;
    }
    Path reportFile = ReportFiles.jsonIn(reportDirectory(), "");
    if (!Files.isRegularFile(reportFile)) {
      throw new MojoExecutionException(
          "HVAE bless: cannot read the run's report: " + shown(reportFile) + " does not exist. Run the tests first"
              + " (mvn verify), or point hvae.report-dir at the report's folder");
    }
    Path baselineFile = baselineFile();
    try {
      Report report = ReportJson.read(reportFile);
      Baseline before = Baseline.read(baselineFile, shown(baselineFile));
      Baseline after = before.blessedWith(report.evaluations());
      int approved = 0;
      for (Report.Evaluation e : report.evaluations()) {
        String what = VisibleText.of(e.test() + " on " + e.model());
        Optional<Baseline.Entry> was = before.entry(e.test(), e.model());
        Optional<Baseline.Entry> now = after.entry(e.test(), e.model());
        if (e.measured().valueRationality().isEmpty()) {
          getLog().warn("  skipped " + what + ": no value rationality to approve (" + e.verdict() + ")");
        } else if (was.isEmpty()) {
          approved++;
          getLog().info(String.format(Locale.ROOT, "  added   %s: %.3f", what, now.orElseThrow().valueRationality()));
        } else {
          approved++;
          getLog().info(String.format(Locale.ROOT, "  updated %s: %.3f -> %.3f",
              what, was.get().valueRationality(), now.orElseThrow().valueRationality()));
        }
      }
      after.write(baselineFile);
      getLog().info("HVAE bless: approved " + approved + " evaluation(s) into " + shown(baselineFile) + " ("
          + after.entries().size() + " entries); review the diff and commit it");
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new MojoExecutionException("HVAE bless: " + e.getMessage(), e);
    }
  }
}
