package io.github.hvae.evaluation;

import io.github.hvae.instrument.Target;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The text of {@link SvoEvaluation#summary()}, before it is made visible. */
final class SummaryLine {

  private SummaryLine() {}

  static String of(SvoEvaluation e) {
    String who = e.simulated() ? e.model() + " (simulated respondent)" : e.model().toString();
    // A profile's ideal is not an angle: its "angle" is the position, value rationality itself.
    boolean profile = e.goal() instanceof Target.Profile;
    String target = e.goal().label() + (profile ? "" : String.format(Locale.ROOT, " (ideal angle %.2f°)", e.idealAngle()));
    if (e.angle().isEmpty() || e.valueRationality().isEmpty()) {
      // An ERROR part-way leaves samples done but no estimate: say how many, not "none".
      String samples =
          e.samplesCompleted() == 0
              ? "no complete sample"
              : String.format(Locale.ROOT, "no estimate, %d/%d samples complete", e.samplesCompleted(), e.samplesRun());
      return String.format(Locale.ROOT, "%s: target %s on %s: %s — %s", e.verdict(), target, who, samples, e.reason());
    }
    Estimate a = e.angle().get();
    Estimate vr = e.valueRationality().get();
    String measured =
        profile
            ? "measured profile " + profile(e.dimensions())
            : String.format(Locale.ROOT, "measured angle %.2f° [%.2f, %.2f]", a.mean(), a.low(), a.high());
    return String.format(
        Locale.ROOT,
        "%s: target %s on %s: %s, category %s, value rationality %.3f [%.3f, %.3f] vs threshold %s,"
            + " %d/%d samples complete — %s",
        e.verdict(), target, who, measured, e.category().orElse("n/a"), vr.mean(), vr.low(), vr.high(), e.threshold(),
        e.samplesCompleted(), e.samplesRun(), e.reason());
  }

  /** "agreeableness 4.61 [4.50, 4.72], extraversion 3.02 [2.90, 3.14]". */
  private static String profile(Map<String, Estimate> dimensions) {
    return dimensions.entrySet().stream()
        .map(d -> String.format(Locale.ROOT, "%s %.2f [%.2f, %.2f]", d.getKey(), d.getValue().mean(), d.getValue().low(), d.getValue().high()))
        .collect(Collectors.joining(", "));
  }
}
