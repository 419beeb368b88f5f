package io.github.hvae.junit;

import io.github.hvae.internal.report.Baselines;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The report and baseline keys, read like every other configuration parameter. Kept apart from
 * {@link HvaeConfiguration} because only the end of the run and the baseline check need them.
 *
 * @param baseline {@code hvae.baseline}: the committed baseline file; absent file, no comparison
 * @param baselineTolerance {@code hvae.baseline-tolerance}: how far below the baseline value
 *     rationality may fall before the test fails
 * @param bless {@code hvae.baseline-bless}: rewrite the baseline from this run at its end
 * @param fork {@code hvae.fork}: the Surefire fork number, for per-fork report files
 */
record ReportSettings(String baseline, double baselineTolerance, boolean bless, Optional<Integer> fork) {

  static final String BASELINE = HvaeConfiguration.BASELINE;
  static final String BASELINE_TOLERANCE = HvaeConfiguration.BASELINE_TOLERANCE;
  static final String BASELINE_BLESS = HvaeConfiguration.BASELINE_BLESS;
  static final String FORK = HvaeConfiguration.FORK;
  static final String DEFAULT_BASELINE = "src/test/resources/hvae-baseline.json";

  Path baselineFile() {
    return Path.of(baseline);
  }

  static ReportSettings read(Function<String, Optional<String>> parameters) {
    Function<String, Optional<String>> value = key -> parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    String baseline = value.apply(BASELINE).orElse(DEFAULT_BASELINE);
    double tolerance = value.apply(BASELINE_TOLERANCE)
        .map(v -> {
          try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
              return d;
            }
          } catch (NumberFormatException e) {
            // Reported below with the expected form.
          }
          throw new ExtensionConfigurationException("configuration parameter " + BASELINE_TOLERANCE + "='" + v
              + "' is invalid; expected a value rationality difference in [0, 1], e.g. 0.05");
        })
        .orElse(Baselines.DEFAULT_TOLERANCE);
    boolean bless = value.apply(BASELINE_BLESS)
        .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new ExtensionConfigurationException(
              "configuration parameter " + BASELINE_BLESS + "='" + v + "' is invalid; expected true or false");
        })
        .orElse(false);
    Optional<Integer> fork = value.apply(FORK)
        // An unexpanded Surefire placeholder means "not forked by number": write the plain files.
        .filter(v -> !v.startsWith("${"))
        .map(v -> {
          try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
              return n;
            }
          } catch (NumberFormatException e) {
            // Reported below with the expected form.
          }
          throw new ExtensionConfigurationException("configuration parameter " + FORK + "='" + v
              + "' is invalid; expected the Surefire fork number, e.g. <hvae.fork>${surefire.forkNumber}</hvae.fork>");
        });
    return new ReportSettings(baseline, tolerance, bless, fork);
  }
}
