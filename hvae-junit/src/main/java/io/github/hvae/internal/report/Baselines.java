package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline's command line: the explicit bless step, and a check for pipelines that gate on a
 * (merged) report rather than inside the test run.
 *
 * <pre>
 * Baselines bless REPORT.json... BASELINE.json   approve the reports' figures (rewrites BASELINE)
 * Baselines check REPORT.json BASELINE.json [TOLERANCE]   exit 1 when value rationality regressed
 * </pre>
 */
public final class Baselines {

  public static final double DEFAULT_TOLERANCE = 0.05;

  private Baselines() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command line's work, returning the exit code: 0 done, 1 regression or refused, 2 usage. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length >= 3 && args[0].equals("bless")) {
        Path baselineFile = Path.of(args[args.length - 1]);
        List<Report.Evaluation> evaluations = new ArrayList<>();
        for (int i = 1; i < args.length - 1; i++) {
          evaluations.addAll(ReportJson.read(Path.of(args[i])).evaluations());
        }
        Baseline before = Baseline.read(baselineFile, baselineFile.toString());
        Baseline after = before.blessedWith(evaluations);
        after.write(baselineFile);
        out.println("Blessed " + evaluations.size() + " evaluation(s) into " + baselineFile + " (" + after.entries().size()
            + " entries); review and commit it");
        return 0;
      }
      if ((args.length == 3 || args.length == 4) && args[0].equals("check")) {
        double tolerance = args.length == 4 ? tolerance(args[3]) : DEFAULT_TOLERANCE;
        Path baselineFile = Path.of(args[2]);
        Baseline baseline = Baseline.read(baselineFile, baselineFile.toString());
        if (baseline.source().isEmpty()) {
          err.println("Baselines: no baseline at " + baselineFile + "; bless one first: Baselines bless REPORT.json " + baselineFile);
          return 1;
        }
        int regressions = 0;
        int compared = 0;
        List<Report.Evaluation> evaluations = ReportJson.read(Path.of(args[1])).evaluations();
        for (Report.Evaluation e : evaluations) {
          var comparison = baseline.compare(e.test(), e.model(), e.measured().valueRationality().map(v -> v.mean()), tolerance);
          compared += comparison.isPresent() ? 1 : 0;
          if (comparison.isPresent() && comparison.get().regressed()) {
            regressions++;
            out.println("REGRESSED " + e.test() + " on " + e.model() + ": " + comparison.get().describe());
          }
        }
        out.println((regressions == 0 ? "No value rationality regression" : regressions + " regression(s)") + " against "
            + baselineFile + " (" + compared + " of " + evaluations.size() + " evaluation(s) have a baseline entry)");
        return regressions == 0 ? 0 : 1;
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("Baselines: " + e.getMessage());
      return 1;
    }
    err.println("usage: Baselines bless REPORT.json... BASELINE.json");
    err.println("       Baselines check REPORT.json BASELINE.json [TOLERANCE]");
    return 2;
  }

  private static double tolerance(String text) {
    try {
      double value = Double.parseDouble(text);
      if (value >= 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "tolerance '%s' is not a number in [0, 1]; give a value rationality difference, e.g. 0.05", text));
  }
}
