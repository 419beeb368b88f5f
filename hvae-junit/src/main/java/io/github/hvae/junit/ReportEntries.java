package io.github.hvae.junit;

import io.github.hvae.evaluation.SvoEvaluation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each invocation publishes as report entries: CI keeps these where the build writes them
 * (JUnit's Open Test Reporting XML; Surefire's XML drops them). Keys are stable.
 */
final class ReportEntries {

  private ReportEntries() {}

  static Map<String, String> of(SvoEvaluation e) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("hvae.test", e.test());
    entry.put("hvae.model", e.model() + (e.simulated() ? " (simulated)" : ""));
    entry.put("hvae.instrument", e.instrument());
    entry.put("hvae.target", e.goal().label());
    entry.put("hvae.angle", e.angle().map(a -> format("%.2f", a.mean())).orElse("n/a"));
    entry.put("hvae.angle.interval", e.angle().map(a -> format("[%.2f, %.2f]", a.low(), a.high())).orElse("n/a"));
    entry.put("hvae.category", e.category().orElse("n/a"));
    entry.put("hvae.valueRationality", e.valueRationality().map(v -> format("%.3f", v.mean())).orElse("n/a"));
    entry.put(
        "hvae.valueRationality.interval",
        e.valueRationality().map(v -> format("[%.3f, %.3f]", v.low(), v.high())).orElse("n/a"));
    entry.put("hvae.threshold", format("%.3f", e.threshold().valueRationality()));
    // Completed of run, like the console line: sequential sampling decides how many run.
    entry.put("hvae.samples", e.samplesCompleted() + "/" + e.samplesRun());
    entry.put("hvae.verdict", e.verdict().name());
    entry.put("hvae.reason", e.reason());
    return entry;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
